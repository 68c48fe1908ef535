import { getTranslations } from 'next-intl/server';
import { exportCells } from '@/lib/case-export';
import { neutraliseFormula } from '@/lib/csv';
import { casesWorkbook, XLSX_MAX_ROWS } from '@/lib/case-export-xlsx';
import { downloadHeaders, prepareCaseExport } from '../load';

/** GET /cases/export/xlsx?<the list's filters>: every matching case in scope as a workbook (up to XLSX_MAX_ROWS). */
export async function GET(request: Request) {
  const prepared = await prepareCaseExport(request, 'xlsx', XLSX_MAX_ROWS);
  if (prepared instanceof Response) return prepared;
  const { columns, labels } = prepared;
  const rows: (string | number | null)[][] = [];
  for await (const batch of prepared.export.batches()) for (const row of batch) rows.push(exportCells(row, columns, labels));
  const header = columns.map((c) => String(neutraliseFormula(labels.header(c))));
  const workbook = await casesWorkbook(header, rows, (await getTranslations('caseList'))('title'), columns);
  return new Response(new Uint8Array(workbook), {
    headers: downloadHeaders('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', prepared.filename),
  });
}
