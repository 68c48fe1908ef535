import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers, type DemoRole } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { expenditureEdit, expenditureRemove } from '@/lib/validation/expenditure';
import { listExpenditures, removeExpenditure, saveExpenditure } from './expenditures';
import { computeYearFigures } from './metrics';

const testDb = useTestDatabase();
let v: Record<DemoRole, Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

const snapshot = async () => (await testDb.query(`select json_agg(e order by e.id)::text as rows from expenditures e`))[0];
const spent = async (year: number) => (await computeYearFigures(testDb.db(), { year })).headlines.spent;

describe('expenditure', () => {
  it('[manager] adds, corrects and removes a line; "spent" follows on the next read; each change audited', async () => {
    const before = await spent(2020);
    const added = await saveExpenditure(v.manager, expenditureEdit.parse({ year: 2020, category: 'training', amountUsd: '1250.50', note: 'Forensic interview course' }), null);
    expect(await spent(2020)).toBeCloseTo(before! + 1250.5, 2);

    const changed = await saveExpenditure(v.manager, expenditureEdit.parse({ id: added.id, version: added.version, year: 2020, category: 'training', amountUsd: '1000', note: '' }), null);
    expect(changed.version).toBe(added.version + 1);
    expect(await spent(2020)).toBeCloseTo(before! + 1000, 2);
    expect((await listExpenditures(v.manager, 2020)).find((e) => e.id === added.id)).toMatchObject({ amountUsd: '1000.00', note: null });

    await removeExpenditure(v.manager, expenditureRemove.parse({ id: added.id, version: changed.version }), null);
    expect(await spent(2020)).toBeCloseTo(before!, 2);
    expect((await listExpenditures(v.manager, 2020)).some((e) => e.id === added.id)).toBe(false);

    const audit = await testDb.query<{ action: string }>(`select action from audit_events where entity_id = $1 order by id`, [added.id]);
    expect(audit.map((a) => a.action)).toEqual(['expenditure.create', 'expenditure.update', 'expenditure.remove']);
  });

  it('[manager] a stale version is refused with the line as it is now, and nothing changes', async () => {
    const added = await saveExpenditure(v.manager, expenditureEdit.parse({ year: 2019, category: 'operations', amountUsd: '10' }), null);
    await saveExpenditure(v.manager, expenditureEdit.parse({ id: added.id, version: added.version, year: 2019, category: 'operations', amountUsd: '20' }), null);
    const before = await snapshot();
    const err = await saveExpenditure(v.manager, expenditureEdit.parse({ id: added.id, version: added.version, year: 2019, category: 'operations', amountUsd: '30' }), null).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).detail).toMatchObject({ version: added.version + 1, current: { amountUsd: '20.00' } });
    await expect(removeExpenditure(v.manager, { id: added.id, version: added.version }, null)).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['investigator', 'liaison', 'admin'] as const)('[%s] may not list, add, change or remove: refused, audited, nothing written', async (role) => {
    const [line] = await testDb.query<{ id: string; version: number }>(`select id, version from expenditures where archived_at is null limit 1`);
    const before = await snapshot();
    await expect(listExpenditures(v[role], 2021)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveExpenditure(v[role], expenditureEdit.parse({ year: 2021, category: 'other', amountUsd: '5' }), null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveExpenditure(v[role], expenditureEdit.parse({ id: line!.id, version: line!.version, year: 2021, category: 'other', amountUsd: '5' }), null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeExpenditure(v[role], { id: line!.id, version: line!.version }, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
    const [denied] = await testDb.query<{ n: number }>(`select count(*)::int as n from audit_events where actor_id = $1 and action like 'expenditure.%' and outcome = 'denied'`, [v[role].userId]);
    expect(denied!.n).toBe(4);
  });

  it('bad amounts and years get field messages', () => {
    const errors = (raw: Record<string, unknown>) => {
      const r = expenditureEdit.safeParse({ year: 2021, category: 'training', amountUsd: '10', ...raw });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(errors({})).toEqual({});
    expect(errors({ amountUsd: '-5' })).toEqual({ amountUsd: 'caseEdit.errors.amount' });
    expect(errors({ amountUsd: '1,250' })).toEqual({ amountUsd: 'caseEdit.errors.amount' });
    expect(errors({ amountUsd: '10.555' })).toEqual({ amountUsd: 'caseEdit.errors.amount' });
    expect(errors({ amountUsd: '' })).toEqual({ amountUsd: 'caseEdit.errors.required' });
    expect(errors({ year: '1850' })).toEqual({ year: 'caseEdit.errors.year' });
    expect(errors({ category: 'bribes' })).toEqual({ category: 'caseEdit.errors.required' });
  });
});
