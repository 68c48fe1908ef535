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
    // Cases in 1995, outside the demo years, so the year filter counts only these.
    const addCases = (from: number, n: number) => testDb.query(`insert into investigations (reference, ref_year, ref_seq, title, offence_type, report_channel, reported_on, opened_on)
      select 'CPU-1995-' || lpad(n::text, 4, '0'), 1995, n, 'Count test case', 'rape', 'hotline', date '1995-03-01', date '1995-03-01'
      from generate_series($1::int, $2::int) n`, [from, from + n - 1]);
    await addCases(1, CASE_COUNT_CAP);
    expect(await listCases(manager, { year: 1995 })).toMatchObject({ total: CASE_COUNT_CAP, moreThanTotal: false });

    await addCases(CASE_COUNT_CAP + 1, 10);
    const page = await listCases(manager, { year: 1995 });
    expect(page).toMatchObject({ total: CASE_COUNT_CAP, moreThanTotal: true });
    expect(page.rows).toHaveLength(25);
    // The count does not depend on the order.
    expect(await listCases(manager, { year: 1995, sort: 'reference' })).toMatchObject({ total: CASE_COUNT_CAP, moreThanTotal: true });
    // A filter that narrows below the cap is counted exactly again.
    await testDb.query(`update investigations set status = 'closed', close_reason = 'no_further_action', closed_at = now() where ref_year = 1995 and ref_seq <= 7`);
    expect(await listCases(manager, { year: 1995, status: 'closed' })).toMatchObject({ total: 7, moreThanTotal: false });
    // The demo alone is more than the cap: the unfiltered list says so.
    expect(await listCases(manager)).toMatchObject({ total: CASE_COUNT_CAP, moreThanTotal: true });
  });
});
