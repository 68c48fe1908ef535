import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { isLocale } from '@/lib/i18n/locale';
import { ForbiddenError } from '@/lib/errors';
import { getDb } from '@/db/client';
import { getReportYear, type ReportVersion } from '@/db/queries/annual-reports';
import { computeYearFigures } from '@/db/queries/metrics';
import { can, type Viewer } from '@/lib/policy';
import type { Locale } from '@/lib/vocabulary';
import { reportContent } from '@/lib/report/report-content';
import { plainAnswer } from '@/lib/http/plain-answer';

/** The year in the URL, or null when it isn't one. */
export function parseYear(raw: string): number | null {
  const year = Number(raw);
  return /^\d{4}$/.test(raw) && year >= 1990 && year <= 2200 ? year : null;
}

/**
 * The version a URL asks for (?version=N, or 'draft'). By default, the draft for those who
 * write it (they are working on it), else the latest published version. A published version
 * brings its frozen figures; a draft, today's.
 */
export async function loadReport(viewer: Viewer, year: number, asked: string | undefined, locale: Locale) {
  const versions = await getReportYear(viewer, year);
  const report: ReportVersion | null = asked === 'draft'
    ? versions.draft
    : asked
      ? versions.published.find((p) => String(p.versionNo) === asked) ?? null
      : (can(viewer, 'reports:write') ? versions.draft : null) ?? versions.published[0] ?? versions.draft;
  if (!report) return { versions, report: null, content: null };
  // Permission checked by getReportYear (reports:read): the figures are read without a viewer.
  const figures = report.figures ?? (await computeYearFigures(getDb(), { year }));
  const [tReports, tDashboard] = await Promise.all([getTranslations({ locale, namespace: 'reports' }), getTranslations({ locale, namespace: 'dashboard' })]);
  const content = reportContent(report, figures, {
    reports: (k, v) => tReports(k as never, v as never),
    dashboard: (k, v) => tDashboard(k as never, v as never),
  }, locale);
  return { versions, report, content, figures, pageLabel: (page: number, pages: number) => tReports('page', { page, pages }), tReports };
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadReport>>> & { content: NonNullable<Awaited<ReturnType<typeof loadReport>>['content']> };

/**
 * A download of one version (?version=N, ?lang=en|km): checks the viewer (401/403/404 as
 * plain answers, never an error page), then hands the loaded report to `render`.
 */
export async function reportDownload(
  request: Request,
  params: Promise<{ year: string }>,
  file: { type: string; extension: string },
  render: (loaded: Loaded, locale: Locale) => Promise<Buffer>,
): Promise<Response> {
  const noStore = { 'Cache-Control': 'no-store' };
  const viewer = await getViewer();
  if (!viewer) return plainAnswer(401);
  const year = parseYear((await params).year);
  if (year === null) return plainAnswer(404);
  const query = new URL(request.url).searchParams;
  const lang = query.get('lang') ?? (await getLocale());
  const locale: Locale = isLocale(lang) ? lang : 'en';
  let loaded;
  try {
    loaded = await loadReport(viewer, year, query.get('version') ?? undefined, locale);
  } catch (err) {
    if (err instanceof ForbiddenError) return plainAnswer(403);
    throw err;
  }
  if (!loaded.report || !loaded.content) return plainAnswer(404);
  const body = await render(loaded as Loaded, locale);
  const name = `cpu-annual-report-${year}-v${loaded.report.versionNo}${loaded.report.status === 'draft' ? '-draft' : ''}-${locale}.${file.extension}`;
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': file.type, 'Content-Disposition': `attachment; filename="${name}"`, ...noStore },
  });
}
