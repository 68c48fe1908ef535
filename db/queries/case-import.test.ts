import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError } from '@/lib/errors';
import { chunks, importCsv, ROWS_PER_CASE, type Edits } from '@/lib/case-import/test-files';
import { importCases } from './case-import';

const testDb = useTestDatabase();
let manager: Viewer, investigator: Viewer, liaison: Viewer, admin: Viewer;

beforeAll(async () => {
  ({ manager, investigator, liaison, admin } = await demoViewers(testDb));
});

const TABLES = ['investigations', 'investigation_members', 'offence_locations', 'suspects', 'victims', 'case_events'] as const;
async function counts() {
  const [row] = await testDb.query<Record<string, number>>(
    `select ${TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')},
      (select count(*)::int from audit_events where action <> 'case.import') as audit`);
  return row!;
}

const CASES = 250; // 1,000 rows
// Three bad rows: a child of 19, an unknown province, an arrested suspect without a date.
const BAD: Edits = new Map<number, Record<string, string>>([
  [5, { victim_age: '19' }],
  [402, { province_code: '99' }],
  [999, { arrested_on: '' }],
]);

describe('importCases', () => {
  it('[manager] a file with 3 bad rows among 1,000 imports nothing and reports exactly those lines and columns', async () => {
    const before = await counts();
    const file = importCsv(CASES, 'BAD');
    expect(file.trim().split('\n')).toHaveLength(1 + CASES * ROWS_PER_CASE);
    for (const mode of ['check', 'import'] as const) {
      const summary = await importCases(manager, chunks(importCsv(CASES, 'BAD', BAD)), { mode, ip: null });
      expect(summary.lines).toBe(1000);
      expect(summary.problems.map((p) => [p.line, p.column, p.code])).toEqual([
        [5, 'victim_age', 'victimAgeRange'],
        [402, 'province_code', 'unknownValue'],
        [999, 'arrested_on', 'arrestDateRequired'],
      ]);
      expect(summary.problemCount).toBe(3);
      expect(summary.created).toBe(0);
    }
    expect(await counts()).toEqual(before);
  });

  it('[manager] the corrected file imports all 1,000 rows as 250 cases, each with its timeline event and audit rows', async () => {
    const before = await counts();
    const check = await importCases(manager, chunks(importCsv(CASES, 'GOOD')), { mode: 'check', ip: null });
    expect(check).toMatchObject({ lines: 1000, cases: CASES, problemCount: 0, created: 0 });
    expect(await counts()).toEqual(before);

    const progress: number[] = [];
    const summary = await importCases(manager, chunks(importCsv(CASES, 'GOOD'), 4096), { mode: 'import', ip: '10.0.0.9', onProgress: (p) => progress.push(p.lines) });
    expect(summary).toMatchObject({ lines: 1000, cases: CASES, existing: 0, created: CASES, problemCount: 0 });
    expect(progress.at(-1)).toBe(1000);
    const after = await counts();
    expect(after.investigations! - before.investigations!).toBe(CASES);
    expect(after.offence_locations! - before.offence_locations!).toBe(CASES);
    expect(after.suspects! - before.suspects!).toBe(CASES);
    expect(after.victims! - before.victims!).toBe(2 * CASES);
    expect(after.case_events! - before.case_events!).toBe(CASES);
    // case_opened + one per suspect + one per child
    expect(after.audit! - before.audit!).toBe(CASES * 4);

    const [one] = await testDb.query<Record<string, unknown>>(
      `select i.reference, i.opened_on::text, i.status, i.close_reason, i.ref_year, m.user_id, m.role,
         (select count(*)::int from case_events e where e.investigation_id = i.id and e.kind = 'case_opened') as events
       from investigations i join investigation_members m on m.investigation_id = i.id where i.external_ref = 'GOOD-000003'`);
    expect(one).toMatchObject({ opened_on: '2018-03-04', status: 'closed', close_reason: 'convicted', ref_year: 2018, user_id: manager.userId, role: 'lead', events: 1 });
    expect(one!.reference).toMatch(/^CPU-2018-\d{4}$/);
    const [audit] = await testDb.query<{ detail: Record<string, number>; outcome: string }>(
      `select detail, outcome from audit_events where action = 'case.import' and actor_id = $1 order by id desc limit 1`, [manager.userId]);
    expect(audit).toMatchObject({ outcome: 'allowed', detail: { mode: 'import', lines: 1000, cases: CASES, created: CASES } });
  });

  it('[manager] importing the same file again adds nothing', async () => {
    const before = await counts();
    const summary = await importCases(manager, chunks(importCsv(CASES, 'GOOD')), { mode: 'import', ip: null });
    expect(summary).toMatchObject({ cases: CASES, existing: CASES, created: 0, problemCount: 0 });
    expect(await counts()).toEqual(before);
  });

  for (const role of ['investigator', 'liaison', 'admin'] as const) {
    it(`[${role}] is refused, the refusal is audited, and nothing is written`, async () => {
      const viewer = { investigator, liaison, admin }[role];
      const before = await counts();
      await expect(importCases(viewer, chunks(importCsv(3, `DENY-${role}`)), { mode: 'import', ip: null })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await counts()).toEqual(before);
      const [denied] = await testDb.query(`select 1 from audit_events where action = 'case.import' and outcome = 'denied' and actor_id = $1`, [viewer.userId]);
      expect(denied).toBeDefined();
    });
  }

  it('[manager] files that are not CSV of this format get a problem, never an exception', async () => {
    const run = async (body: string | Buffer, maxBytes?: number) =>
      (await importCases(manager, chunks(body), { mode: 'check', ip: null, maxBytes })).problems.map((p) => [p.line, p.column, p.code]);
    expect(await run('')).toEqual([[1, '', 'emptyFile']]);
    expect(await run(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00]))).toEqual([[1, '', 'notUtf8']]);
    expect(await run(Buffer.from('external_reference\u0000,title\n', 'utf8'))).toEqual([[1, '', 'notText']]);
    expect(await run(Buffer.from('external_reference,title\n\xe9t\xe9\n', 'latin1'))).toEqual([[1, '', 'notUtf8']]);
    const missing = await run('external_reference,title,colour\nA,B,C\n');
    expect(missing).toContainEqual([1, 'colour', 'unknownColumn']);
    expect(missing).toContainEqual([1, 'offence_type', 'missingColumn']);
    expect(await run(importCsv(1, 'Q').replace('Imported case 0', '"Imported case 0'))).toEqual([[2, '', 'csvSyntax']]);
    expect(await run(importCsv(20, 'BIG'), 1000)).toEqual([[1, '', 'tooLarge']]);
    expect(await run(importCsv(0, 'HEAD'))).toEqual([[2, '', 'noRows']]);
  });

  it('[manager] the rows of one case must be together, and agree on the case columns', async () => {
    const file = importCsv(2, 'SPLIT', new Map<number, Record<string, string>>([[3, { title: 'Another title' }], [8, { external_reference: 'SPLIT-000000' }]]));
    const summary = await importCases(manager, chunks(file), { mode: 'check', ip: null });
    expect(summary.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'title', 'differsFromFirstRow'],
      [8, 'external_reference', 'caseRowsApart'],
    ]);
  });
});
