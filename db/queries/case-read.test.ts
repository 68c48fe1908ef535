import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import { plainRows } from '@/db/testing/identity';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { getCase } from './case-read';

const testDb = useTestDatabase();
let v: Record<'investigator' | 'liaison' | 'manager' | 'admin', Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

/** A live case shared with the liaison's agency whose investigator is a member, with named victims. */
async function sharedCase() {
  const [row] = await testDb.query<{ id: string }>(
    `select i.id from investigations i
      where i.archived_at is null
        and exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $1)
        and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $2)
        and exists (select 1 from victims x where x.investigation_id = i.id and x.date_of_birth is not null and x.notes is not null)
      order by i.reference limit 1`,
    [v.liaison.agencyId, v.investigator.userId]);
  expect(row, 'the demo data has such a case').toBeDefined();
  const victims = await plainRows<{ full_name: string; date_of_birth: string | null; contact: string | null; notes: string | null }>(testDb, 'victims',
    `select id, full_name, date_of_birth, contact, notes from victims where investigation_id = $1 and archived_at is null`, [row!.id]);
  return { id: row!.id, victims };
}

const identityAudits = (viewer: Viewer, caseId: string) =>
  testDb.query(`select entity_id from audit_events where actor_id = $1 and action = 'victim.view_identity' and investigation_id = $2`, [viewer.userId, caseId]);

describe('getCase: the case page', () => {
  it('[liaison] reads only counts of the children by sex and age band: nothing of any one child anywhere in the result', async () => {
    const c = await sharedCase();
    // A distinctive nationality, and victim events carrying ids and codes, so a leak can't hide among common values.
    await testDb.query(`update victims set nationality = 'Nationality-' || left(id::text, 8) where investigation_id = $1`, [c.id]);
    await testDb.query(
      `insert into case_events (investigation_id, actor_id, kind, data)
       select investigation_id, $2, 'victim_updated', jsonb_build_object('victimId', id, 'code', code, 'fields', jsonb_build_array('notes'))
       from victims where investigation_id = $1`, [c.id, v.investigator.userId]);
    const secrets = await testDb.query<{ value: string }>(
      `select unnest(array[v.id::text, v.code, v.full_name, v.date_of_birth::text, v.contact, v.notes, v.nationality]) as value
         from victims v where v.investigation_id = $1
       union all
       -- Providers and service types are generic words (the case summary may say "a CPU social worker").
       select s.id::text from victim_services s where s.investigation_id = $1`, [c.id]);
    // The stored ciphertexts, and what they decrypt to.
    const values = [...secrets.map((x) => x.value), ...c.victims.flatMap((x) => [x.full_name, x.date_of_birth, x.contact, x.notes])]
      .filter((x): x is string => Boolean(x));
    expect(values.length).toBeGreaterThan(c.victims.length * 3);

    // The case summary is free text that may describe the child: not for partner agencies either.
    await testDb.query(`update investigations set summary = 'Summary-' || left(id::text, 8) || ' about the child' where id = $1`, [c.id]);
    values.push(`Summary-${c.id.slice(0, 8)}`);

    const found = await getCase(v.liaison, c.id, null);
    expect(found.identityShown).toBe(false);
    expect(found.summary).toBeNull();
    expect(found.victims).toEqual([]);
    const text = JSON.stringify(found);
    for (const secret of values) expect(text, 'a victim value reached the liaison').not.toContain(secret);

    const [expected] = await testDb.query<{ n: number }>(`select count(*)::int as n from victims where investigation_id = $1 and archived_at is null`, [c.id]);
    expect(found.victimCounts!.reduce((sum, x) => sum + x.count, 0)).toBe(expected!.n);
    const bands = await testDb.query<{ sex: string; band: string; count: number }>(
      `select sex::text, case when age_at_offence <= 5 then '0-5' when age_at_offence <= 11 then '6-11' when age_at_offence <= 14 then '12-14' else '15-17' end as band,
              count(*)::int as count
         from victims where investigation_id = $1 and archived_at is null group by 1, 2`, [c.id]);
    const key = (x: { sex: string; band: string; count: number }) => `${x.sex}/${x.band}/${x.count}`;
    expect(found.victimCounts!.map(key).sort()).toEqual(bands.map(key).sort());
    expect(await identityAudits(v.liaison, c.id)).toHaveLength(0);
  });

  it('[investigator] gets victim records, not counts; opening a case records when they last saw it', async () => {
    // Not sharedCase(): the test above counts the audits of reading that one.
    const [c] = await testDb.query<{ id: string; n: number }>(
      `select i.id, (select count(*)::int from victims x where x.investigation_id = i.id and x.archived_at is null) as n
         from investigations i join investigation_members m on m.investigation_id = i.id and m.user_id = $1
        where i.archived_at is null order by i.reference desc limit 1`, [v.investigator.userId]);
    // Someone else's change a moment ago: the case is seen up to that change once opened.
    await testDb.query(`insert into case_events (investigation_id, actor_id, kind) values ($1, $2, 'case_updated')`, [c!.id, v.manager.userId]);
    const seen = () => testDb.query<{ seen: boolean }>(
      `select ls.seen_at = (select max(at) from case_events where investigation_id = $2) as seen
         from case_last_seen ls where ls.user_id = $1 and ls.investigation_id = $2`, [v.investigator.userId, c!.id]);
    expect((await seen())[0]?.seen ?? false).toBe(false);
    const found = await getCase(v.investigator, c!.id, null);
    expect(found.victimCounts).toBeNull();
    expect(found.victims.length).toBe(c!.n);
    expect(await seen()).toEqual([{ seen: true }]);
  });

  it('[investigator] member reads the identity, and each victim read is audited', async () => {
    const c = await sharedCase();
    const found = await getCase(v.investigator, c.id, '203.0.113.9');
    expect(found.identityShown).toBe(true);
    expect(found.victims.map((x) => x.identity?.fullName).sort()).toEqual(c.victims.map((x) => x.full_name).sort());
    const audits = await identityAudits(v.investigator, c.id);
    expect(audits.map((a) => a.entity_id).sort()).toEqual(found.victims.map((x) => x.id).sort());
  });

  it('shows the lead, team, shared agencies, sections and a newest-first timeline', async () => {
    const c = await sharedCase();
    const found = await getCase(v.manager, c.id, null);
    expect(found.lead).not.toBeNull();
    expect(found.sharedAgencies.map((a) => a.id)).toContain(v.liaison.agencyId);
    const [counts] = await testDb.query<{ events: number; suspects: number; locations: number }>(
      `select (select count(*)::int from case_events where investigation_id = $1) as events,
              (select count(*)::int from suspects where investigation_id = $1 and archived_at is null) as suspects,
              (select count(*)::int from offence_locations where investigation_id = $1 and archived_at is null) as locations`, [c.id]);
    expect(found.timeline.length).toBe(counts!.events);
    expect(found.suspects.length).toBe(counts!.suspects);
    expect(found.locations.length).toBe(counts!.locations);
    const times = found.timeline.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(found.timeline.every((e) => e.actorName)).toBe(true);
  });

  it('[manager] reads an archived case with its reason; the view is audited', async () => {
    const [row] = await testDb.query<{ id: string; archive_reason: string }>(`select id, archive_reason from investigations where archived_at is not null limit 1`);
    const found = await getCase(v.manager, row!.id, null);
    expect(found.archivedAt).not.toBeNull();
    expect(found.archiveReason).toBe(row!.archive_reason);
    const audits = await testDb.query(`select 1 from audit_events where actor_id = $1 and action = 'case.view' and entity_id = $2 and outcome = 'allowed'`, [v.manager.userId, row!.id]);
    expect(audits).toHaveLength(1);
  });

  it('[admin] is forbidden; [investigator] outside the case gets not-found, both audited', async () => {
    const c = await sharedCase();
    await expect(getCase(v.admin, c.id, null)).rejects.toBeInstanceOf(ForbiddenError);
    const [outside] = await testDb.query<{ id: string }>(
      `select id from investigations i where archived_at is null and not exists
        (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1) limit 1`, [v.investigator.userId]);
    await expect(getCase(v.investigator, outside!.id, null)).rejects.toBeInstanceOf(NotFoundError);
    const denied = await testDb.query(`select actor_id from audit_events where action = 'case.view' and outcome = 'denied' and entity_id in ($1, $2)`, [c.id, outside!.id]);
    expect(denied).toHaveLength(2);
  });
});
