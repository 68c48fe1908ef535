import { describe, expect, it } from 'vitest';
import { compactDetail, decodeCursor, encodeCursor, filtersQuery, parseAuditFilters } from './audit-filters';

describe('audit filters', () => {
  it('reads the query string; blanks are no filter', () => {
    const r = parseAuditFilters({ actor: '', action: 'case', record: 'CPU-2021-0001', outcome: 'denied', from: '2021-01-01', to: ['2021-12-31', 'x'] });
    expect(r).toMatchObject({ ok: true, filters: { action: 'case', record: 'CPU-2021-0001', outcome: 'denied', from: '2021-01-01', to: '2021-12-31' } });
    expect(r.ok && r.filters.actor).toBeUndefined();
  });

  it('bad values come back as field errors with what was typed, never a throw', () => {
    const r = parseAuditFilters({ actor: 'nobody', action: 'DROP TABLE', record: 'Sok Dara', outcome: 'maybe', from: '2021-02-30', to: '2020-01-01' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors).toEqual({
      actor: 'caseEdit.errors.invalid', action: 'caseEdit.errors.auditAction', record: 'caseEdit.errors.auditRecord',
      outcome: 'caseEdit.errors.invalid', from: 'caseEdit.errors.dateFormat',
    });
    expect(r.raw.record).toBe('Sok Dara');
    const backwards = parseAuditFilters({ from: '2021-05-01', to: '2021-04-01' });
    expect(!backwards.ok && backwards.fieldErrors).toEqual({ to: 'caseEdit.errors.beforeStart' });
  });

  it('the cursor keeps microseconds and refuses anything else', () => {
    const c = { at: '2026-11-30T05:00:01.123456Z', id: 42 };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor('2026-11-30T05:00:01Z_1; drop')).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('the query string carries set filters only; detail is one short line', () => {
    expect(filtersQuery({ outcome: 'denied', record: undefined }, { after: 'x' })).toBe('outcome=denied&after=x');
    expect(compactDetail({ permission: 'users:manage', reason: null, codes: ['a', 'b'] })).toBe('permission=users:manage · codes=a,b');
    expect(compactDetail({ list: 'x'.repeat(300) }).length).toBe(160);
    expect(compactDetail(null)).toBe('');
  });
});
