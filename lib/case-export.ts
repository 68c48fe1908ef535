import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './csv';

/** The columns of a case-list export, in order. `summary` is there only for those who may read it. */
export const CASE_EXPORT_COLUMNS = [
  'reference', 'externalReference', 'title', 'status', 'closeReason', 'openedOn', 'reportedOn', 'offenceFrom', 'offenceTo',
  'offenceType', 'priority', 'reportChannel', 'provinces', 'districts', 'lead', 'suspects', 'arrested', 'victims', 'summary',
] as const;
export type CaseExportColumn = (typeof CASE_EXPORT_COLUMNS)[number];

export type ExportRowInput = {
  reference: string; externalReference: string | null; title: string; status: string; closeReason: string | null;
  openedOn: string; reportedOn: string; offenceFrom: string | null; offenceTo: string | null; offenceType: string;
  priority: string; reportChannel: string; provinces: string | null; districts: string | null; lead: string | null;
  suspects: number; arrested: number; victims: number; summary?: string | null;
};

/** Codes shown in the reader's language (status, close reason, priority, channel). */
export type ExportLabels = {
  header: (column: CaseExportColumn) => string;
  status: (code: string) => string;
  closeReason: (code: string) => string;
  priority: (code: string) => string;
  reportChannel: (code: string) => string;
};

export function exportColumns(withSummary: boolean): CaseExportColumn[] {
  return CASE_EXPORT_COLUMNS.filter((c) => c !== 'summary' || withSummary);
}

/** One row's cells, formula-neutralised (titles, places and names are typed by people). */
export function exportCells(row: ExportRowInput, columns: readonly CaseExportColumn[], labels: ExportLabels): (string | number | null)[] {
  const value = (column: CaseExportColumn): string | number | null => {
    switch (column) {
      case 'status': return labels.status(row.status);
      case 'closeReason': return row.closeReason ? labels.closeReason(row.closeReason) : null;
      case 'priority': return labels.priority(row.priority);
      case 'reportChannel': return labels.reportChannel(row.reportChannel);
      default: return row[column] ?? null;
    }
  };
  return columns.map((c) => neutraliseFormula(value(c)));
}

/** CSV text of some rows (the header when asked), to be streamed batch by batch. */
export function csvChunk(rows: (string | number | null)[][]): string {
  return stringify(rows);
}

export function csvHeader(columns: readonly CaseExportColumn[], labels: ExportLabels): string {
  // Byte-order mark so spreadsheets read Khmer as UTF-8.
  return '\uFEFF' + stringify([columns.map((c) => neutraliseFormula(labels.header(c)))]);
}
