import 'server-only';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { clientIp } from '@/lib/auth/request-info';
import { can, type Viewer } from '@/lib/policy';
import { parseCaseFilters, withKnownChoices, type CaseSearchParams } from '@/lib/case-filters';
import { isLocale } from '@/lib/i18n/locale';
import { plainAnswer } from '@/lib/http/plain-answer';
import { exportColumns, type CaseExportColumn, type ExportLabels } from '@/lib/case-export';
import { caseListOptions } from '@/db/queries/case-list-options';
import { exportCases, type ExportFormat } from '@/db/queries/case-export';

export type Prepared = { viewer: Viewer; export: Awaited<ReturnType<typeof exportCases>>; columns: CaseExportColumn[]; labels: ExportLabels; filename: string };

/** The filters of the list's URL (?q=..&year=..&sort=..), read exactly as the list reads them. */
function searchParams(url: string): CaseSearchParams {
  const params = new URL(url).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]));
}

/** Checks the viewer, reads the filters, audits and opens the export; or the refusal to send. */
export async function prepareCaseExport(request: Request, format: ExportFormat, maxRows?: number): Promise<Prepared | Response> {
  const viewer = await getViewer();
  if (!viewer) return plainAnswer(401);
  const ip = clientIp(await headers());
  const locale = await getLocale();
  const lang = isLocale(locale) ? locale : 'en';
  if (!can(viewer, 'cases:list')) {
    // The data layer refuses again and audits the refusal.
    await exportCases(viewer, parseCaseFilters({}), { format, locale: lang, ip }).catch(() => undefined);
    return plainAnswer(403);
  }
  const filters = withKnownChoices(parseCaseFilters(searchParams(request.url)), await caseListOptions(viewer, lang));
  const opened = await exportCases(viewer, filters, { format, locale: lang, ip, maxRows });
  if (opened.tooMany) return plainAnswer(413);

  const [tCols, tStatus, tLife, tPriority, tForm] = await Promise.all([
    getTranslations('caseExport.columns'), getTranslations('caseStatus'), getTranslations('lifecycle.closeReasons'),
    getTranslations('priority'), getTranslations('caseForm.reportChannels'),
  ]);
  const labels: ExportLabels = {
    header: (c) => tCols(c),
    status: (c) => tStatus(c as never),
    closeReason: (c) => tLife(c as never),
    priority: (c) => tPriority(c as never),
    reportChannel: (c) => tForm(c as never),
  };
  const stamp = new Date().toISOString().slice(0, 10);
  return { viewer, export: opened, columns: exportColumns(opened.withSummary), labels, filename: `cases-${stamp}.${format}` };
}

export const downloadHeaders = (type: string, filename: string) => ({
  'Cache-Control': 'no-store',
  'Content-Type': type,
  'Content-Disposition': `attachment; filename="${filename}"`,
});
