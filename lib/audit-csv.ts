import { stringify } from 'csv-stringify/sync';
import { compactDetail } from './audit-filters';
import { neutraliseFormula } from './csv';

export const AUDIT_CSV_COLUMNS = ['id', 'time', 'person', 'role', 'action', 'outcome', 'entityType', 'entityId', 'caseReference', 'detail'] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

type Row = {
  id: number; at: Date; actorName: string | null; actorRole: string | null; action: string; outcome: string;
  entityType: string | null; entityId: string | null; caseReference: string | null; detail: Record<string, unknown> | null;
};

/**
 * Audit rows as CSV (byte-order mark for Khmer in spreadsheets). Times in UTC ISO form so
 * a spreadsheet sorts them; codes stay codes. Every cell is formula-neutralised: entity ids
 * come from URLs and names from people.
 */
export function auditCsv(rows: readonly Row[], header: (column: AuditCsvColumn) => string): string {
  const body = rows.map((r) => [
    r.id, r.at.toISOString(), r.actorName ?? '', r.actorRole ?? '', r.action, r.outcome,
    r.entityType ?? '', r.entityId ?? '', r.caseReference ?? '', compactDetail(r.detail, 1000),
  ]);
  return '\uFEFF' + stringify([AUDIT_CSV_COLUMNS.map(header), ...body].map((row) => row.map(neutraliseFormula)));
}
