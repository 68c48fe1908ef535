import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { chunks, importCsv, ROWS_PER_CASE } from '@/lib/case-import/test-files';
import { importCases } from './case-import';

/*
 * The large-import check: 100,000 rows (25,000 cases) in one all-or-nothing transaction,
 * read as a stream. Slow (about a minute on 2 cores); it prints its time and the process's
 * peak memory so they can be reported. Runs with the rest of `npm test`.
 */
const testDb = useTestDatabase();
let manager: Viewer;
beforeAll(async () => {
  ({ manager } = await demoViewers(testDb));
});

const CASES = 25_000;

describe('large import', () => {
  it('[manager] imports 100,000 rows', { timeout: 600_000 }, async () => {
    const file = Buffer.from(importCsv(CASES, 'LARGE'), 'utf8');
    const [before] = await testDb.query<{ n: number }>('select count(*)::int as n from investigations');
    let peak = process.memoryUsage().rss;
    const started = Date.now();
    const summary = await importCases(manager, chunks(file), {
      mode: 'import', ip: null, onProgress: () => { peak = Math.max(peak, process.memoryUsage().rss); },
    });
    const seconds = (Date.now() - started) / 1000;
    const [after] = await testDb.query<{ n: number }>('select count(*)::int as n from investigations');
    console.log(`[large import] ${summary.lines} rows, ${summary.created} cases, ${(file.length / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s; peak RSS ${(peak / 1e6).toFixed(0)} MB`);
    expect(summary).toMatchObject({ lines: CASES * ROWS_PER_CASE, cases: CASES, created: CASES, problemCount: 0 });
    expect(after!.n - before!.n).toBe(CASES);
  });
});
