import { renderReportPdf } from '@/lib/report/report-pdf';
import { reportDownload } from '../load';

/** GET /reports/2021/pdf?version=2&lang=km: one version of the report as a PDF. */
export function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  return reportDownload(request, params, { type: 'application/pdf', extension: 'pdf' },
    (loaded, locale) => renderReportPdf(loaded.content, locale, loaded.pageLabel!));
}
