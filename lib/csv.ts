import { stringify } from 'csv-stringify/sync';
import type { FigureTable } from './metrics-tables';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the
 * start) gets a leading apostrophe: it reads as text. Numbers are left as numbers.
 */
export function neutraliseFormula(cell: string | number | null): string | number | null {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A table as CSV with a byte-order mark, so spreadsheets read Khmer as UTF-8. */
export function tableCsv(table: Pick<FigureTable, 'columns' | 'rows'>): string {
  return '\uFEFF' + stringify([table.columns.map((c) => c.label), ...table.rows].map((row) => row.map(neutraliseFormula)));
}
