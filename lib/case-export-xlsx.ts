import 'server-only';
import writeXlsxFile, { type Sheet } from 'write-excel-file/node';
import type { CaseExportColumn } from './case-export';

/** A workbook holds every row in memory while it is written: larger exports go to CSV. */
export const XLSX_MAX_ROWS = 50_000;

/** Cells already neutralised by exportCells: numbers stay numbers, the rest is text. */
export async function casesWorkbook(header: string[], rows: (string | number | null)[][], sheet: string, columns: readonly CaseExportColumn[]): Promise<Buffer> {
  const data: Sheet<Buffer>['data'] = [
    header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((row) => row.map((cell) => (cell === null ? null : typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String }))),
  ];
  const widths = columns.map((c) => ({ width: c === 'title' || c === 'summary' ? 50 : 18 }));
  return writeXlsxFile([{ sheet: sheet.slice(0, 31), data, columns: widths }]).toBuffer();
}
