import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers, type DemoRole } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError } from '@/lib/errors';
import { computeYearFigures, getYearFigures } from './metrics';

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
