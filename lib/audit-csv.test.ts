import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditCsv } from './audit-csv';

describe('audit CSV', () => {
  it('neutralises formulas in names and ids, keeps ids numeric and times in UTC', () => {
    const csv = auditCsv([{
      id: 7, at: new Date('2026-11-30T05:00:00.000Z'), actorName: '=HYPERLINK("x")', actorRole: 'manager', action: 'case.view', outcome: 'allowed',
      entityType: 'investigation', entityId: '+123', caseReference: 'CPU-2021-0001', detail: { reason: 'not_found_or_out_of_scope' },
    }], (c) => c);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [row] = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(row).toEqual({
      id: '7', time: '2026-11-30T05:00:00.000Z', person: `'=HYPERLINK("x")`, role: 'manager', action: 'case.view', outcome: 'allowed',
      entityType: 'investigation', entityId: "'+123", caseReference: 'CPU-2021-0001', detail: 'reason=not_found_or_out_of_scope',
    });
  });
});
