import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { CASE_COUNT_CAP, listCases } from './case-list';

// At national scale the case list counts its matches only up to CASE_COUNT_CAP.
const testDb = useTestDatabase();
let manager: Viewer;
beforeAll(async () => {
  manager = (await demoViewers(testDb)).manager;
});

describe('the case count', () => {
  it('[manager] is exact up to the cap, then says "more than" the cap', async () => {
    const live = async () => Number((await testDb.query<{ n: string }>(`select count(*) as n from investigations where archived_at is null`))[0]!.n);
    const before = await live();
    expect(before).toBeLessThan(CASE_COUNT_CAP);
    expect(await listCases(manager)).toMatchObject({ total: before, moreThanTotal: false });

    // Enough cases (in 1995, outside the demo years) to pass the cap by 10.
    const extra = CASE_COUNT_CAP - before + 10;
    await testDb.query(`insert into investigations (reference, ref_year, ref_seq, title, offence_type, report_channel, reported_on, opened_on)
      select 'CPU-1995-' || lpad(n::text, 4, '0'), 1995, n, 'Count test case', 'rape', 'hotline', date '1995-03-01', date '1995-03-01'
      from generate_series(1, $1::int) n`, [extra]);
    expect(await live()).toBe(CASE_COUNT_CAP + 10);
    const page = await listCases(manager);
    expect(page).toMatchObject({ total: CASE_COUNT_CAP, moreThanTotal: true });
    expect(page.rows).toHaveLength(25);
    // A filter that narrows below the cap is counted exactly again.
    expect(await listCases(manager, { year: 1995 })).toMatchObject({ total: extra, moreThanTotal: false });
  });
});
