import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import { AGENCY_IDS } from '@/db/seed/organisation';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { getCase } from './case-read';
import { listCases } from './case-list';
import {
  addTeamMember, removeTeamMember, setLead, shareWithAgency, shareWithLiaison, withdrawAgencyShare, withdrawLiaisonShare,
} from './case-team';
import { getTeamOptions } from './case-team-options';

const testDb = useTestDatabase();
let v: Record<'investigator' | 'liaison' | 'manager' | 'admin', Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

const ip = '198.51.100.9';
const one = async <T,>(sql: string, params: unknown[] = []) => (await testDb.query<T>(sql, params))[0]!;

// Each test takes cases no other test has touched.
const used = new Set<string>();
async function takeCase(where: string, params: unknown[] = []): Promise<{ id: string; reference: string; version: number }> {
  const rows = await testDb.query<{ id: string; reference: string; version: number }>(
    `select i.id, i.reference, i.version from investigations i where ${where} order by i.reference`, params);
  const row = rows.find((r) => !used.has(r.id));
  if (!row) throw new Error(`no unused case for: ${where}`);
  used.add(row.id);
  return row;
}

const LIVE = `i.archived_at is null`;
const notSeenBy = (liaison: Viewer) => `${LIVE}
  and not exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = '${liaison.userId}')
  and not exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = '${liaison.agencyId}')`;

/** Everything a team or sharing write could change, to compare before and after a refusal. */
async function snapshot(caseId: string) {
  return one(
    `select (select row_to_json(i)::text from investigations i where i.id = $1) as investigation,
       (select json_agg(x order by x.user_id)::text from investigation_members x where x.investigation_id = $1) as members,
       (select json_agg(x order by x.agency_id)::text from investigation_agencies x where x.investigation_id = $1) as agencies,
       (select count(*)::int from case_events e where e.investigation_id = $1) as events`,
    [caseId],
  );
}

async function liaisonSees(caseId: string, reference: string): Promise<{ page: boolean; list: boolean }> {
  const page = await getCase(v.liaison, caseId, ip).then(() => true, (err) => {
    if (err instanceof NotFoundError) return false;
    throw err;
  });
  const { rows } = await listCases(v.liaison, { q: reference });
  return { page, list: rows.some((r) => r.id === caseId) };
}

/** The events this test's writes recorded (the seeded history has some of the same kinds, by other people). */
const eventsOf = (caseId: string, kind: string) =>
  testDb.query<{ data: Record<string, unknown>; actor_id: string }>(
    `select data, actor_id from case_events where investigation_id = $1 and kind = $2 and actor_id = $3 order by id`, [caseId, kind, v.manager.userId]);

async function eligibleInvestigatorNotOn(caseId: string): Promise<string> {
  return (await one<{ id: string }>(
    `select u.id from users u join agencies a on a.id = u.agency_id
      where u.active and u.role = 'investigator' and a.kind = 'cpu'
        and not exists (select 1 from investigation_members m where m.investigation_id = $1 and m.user_id = u.id)
      order by u.name limit 1`, [caseId])).id;
}

describe('sharing with a named liaison officer', () => {
  it('[manager] shares a case with the demo liaison, who can then open it; withdrawal takes effect on their next request', async () => {
    const c = await takeCase(notSeenBy(v.liaison));
    expect(await liaisonSees(c.id, c.reference)).toEqual({ page: false, list: false });

    const shared = await shareWithLiaison(v.manager, { caseId: c.id, userId: v.liaison.userId }, ip);
    expect(shared.version).toBe(c.version + 1);
    expect(await liaisonSees(c.id, c.reference)).toEqual({ page: true, list: true });
    expect((await eventsOf(c.id, 'shared_with_liaison'))[0]?.data).toEqual({ userId: v.liaison.userId, agencyId: AGENCY_IDS.ahtjpd, role: 'liaison' });

    const asManager = await getCase(v.manager, c.id, ip);
    expect(asManager.liaisons.map((l) => l.userId)).toEqual([v.liaison.userId]);
    expect(asManager.timeline.find((e) => e.kind === 'shared_with_liaison')?.userName).toBe('Prak Vannak');

    const withdrawn = await withdrawLiaisonShare(v.manager, { caseId: c.id, userId: v.liaison.userId }, ip);
    expect(withdrawn.version).toBe(c.version + 2);
    await expect(getCase(v.liaison, c.id, ip)).rejects.toBeInstanceOf(NotFoundError);
    expect(await liaisonSees(c.id, c.reference)).toEqual({ page: false, list: false });
    expect((await eventsOf(c.id, 'liaison_share_withdrawn'))[0]?.data).toEqual({ userId: v.liaison.userId, role: 'liaison' });

    // Withdrawing what is no longer there is a conflict (someone else got there first).
    await expect(withdrawLiaisonShare(v.manager, { caseId: c.id, userId: v.liaison.userId }, ip)).rejects.toBeInstanceOf(ConflictError);
  });

  it('[manager] sharing twice with the same officer is a field error and writes nothing', async () => {
    const c = await takeCase(notSeenBy(v.liaison));
    await shareWithLiaison(v.manager, { caseId: c.id, userId: v.liaison.userId }, ip);
    const before = await snapshot(c.id);
    await expect(shareWithLiaison(v.manager, { caseId: c.id, userId: v.liaison.userId }, ip))
      .rejects.toMatchObject({ fieldErrors: { userId: 'caseTeam.errors.alreadyShared' } });
    expect(await snapshot(c.id)).toEqual(before);
  });
});

describe('sharing with a partner agency', () => {
  it('[manager] shares with the liaison officer\'s agency and withdraws it; the officer sees the case only in between', async () => {
    const c = await takeCase(notSeenBy(v.liaison));
    await shareWithAgency(v.manager, { caseId: c.id, agencyId: AGENCY_IDS.ahtjpd }, ip);
    expect(await liaisonSees(c.id, c.reference)).toEqual({ page: true, list: true });
    expect((await eventsOf(c.id, 'shared_with_agency'))[0]?.data).toEqual({ agencyId: AGENCY_IDS.ahtjpd });

    await withdrawAgencyShare(v.manager, { caseId: c.id, agencyId: AGENCY_IDS.ahtjpd }, ip);
    expect(await liaisonSees(c.id, c.reference)).toEqual({ page: false, list: false });
    expect((await eventsOf(c.id, 'agency_share_withdrawn'))[0]?.data).toEqual({ agencyId: AGENCY_IDS.ahtjpd });
    expect(await one(`select version from investigations where id = $1`, [c.id])).toEqual({ version: c.version + 2 });
  });

  it('[manager] withdrawing the agency share leaves an officer named on the case with access, and the other way round', async () => {
    const c = await takeCase(notSeenBy(v.liaison));
    await shareWithAgency(v.manager, { caseId: c.id, agencyId: AGENCY_IDS.ahtjpd }, ip);
    await shareWithLiaison(v.manager, { caseId: c.id, userId: v.liaison.userId }, ip);

    await withdrawAgencyShare(v.manager, { caseId: c.id, agencyId: AGENCY_IDS.ahtjpd }, ip);
    expect(await liaisonSees(c.id, c.reference)).toEqual({ page: true, list: true });
    await withdrawLiaisonShare(v.manager, { caseId: c.id, userId: v.liaison.userId }, ip);
    expect(await liaisonSees(c.id, c.reference)).toEqual({ page: false, list: false });
  });

  it('[liaison] reads the lead and the shared agencies, and none of the rest of the team', async () => {
    const c = await takeCase(`${notSeenBy(v.liaison)} and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.role = 'investigator')`);
    await shareWithAgency(v.manager, { caseId: c.id, agencyId: AGENCY_IDS.ahtjpd }, ip);
    const seen = await getCase(v.liaison, c.id, ip);
    expect(seen.lead).not.toBeNull();
    expect(seen.sharedAgencies.map((a) => a.id)).toContain(AGENCY_IDS.ahtjpd);
    expect(seen.team).toEqual([]);
    expect(seen.liaisons).toEqual([]);
    // Nor on the timeline: a team change shows no name to them, the lead's does.
    const who = await eligibleInvestigatorNotOn(c.id);
    await addTeamMember(v.manager, { caseId: c.id, userId: who }, ip);
    await setLead(v.manager, { caseId: c.id, version: (await one<{ version: number }>(`select version from investigations where id = $1`, [c.id])).version, userId: who }, ip);
    const timeline = (await getCase(v.liaison, c.id, ip)).timeline;
    expect(timeline.find((e) => e.kind === 'member_added')?.userName).toBeNull();
    expect(timeline.find((e) => e.kind === 'lead_changed')?.userName).toEqual(expect.any(String));
    const asManager = await getCase(v.manager, c.id, ip);
    expect(asManager.team.length).toBeGreaterThan(0);
  });
});

describe('the lead and the team', () => {
  it('[manager] sets a new lead: the previous lead stays on the team, the version and the timeline follow', async () => {
    const c = await takeCase(`${LIVE} and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.role = 'lead')`);
    const previous = (await one<{ user_id: string }>(`select user_id from investigation_members where investigation_id = $1 and role = 'lead'`, [c.id])).user_id;
    const next = await eligibleInvestigatorNotOn(c.id);

    // A stale version is refused and changes nothing.
    const before = await snapshot(c.id);
    await expect(setLead(v.manager, { caseId: c.id, version: c.version + 5, userId: next }, ip)).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot(c.id)).toEqual(before);

    expect(await setLead(v.manager, { caseId: c.id, version: c.version, userId: next }, ip)).toEqual({ version: c.version + 1 });
    const members = await testDb.query<{ user_id: string; role: string }>(`select user_id, role from investigation_members where investigation_id = $1`, [c.id]);
    expect(members.filter((m) => m.role === 'lead')).toEqual([{ user_id: next, role: 'lead' }]);
    expect(members.find((m) => m.user_id === previous)?.role).toBe('investigator');
    expect((await eventsOf(c.id, 'lead_changed'))[0]).toEqual({ data: { userId: next, role: 'lead', previousUserId: previous }, actor_id: v.manager.userId });

    // A team member can be promoted; the lead they replace joins the team.
    expect(await setLead(v.manager, { caseId: c.id, version: c.version + 1, userId: previous }, ip)).toEqual({ version: c.version + 2 });
    const after = await testDb.query<{ user_id: string; role: string }>(`select user_id, role from investigation_members where investigation_id = $1 and user_id = any($2)`, [c.id, [previous, next]]);
    expect(Object.fromEntries(after.map((m) => [m.user_id, m.role]))).toEqual({ [previous]: 'lead', [next]: 'investigator' });
  });

  it('[manager] two managers setting different leads at once: one wins, the other is told, and there is one lead', async () => {
    const c = await takeCase(`${LIVE} and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.role = 'lead')`);
    const candidates = await testDb.query<{ id: string }>(
      `select u.id from users u join agencies a on a.id = u.agency_id where u.active and u.role = 'investigator' and a.kind = 'cpu'
        and not exists (select 1 from investigation_members m where m.investigation_id = $1 and m.user_id = u.id) order by u.name limit 2`, [c.id]);
    const other = { ...v.manager, userId: (await one<{ id: string }>(`select id from users where role = 'manager' and active and id <> $1 limit 1`, [v.manager.userId])).id };
    const results = await Promise.allSettled([
      setLead(v.manager, { caseId: c.id, version: c.version, userId: candidates[0]!.id }, ip),
      setLead(other, { caseId: c.id, version: c.version, userId: candidates[1]!.id }, ip),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(await testDb.query(`select user_id from investigation_members where investigation_id = $1 and role = 'lead'`, [c.id])).toHaveLength(1);
    expect(await one(`select version from investigations where id = $1`, [c.id])).toEqual({ version: c.version + 1 });
  });

  it('[manager] adds and removes a team investigator; the lead can only be replaced, not removed', async () => {
    const c = await takeCase(`${LIVE} and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.role = 'lead')`);
    const who = await eligibleInvestigatorNotOn(c.id);
    await addTeamMember(v.manager, { caseId: c.id, userId: who }, ip);
    expect(await one(`select role from investigation_members where investigation_id = $1 and user_id = $2`, [c.id, who])).toEqual({ role: 'investigator' });
    expect((await eventsOf(c.id, 'member_added'))[0]?.data).toEqual({ userId: who, role: 'investigator' });
    await expect(addTeamMember(v.manager, { caseId: c.id, userId: who }, ip))
      .rejects.toMatchObject({ fieldErrors: { userId: 'caseTeam.errors.alreadyMember' } });

    await removeTeamMember(v.manager, { caseId: c.id, userId: who }, ip);
    expect(await testDb.query(`select 1 from investigation_members where investigation_id = $1 and user_id = $2`, [c.id, who])).toEqual([]);
    expect((await eventsOf(c.id, 'member_removed'))[0]?.data).toEqual({ userId: who, role: 'investigator' });
    expect(await one(`select version from investigations where id = $1`, [c.id])).toEqual({ version: c.version + 2 });

    const lead = (await one<{ user_id: string }>(`select user_id from investigation_members where investigation_id = $1 and role = 'lead'`, [c.id])).user_id;
    const before = await snapshot(c.id);
    await expect(removeTeamMember(v.manager, { caseId: c.id, userId: lead }, ip))
      .rejects.toMatchObject({ fieldErrors: { userId: 'caseTeam.errors.leadNeedsReplacement' } });
    expect(await snapshot(c.id)).toEqual(before);
  });
});

describe('invalid targets', () => {
  it('[manager] an ineligible person or agency is refused with a field error and nothing is written', async () => {
    const c = await takeCase(notSeenBy(v.liaison));
    const inactive = (await one<{ id: string }>(`select id from users where not active and role = 'investigator' order by name limit 1`)).id;
    const inactiveLiaison = await testDb.query<{ id: string }>(`select id from users where not active and role = 'liaison' limit 1`);
    const unknown = randomUUID();
    const base = { caseId: c.id };
    const lead = { ...base, version: c.version };
    const cases: [string, () => Promise<unknown>, Record<string, string>][] = [
      ['an admin as lead', () => setLead(v.manager, { ...lead, userId: v.admin.userId }, ip), { userId: 'caseTeam.errors.notEligibleStaff' }],
      ['a liaison officer as lead', () => setLead(v.manager, { ...lead, userId: v.liaison.userId }, ip), { userId: 'caseTeam.errors.notEligibleStaff' }],
      ['an inactive investigator as lead', () => setLead(v.manager, { ...lead, userId: inactive }, ip), { userId: 'caseTeam.errors.notEligibleStaff' }],
      ['an unknown id as lead', () => setLead(v.manager, { ...lead, userId: unknown }, ip), { userId: 'caseTeam.errors.notEligibleStaff' }],
      ['an admin on the team', () => addTeamMember(v.manager, { ...base, userId: v.admin.userId }, ip), { userId: 'caseTeam.errors.notEligibleStaff' }],
      ['an inactive investigator on the team', () => addTeamMember(v.manager, { ...base, userId: inactive }, ip), { userId: 'caseTeam.errors.notEligibleStaff' }],
      ['the CPU itself as partner', () => shareWithAgency(v.manager, { ...base, agencyId: AGENCY_IDS.cpu }, ip), { agencyId: 'caseTeam.errors.notEligibleAgency' }],
      ['an unknown agency', () => shareWithAgency(v.manager, { ...base, agencyId: unknown }, ip), { agencyId: 'caseTeam.errors.notEligibleAgency' }],
      ['an investigator as named liaison', () => shareWithLiaison(v.manager, { ...base, userId: v.investigator.userId }, ip), { userId: 'caseTeam.errors.notEligibleLiaison' }],
      ['a manager as named liaison', () => shareWithLiaison(v.manager, { ...base, userId: v.manager.userId }, ip), { userId: 'caseTeam.errors.notEligibleLiaison' }],
      ['an unknown person as named liaison', () => shareWithLiaison(v.manager, { ...base, userId: unknown }, ip), { userId: 'caseTeam.errors.notEligibleLiaison' }],
      ...inactiveLiaison.map((l): [string, () => Promise<unknown>, Record<string, string>] =>
        ['an inactive liaison officer', () => shareWithLiaison(v.manager, { ...base, userId: l.id }, ip), { userId: 'caseTeam.errors.notEligibleLiaison' }]),
    ];
    const before = await snapshot(c.id);
    for (const [name, run, fieldErrors] of cases) {
      const err = await run().then(() => null, (e: unknown) => e);
      expect(err, name).toBeInstanceOf(FieldValidationError);
      expect((err as FieldValidationError).fieldErrors, name).toEqual(fieldErrors);
    }
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('[manager] an inactive agency is refused as a partner', async () => {
    const c = await takeCase(notSeenBy(v.liaison));
    await testDb.query(`update agencies set active = false where id = $1`, [AGENCY_IDS.shelter]);
    try {
      const before = await snapshot(c.id);
      await expect(shareWithAgency(v.manager, { caseId: c.id, agencyId: AGENCY_IDS.shelter }, ip))
        .rejects.toMatchObject({ fieldErrors: { agencyId: 'caseTeam.errors.notEligibleAgency' } });
      expect(await snapshot(c.id)).toEqual(before);
    } finally {
      await testDb.query(`update agencies set active = true where id = $1`, [AGENCY_IDS.shelter]);
    }
  });
});

describe('denials', () => {
  type Action = { kind: string; run: (viewer: Viewer, c: { id: string; version: number }, target: Targets) => Promise<unknown> };
  type Targets = { staff: string; member: string; agency: string; liaison: string };
  const ACTIONS: Action[] = [
    { kind: 'lead_changed', run: (viewer, c, t) => setLead(viewer, { caseId: c.id, version: c.version, userId: t.staff }, ip) },
    { kind: 'member_added', run: (viewer, c, t) => addTeamMember(viewer, { caseId: c.id, userId: t.staff }, ip) },
    { kind: 'member_removed', run: (viewer, c, t) => removeTeamMember(viewer, { caseId: c.id, userId: t.member }, ip) },
    { kind: 'shared_with_agency', run: (viewer, c) => shareWithAgency(viewer, { caseId: c.id, agencyId: AGENCY_IDS.interior }, ip) },
    { kind: 'agency_share_withdrawn', run: (viewer, c, t) => withdrawAgencyShare(viewer, { caseId: c.id, agencyId: t.agency }, ip) },
    { kind: 'shared_with_liaison', run: (viewer, c) => shareWithLiaison(viewer, { caseId: c.id, userId: v.liaison.userId }, ip) },
    { kind: 'liaison_share_withdrawn', run: (viewer, c, t) => withdrawLiaisonShare(viewer, { caseId: c.id, userId: t.liaison }, ip) },
  ];

  // A case the demo investigator leads, shared with the liaison's agency and naming another
  // officer, with a team member: each action would have something real to change.
  async function deniedCase() {
    const c = await takeCase(`${LIVE}
      and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.role = 'lead' and m.user_id = $1)
      and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.role = 'investigator')
      and exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $2)`,
    [v.investigator.userId, AGENCY_IDS.ahtjpd]);
    const officer = (await one<{ id: string }>(`select id from users where role = 'liaison' and active and id <> $1 order by name limit 1`, [v.liaison.userId])).id;
    await shareWithLiaison(v.manager, { caseId: c.id, userId: officer }, ip);
    const version = (await one<{ version: number }>(`select version from investigations where id = $1`, [c.id])).version;
    const member = (await one<{ user_id: string }>(`select user_id from investigation_members where investigation_id = $1 and role = 'investigator' limit 1`, [c.id])).user_id;
    const targets: Targets = { staff: await eligibleInvestigatorNotOn(c.id), member, agency: AGENCY_IDS.ahtjpd, liaison: officer };
    return { c: { id: c.id, version }, targets };
  }

  for (const role of ['investigator', 'liaison', 'admin'] as const) {
    it(`[${role}] every team and sharing action is refused, audited, and leaves the rows unchanged`, async () => {
      const { c, targets } = await deniedCase();
      const viewer = v[role];
      // The investigator leads this case and the liaison may read it: scope is not the reason.
      if (role !== 'admin') await expect(getCase(viewer, c.id, ip)).resolves.toBeTruthy();
      const before = await snapshot(c.id);
      for (const action of ACTIONS) {
        const denialsBefore = await one<{ n: number }>(
          `select count(*)::int as n from audit_events where actor_id = $1 and action = $2 and outcome = 'denied'`, [viewer.userId, `case.${action.kind}`]);
        await expect(action.run(viewer, c, targets), action.kind).rejects.toBeInstanceOf(ForbiddenError);
        const denialsAfter = await one<{ n: number }>(
          `select count(*)::int as n from audit_events where actor_id = $1 and action = $2 and outcome = 'denied'`, [viewer.userId, `case.${action.kind}`]);
        expect(denialsAfter.n, action.kind).toBe(denialsBefore.n + 1);
      }
      expect(await snapshot(c.id)).toEqual(before);
      await expect(getTeamOptions(viewer, 'en')).rejects.toBeInstanceOf(ForbiddenError);
    });
  }

  it('[manager] every action on an archived case is refused and changes nothing', async () => {
    const c = await takeCase(`i.archived_at is not null and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.role = 'investigator')`);
    const member = (await one<{ user_id: string }>(`select user_id from investigation_members where investigation_id = $1 and role = 'investigator' limit 1`, [c.id])).user_id;
    const targets: Targets = { staff: await eligibleInvestigatorNotOn(c.id), member, agency: AGENCY_IDS.ahtjpd, liaison: v.liaison.userId };
    const before = await snapshot(c.id);
    for (const action of ACTIONS) {
      await expect(action.run(v.manager, c, targets), action.kind).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot(c.id)).toEqual(before);
  });
});

describe('the options of the manager\'s forms', () => {
  it('[manager] lists active CPU staff, active liaison officers with their agency, and active partner agencies', async () => {
    const options = await getTeamOptions(v.manager, 'km');
    const staffIds = options.staff.map((s) => s.value);
    expect(staffIds).toContain(v.investigator.userId);
    expect(staffIds).toContain(v.manager.userId);
    expect(staffIds).not.toContain(v.admin.userId);
    expect(staffIds).not.toContain(v.liaison.userId);
    const inactive = await testDb.query<{ id: string }>(`select id from users where not active`);
    for (const { id } of inactive) {
      expect(staffIds).not.toContain(id);
      expect(options.liaisons.map((l) => l.value)).not.toContain(id);
    }
    expect(options.liaisons.find((l) => l.value === v.liaison.userId)?.label).toMatch(/^Prak Vannak \(.+\)$/);
    const agencyIds = options.agencies.map((a) => a.value);
    expect(agencyIds).toContain(AGENCY_IDS.ahtjpd);
    expect(agencyIds).not.toContain(AGENCY_IDS.cpu);
    // In the reader's language where the agency has a Khmer name.
    expect(options.agencies.find((a) => a.value === AGENCY_IDS.interior)?.label).toBe('ក្រសួងមហាផ្ទៃ');
  });
});
