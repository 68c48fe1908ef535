import { reportWorkbook } from '@/lib/report/report-xlsx';
import { reportDownload } from '../load';

/** GET /reports/2021/xlsx?version=2: one version of the report as a workbook, one sheet per table. */
export function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  return reportDownload(request, params, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
    (loaded) => reportWorkbook(loaded.content, loaded.tReports!('narrativeSheet')));
}
