import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers, type DemoRole } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError } from '@/lib/errors';
import { arrestRecord } from '@/lib/validation/case-edit';
import { computeYearFigures, getYearFigures } from './metrics';
import { recordArrest } from './case-arrests';

// The published 2021 figures, read through the metrics module from the seeded demo data.
const testDb = useTestDatabase();
let v: Record<DemoRole, Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

describe('the 2021 figures of the demo data', () => {
  it('match the published report', async () => {
    const f = await getYearFigures(v.manager, { year: 2021 });
    expect(f.headlines.investigations).toBe(313);
    expect(f.headlines.suspectsArrested).toBe(268);
    expect(f.headlines.arrestRate).toBeCloseTo(268 / 313, 10);
    expect(f.headlines.provincesWithOffences).toBe(21);
    expect(f.headlines.spent).toBeGreaterThan(1_120_000);
    expect(f.headlines.spent).toBeLessThan(1_130_000);
    expect(f.headlines.resolutionRate).toBeGreaterThanOrEqual(0.88);
    expect(f.headlines.resolutionRate).toBeLessThanOrEqual(0.91);
    expect(f.provinces).toHaveLength(25);
    expect(f.provinces.slice(0, 2).map((p) => [p.nameEn, p.locations])).toEqual([['Kampong Chhnang', 5], ['Phnom Penh', 5]]);
    expect(f.relationships.slice(0, 2).map((r) => r.code)).toEqual(['neighbour', 'father']);
    expect(f.byMonth.reduce((s, m) => s + m.investigations, 0)).toBe(313);
    expect(f.years.find((y) => y.year === 2021)).toMatchObject({ investigations: 313, suspectsArrested: 268 });
    expect(f.previous.investigations).toBe(f.years.find((y) => y.year === 2020)!.investigations);
  });

  it('[investigator] may read the figures; [liaison] and [admin] may not', async () => {
    await expect(getYearFigures(v.investigator, { year: 2021 })).resolves.toMatchObject({ headlines: { investigations: 313 } });
    await expect(getYearFigures(v.liaison, { year: 2021 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getYearFigures(v.admin, { year: 2021 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('an empty year reads as zeros and no rates, not as an error', async () => {
    const f = await computeYearFigures(testDb.db(), { year: 1999 });
    expect(f.headlines).toMatchObject({ investigations: 0, suspectsArrested: 0, arrestRate: null, resolutionRate: null, spent: null });
  });
});

describe('figures follow the records', () => {
  it('an arrest recorded now counts on the next read, in the year of its date', async () => {
    const [s] = await testDb.query<{ caseId: string; id: string; version: number }>(
      `select s.investigation_id as "caseId", s.id, s.version from suspects s join investigations i on i.id = s.investigation_id
        where s.arrested_on is null and s.archived_at is null and i.archived_at is null and i.opened_on < date '2022-01-01'
          and (i.offence_from is null or i.offence_from <= date '2022-03-01') order by s.id limit 1`);
    const before = await computeYearFigures(testDb.db(), { year: 2022 });
    const agency = (await testDb.query<{ id: string }>(`select id from agencies where kind = 'police' and active limit 1`))[0]!.id;
    await recordArrest(v.manager, arrestRecord.parse({ caseId: s!.caseId, id: s!.id, version: s!.version, arrestedOn: '2022-03-01', arrestingAgencyId: agency }), null);
    const after = await computeYearFigures(testDb.db(), { year: 2022 });
    expect(after.headlines.suspectsArrested).toBe(before.headlines.suspectsArrested! + 1);
    expect(after.years.find((y) => y.year === 2022)!.suspectsArrested).toBe(before.years.find((y) => y.year === 2022)!.suspectsArrested + 1);
  });
});
