import { getLocale, getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { can } from '@/lib/policy';
import { isLocale } from '@/lib/i18n/locale';
import { dashboardOptions, getYearFigures } from '@/db/queries/metrics';
import { parseDashboardFilters } from '@/lib/dashboard-filters';
import { figureTables, isTableKey } from '@/lib/metrics-tables';
import { tableCsv } from '@/lib/csv';
import { plainAnswer } from '@/lib/http/plain-answer';

/** GET /dashboard/csv?table=provinces&year=2021[&province=..&offence=..]: one chart's table as CSV. */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return plainAnswer(401);
  // The data layer checks the permission again (and audits a refusal); this gives the status.
  if (!can(viewer, 'dashboard:read')) {
    await getYearFigures(viewer, { year: 0 }).catch(() => undefined);
    return plainAnswer(403);
  }
  const params = new URL(request.url).searchParams;
  const key = params.get('table');
  if (!isTableKey(key)) return plainAnswer(400);

  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const options = await dashboardOptions(viewer, locale);
  const { filters } = parseDashboardFilters(Object.fromEntries(params), options);
  const [figures, t] = await Promise.all([getYearFigures(viewer, filters), getTranslations('dashboard')]);
  const table = figureTables(figures, (k, v) => t(k as never, v as never), locale).find((x) => x.key === key)!;
  const name = [`cpu-${filters.year}`, filters.province && `province-${filters.province}`, filters.offenceType, key].filter(Boolean).join('-');
  return new Response(tableCsv(table), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
