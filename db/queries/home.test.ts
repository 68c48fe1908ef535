import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError } from '@/lib/errors';
import { getCase } from './case-read';
import { listCaseUpdates, listSharedCases, SHARED_PAGE_SIZE, type SharedCase } from './home';
import { findCaseByReference } from './case-find-reference';

const testDb = useTestDatabase();
let v: Record<'investigator' | 'liaison' | 'manager' | 'admin', Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

// Each test takes cases no other test has touched.
const used = new Set<string>();
async function takeCase(where: string, params: unknown[]): Promise<{ id: string; reference: string }> {
  const rows = await testDb.query<{ id: string; reference: string }>(
    `select i.id, i.reference from investigations i where i.archived_at is null and ${where} order by i.reference`, params);
  const row = rows.find((r) => !used.has(r.id));
  if (!row) throw new Error('no unused case');
  used.add(row.id);
  return row;
}
const MEMBER = `exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1)`;
const SHARED = `exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $1)`;

/** Another CPU investigator, never the demo one. */
async function otherInvestigator(): Promise<string> {
  const [row] = await testDb.query<{ id: string }>(`select id from users where role = 'investigator' and id <> $1 order by email limit 1`, [v.investigator.userId]);
  return row!.id;
}
const addEvent = (caseId: string, actorId: string, kind: string) =>
  testDb.query(`insert into case_events (investigation_id, actor_id, kind, data) values ($1, $2, $3, '{}')`, [caseId, actorId, kind]);

async function allSharedCases(viewer: Viewer): Promise<SharedCase[]> {
  const first = await listSharedCases(viewer, 1);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pages; page++) rows.push(...(await listSharedCases(viewer, page)).rows);
  expect(rows.length).toBe(first.total);
  return rows;
}

describe('updates for case members', () => {
  it('[investigator] the demo starts with nothing updated', async () => {
    const updates = await listCaseUpdates(v.investigator);
    expect(updates.total).toBe(0);
  });

  it("[investigator] another's change shows with its kinds; opening the case clears it", async () => {
    const c = await takeCase(MEMBER, [v.investigator.userId]);
    const other = await otherInvestigator();
    await addEvent(c.id, other, 'suspect_arrested');
    await addEvent(c.id, v.manager.userId, 'prosecution_updated');
    await addEvent(c.id, v.manager.userId, 'prosecution_updated');

    const updates = await listCaseUpdates(v.investigator);
    const row = updates.rows.find((r) => r.id === c.id);
    expect(row, 'the case is listed').toBeDefined();
    expect(row!.reference).toBe(c.reference);
    expect(row!.kinds).toEqual(['prosecution_updated', 'suspect_arrested']);
    expect(row!.changes).toBe(3);
    expect(row!.lastBy).toBe(v.manager.name);
    expect(updates.total).toBeGreaterThanOrEqual(1);

    await getCase(v.investigator, c.id, null);
    expect((await listCaseUpdates(v.investigator)).rows.map((r) => r.id)).not.toContain(c.id);
  });

  it("[investigator] their own changes never count, before or after another's", async () => {
    const c = await takeCase(MEMBER, [v.investigator.userId]);
    await addEvent(c.id, v.investigator.userId, 'case_updated');
    expect((await listCaseUpdates(v.investigator)).rows.map((r) => r.id)).not.toContain(c.id);
    await addEvent(c.id, await otherInvestigator(), 'location_added');
    await addEvent(c.id, v.investigator.userId, 'suspect_updated');
    const row = (await listCaseUpdates(v.investigator)).rows.find((r) => r.id === c.id);
    expect(row?.kinds).toEqual(['location_added']);
    expect(row?.changes).toBe(1);
  });

  it('[investigator] never opened: every change by others since they were added counts', async () => {
    const c = await takeCase(MEMBER, [v.investigator.userId]);
    await testDb.query(`delete from case_last_seen where user_id = $1 and investigation_id = $2`, [v.investigator.userId, c.id]);
    const [expected] = await testDb.query<{ n: number; kinds: string[] }>(
      `select count(*)::int as n, array_agg(distinct e.kind order by e.kind) as kinds from case_events e
        join investigation_members m on m.investigation_id = e.investigation_id and m.user_id = $1
        where e.investigation_id = $2 and e.at > m.added_at and e.actor_id is distinct from $1`, [v.investigator.userId, c.id]);
    expect(expected!.n, 'the demo case has changes by others').toBeGreaterThan(0);
    const row = (await listCaseUpdates(v.investigator)).rows.find((r) => r.id === c.id);
    expect(row?.changes).toBe(expected!.n);
    expect(row?.kinds).toEqual(expected!.kinds);
  });

  it('[investigator] never sees a case they are not a member of; [manager] only cases they are a member of', async () => {
    const outside = await takeCase(`not ${MEMBER}`, [v.investigator.userId]);
    await addEvent(outside.id, v.manager.userId, 'case_updated');
    const ids = (await listCaseUpdates(v.investigator)).rows.map((r) => r.id);
    expect(ids).not.toContain(outside.id);
    const members = new Set((await testDb.query<{ id: string }>(
      `select investigation_id as id from investigation_members where user_id = $1`, [v.investigator.userId])).map((r) => r.id));
    for (const id of ids) expect(members.has(id)).toBe(true);
    // The demo manager is a member of nothing: a change anywhere is not their update.
    expect((await listCaseUpdates(v.manager)).rows.map((r) => r.id)).not.toContain(outside.id);
  });

  it('[admin] is forbidden every home query, audited', async () => {
    await expect(listCaseUpdates(v.admin)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listSharedCases(v.admin)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findCaseByReference(v.admin, 'CPU-2021-0042', null)).rejects.toBeInstanceOf(ForbiddenError);
    const denied = await testDb.query(`select action from audit_events where actor_id = $1 and outcome = 'denied'`, [v.admin.userId]);
    expect(denied.map((d) => d.action).sort()).toEqual(['case.find_by_reference', 'home.shared', 'home.updates']);
  });
});

describe("the liaison officer's shared cases", () => {
  it('[liaison] lists exactly the live cases shared with them or their agency, with next hearings', async () => {
    // A hearing ahead, one past and one on a withdrawn (archived) prosecution, on a shared case with a prosecution.
    const c = await takeCase(`${SHARED} and exists (select 1 from prosecutions p where p.investigation_id = i.id and p.archived_at is null)`, [v.liaison.agencyId]);
    const [p] = await testDb.query<{ id: string }>(`select id from prosecutions where investigation_id = $1 and archived_at is null limit 1`, [c.id]);
    await testDb.query(
      `insert into hearings (prosecution_id, held_on, kind) values
        ($1, (now() at time zone 'Asia/Phnom_Penh')::date + 40, 'trial'),
        ($1, (now() at time zone 'Asia/Phnom_Penh')::date + 12, 'pre_trial'),
        ($1, (now() at time zone 'Asia/Phnom_Penh')::date - 3, 'pre_trial')`, [p!.id]);

    const rows = await allSharedCases(v.liaison);
    const expected = await testDb.query<{ id: string; next_hearing: string | null }>(
      `select i.id, (select min(h.held_on)::text from hearings h join prosecutions p on p.id = h.prosecution_id
                      where p.investigation_id = i.id and p.archived_at is null and h.archived_at is null
                        and h.held_on >= (now() at time zone 'Asia/Phnom_Penh')::date) as next_hearing
         from investigations i
        where i.archived_at is null
          and (exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $1)
            or exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $2 and m.role = 'liaison'))`,
      [v.liaison.agencyId, v.liaison.userId]);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const next = new Map(expected.map((r) => [r.id, r.next_hearing]));
    for (const r of rows) expect(r.nextHearing, r.reference).toBe(next.get(r.id));
    const [twelve] = await testDb.query<{ d: string }>(`select ((now() at time zone 'Asia/Phnom_Penh')::date + 12)::text as d`);
    expect(rows.find((r) => r.id === c.id)?.nextHearing).toBe(twelve!.d);
  });

  it("[liaison] a case changed by another comes first, marked; opening it clears the mark", async () => {
    const c = await takeCase(SHARED, [v.liaison.agencyId]);
    expect((await allSharedCases(v.liaison)).find((r) => r.id === c.id)?.updated).toBe(false);
    await addEvent(c.id, v.investigator.userId, 'hearing_added');
    const first = await listSharedCases(v.liaison);
    // Updated first (other tests' changes may be there too), the newest change at the top.
    expect(first.rows[0]).toMatchObject({ id: c.id, updated: true });
    const marks = first.rows.map((r) => r.updated);
    expect(marks).toEqual([...marks].sort((a, b) => Number(b) - Number(a)));
    // Within each group, by last update, newest first.
    for (const group of [true, false]) {
      const times = first.rows.filter((r) => r.updated === group).map((r) => r.lastUpdate?.getTime() ?? 0);
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    }

    await getCase(v.liaison, c.id, null);
    expect((await listSharedCases(v.liaison)).rows.find((r) => r.id === c.id)?.updated ?? false).toBe(false);
  });

  it('[liaison] a withdrawn share takes the case off their home at once', async () => {
    const c = await takeCase(`${SHARED} and not exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $2)`,
      [v.liaison.agencyId, v.liaison.userId]);
    const before = await listSharedCases(v.liaison);
    expect((await allSharedCases(v.liaison)).map((r) => r.id)).toContain(c.id);
    await testDb.query(`delete from investigation_agencies where investigation_id = $1 and agency_id = $2`, [c.id, v.liaison.agencyId]);
    const after = await allSharedCases(v.liaison);
    expect(after.map((r) => r.id)).not.toContain(c.id);
    expect(after.length).toBe(before.total - 1);
    expect(await findCaseByReference(v.liaison, c.reference, null)).toBeNull();
  });

  it('[liaison] a page past the end is empty but keeps the count', async () => {
    const first = await listSharedCases(v.liaison, 1);
    const past = await listSharedCases(v.liaison, first.pages + 5);
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(first.total);
    expect(first.rows.length).toBe(Math.min(SHARED_PAGE_SIZE, first.total));
  });
});

describe('find a case by its reference', () => {
  const audits = (viewer: Viewer) =>
    testDb.query<{ outcome: string; entity_id: string | null; detail: Record<string, unknown> }>(
      `select outcome, entity_id, detail from audit_events where actor_id = $1 and action = 'case.find_by_reference' order by id`, [viewer.userId]);

  it('[liaison] in scope gives the id (case and spaces ignored); out of scope, unknown and junk look the same; each audited', async () => {
    const shared = await takeCase(SHARED, [v.liaison.agencyId]);
    const outside = await takeCase(`not ${SHARED} and not exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $2)`,
      [v.liaison.agencyId, v.liaison.userId]);
    const before = (await audits(v.liaison)).length;

    expect(await findCaseByReference(v.liaison, `  ${shared.reference.toLowerCase()} `, '203.0.113.5')).toBe(shared.id);
    const answers = [
      await findCaseByReference(v.liaison, outside.reference, null),
      await findCaseByReference(v.liaison, 'CPU-1999-9999', null),
      await findCaseByReference(v.liaison, "Sok Dara' or 1=1 --", null),
      await findCaseByReference(v.liaison, 42, null),
    ];
    expect(answers).toEqual([null, null, null, null]);

    const rows = (await audits(v.liaison)).slice(before);
    expect(rows.map((r) => r.outcome)).toEqual(['allowed', 'denied', 'denied', 'denied', 'denied']);
    expect(rows[0]!.entity_id).toBe(shared.id);
    expect(rows[1]!.entity_id).toBeNull();
    // Whatever was typed that isn't a reference (it may be a name) is not kept.
    expect(JSON.stringify(rows)).not.toContain('Sok Dara');
    expect(rows[1]!.detail).toEqual({ reference: outside.reference, found: false });
    expect(rows[3]!.detail).toEqual({ malformed: true, found: false });
  });

  it('[investigator] finds a member case; a case outside their membership is not found', async () => {
    const mine = await takeCase(MEMBER, [v.investigator.userId]);
    const outside = await takeCase(`not ${MEMBER}`, [v.investigator.userId]);
    expect(await findCaseByReference(v.investigator, mine.reference, null)).toBe(mine.id);
    expect(await findCaseByReference(v.investigator, outside.reference, null)).toBeNull();
    // [manager] finds any live case.
    expect(await findCaseByReference(v.manager, outside.reference, null)).toBe(outside.id);
  });
});
