import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import { plainRows } from '@/db/testing/identity';
import type { Viewer } from '@/lib/policy';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { updateCaseBasics } from './case-update';
import { saveLocation } from './case-locations';
import { saveSuspect } from './case-suspects';
import { saveService, saveVictim } from './case-victims';
import { removeChild } from './case-remove';
import { moveCaseStatus } from './case-lifecycle';
import { archiveCase, restoreCase } from './case-archive';

const testDb = useTestDatabase();
let v: Record<'investigator' | 'liaison' | 'manager' | 'admin', Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

type Row = { id: string; version: number };
/** What a test needs to know about one case and one live record of each kind in it. */
type Ctx = {
  caseId: string;
  caseVersion: number;
  status: string;
  reportedOn: string;
  offenceType: string;
  location: Row;
  suspect: Row & { relationship: string };
  victim: Row;
  service: Row & { victimId: string; serviceType: string };
};

const CASE_KINDS = {
  live: `i.archived_at is null`,
  notClosed: `i.status <> 'closed' and i.archived_at is null`,
  open: `i.status in ('reported','under_investigation','suspect_identified','suspect_arrested') and i.archived_at is null`,
  closed: `i.status = 'closed' and i.archived_at is null`,
  archived: `i.archived_at is not null`,
} as const;
type CaseKind = keyof typeof CASE_KINDS;
type Membership = 'member' | 'outsider' | 'any';

// Each test takes cases no other test has touched.
const used = new Set<string>();
async function takeCase(kind: CaseKind, membership: Membership, exclusive = true): Promise<Ctx> {
  const member = `exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1)`;
  const rich = kind === 'archived' ? 'true' : `exists (select 1 from suspects s where s.investigation_id = i.id and s.archived_at is null)
      and exists (select 1 from offence_locations l where l.investigation_id = i.id and l.archived_at is null)
      and exists (select 1 from victim_services vs where vs.investigation_id = i.id and vs.archived_at is null)`;
  const rows = await testDb.query<{ id: string }>(
    `select i.id from investigations i where ${CASE_KINDS[kind]} and ${membership === 'any' ? 'true' : membership === 'member' ? member : `not ${member}`} and ${rich}
      order by i.reference`,
    [v.investigator.userId],
  );
  const id = rows.map((r) => r.id).find((x) => !used.has(x));
  if (!id) throw new Error(`no unused ${kind} case for ${membership}`);
  // A refusal changes nothing, so the next test may take the same case.
  if (exclusive) used.add(id);
  return contextOf(id);
}

async function contextOf(caseId: string): Promise<Ctx> {
  const one = async <T,>(sql: string) => (await testDb.query<T>(sql, [caseId]))[0]!;
  const c = await one<{ version: number; status: string; reported_on: string; offence_type: string }>(
    `select version, status, reported_on::text, offence_type from investigations where id = $1`);
  const live = (table: string, extra = '') =>
    one<Row & Record<string, string>>(`select id, version${extra} from ${table} where investigation_id = $1 and archived_at is null order by created_at, id limit 1`);
  const service = await live('victim_services', ', victim_id as "victimId", service_type as "serviceType"');
  return {
    caseId,
    caseVersion: c.version,
    status: c.status,
    reportedOn: c.reported_on,
    offenceType: c.offence_type,
    location: await live('offence_locations'),
    suspect: (await live('suspects', ', relationship')) as unknown as Ctx['suspect'],
    victim: service
      ? (await testDb.query<Row>(`select id, version from victims where id = $1`, [service.victimId]))[0]!
      : await live('victims'),
    service: service as unknown as Ctx['service'],
  };
}

/** Everything a case write could change, to compare before and after a refusal. */
async function snapshot(caseId: string) {
  const [row] = await testDb.query(
    `select (select row_to_json(i)::text from investigations i where i.id = $1) as investigation,
       (select json_agg(x order by x.id)::text from offence_locations x where x.investigation_id = $1) as locations,
       (select json_agg(x order by x.id)::text from suspects x where x.investigation_id = $1) as suspects,
       (select json_agg(x order by x.id)::text from victims x where x.investigation_id = $1) as victims,
       (select json_agg(x order by x.id)::text from victim_services x where x.investigation_id = $1) as services,
       (select count(*)::int from case_events e where e.investigation_id = $1) as events`,
    [caseId],
  );
  return row;
}

const stale = (version: number, isStale: boolean) => (isStale ? version - 1 || version + 1 : version);

type Write = {
  name: string;
  kind: string;
  caseKind: CaseKind;
  /** Roles that may do it; everyone else gets ForbiddenError. */
  roles: readonly ('investigator' | 'manager')[];
  /** Adds carry no version: they can't go stale. */
  versioned: boolean;
  run: (viewer: Viewer, ctx: Ctx, isStale: boolean) => Promise<unknown>;
  /** Checks the saved effect after a successful run. */
  effect: (ctx: Ctx) => Promise<void>;
};

const ip = '198.51.100.7';
const EDITORS = ['investigator', 'manager'] as const;
const one = async <T,>(sql: string, params: unknown[]) => (await testDb.query<T>(sql, params))[0]!;

const WRITES: Write[] = [
  {
    name: 'edit the case basics', kind: 'case_updated', caseKind: 'live', roles: EDITORS, versioned: true,
    run: (viewer, c, s) => updateCaseBasics(viewer, {
      caseId: c.caseId, version: stale(c.caseVersion, s), title: 'Retitled by test', summary: null, offenceType: c.offenceType,
      priority: 'urgent', reportedOn: c.reportedOn, offenceFrom: null, offenceTo: null,
    }, ip),
    effect: async (c) => {
      expect(await one(`select title, priority, version from investigations where id = $1`, [c.caseId]))
        .toEqual({ title: 'Retitled by test', priority: 'urgent', version: c.caseVersion + 1 });
    },
  },
  {
    name: 'add a location', kind: 'location_added', caseKind: 'live', roles: EDITORS, versioned: false,
    run: (viewer, c) => saveLocation(viewer, { caseId: c.caseId, provinceCode: '04', district: 'Test district', commune: null, placeType: 'school', occurredOn: null }, ip),
    effect: async (c) => {
      expect(await one(`select count(*)::int as n from offence_locations where investigation_id = $1 and district = 'Test district'`, [c.caseId])).toEqual({ n: 1 });
    },
  },
  {
    name: 'edit a location', kind: 'location_updated', caseKind: 'live', roles: EDITORS, versioned: true,
    run: (viewer, c, s) => saveLocation(viewer, {
      caseId: c.caseId, id: c.location.id, version: stale(c.location.version, s), provinceCode: '12', district: 'Edited district', commune: 'X', placeType: 'pagoda', occurredOn: null,
    }, ip),
    effect: async (c) => {
      expect(await one(`select district, place_type, version from offence_locations where id = $1`, [c.location.id]))
        .toEqual({ district: 'Edited district', place_type: 'pagoda', version: c.location.version + 1 });
    },
  },
  {
    name: 'add a suspect', kind: 'suspect_added', caseKind: 'live', roles: EDITORS, versioned: false,
    run: (viewer, c) => saveSuspect(viewer, {
      caseId: c.caseId, fullName: null, alias: 'Test alias', sex: 'male', age: 40, nationality: null, relationship: 'neighbour',
      status: 'arrested', arrestedOn: '2023-01-05', arrestingAgencyId: null, arrestPlace: null,
    }, ip),
    effect: async (c) => {
      const rows = await plainRows(testDb, 'suspects', `select id, alias, status, arrested_on::text from suspects where investigation_id = $1`, [c.caseId]);
      expect(rows.filter((r) => r.alias === 'Test alias').map(({ status, arrested_on }) => ({ status, arrested_on })))
        .toEqual([{ status: 'arrested', arrested_on: '2023-01-05' }]);
    },
  },
  {
    name: 'edit a suspect', kind: 'suspect_updated', caseKind: 'live', roles: EDITORS, versioned: true,
    run: (viewer, c, s) => saveSuspect(viewer, {
      caseId: c.caseId, id: c.suspect.id, version: stale(c.suspect.version, s), fullName: null, alias: 'Renamed', sex: 'male', age: 41,
      nationality: null, relationship: c.suspect.relationship, status: 'wanted', arrestedOn: null, arrestingAgencyId: null, arrestPlace: null,
    }, ip),
    effect: async (c) => {
      expect(await plainRows(testDb, 'suspects', `select id, alias, status, version from suspects where id = $1`, [c.suspect.id]))
        .toEqual([{ id: c.suspect.id, alias: 'Renamed', status: 'wanted', version: c.suspect.version + 1 }]);
    },
  },
  {
    name: 'add a victim', kind: 'victim_added', caseKind: 'live', roles: EDITORS, versioned: false,
    run: (viewer, c) => saveVictim(viewer, { caseId: c.caseId, fullName: 'Canary Added Child', dateOfBirth: null, contact: null, notes: null, sex: 'female', ageAtOffence: 9, nationality: null }, ip),
    effect: async (c) => {
      const rows = await plainRows<{ code: string; full_name: string | null }>(testDb, 'victims', `select id, code, full_name from victims where investigation_id = $1`, [c.caseId]);
      const row = rows.find((r) => r.full_name === 'Canary Added Child')!;
      expect(row.code).toMatch(/^V-\d{4}-\d{4}-\d+$/);
      const [event] = await testDb.query<{ data: string }>(`select data::text from case_events where investigation_id = $1 and kind = 'victim_added'`, [c.caseId]);
      expect(event!.data).not.toContain('Canary');
    },
  },
  {
    name: 'edit a victim', kind: 'victim_updated', caseKind: 'live', roles: EDITORS, versioned: true,
    run: (viewer, c, s) => saveVictim(viewer, {
      caseId: c.caseId, id: c.victim.id, version: stale(c.victim.version, s), fullName: 'Canary Edited Child', dateOfBirth: '2012-03-04',
      contact: null, notes: 'Edited note', sex: 'female', ageAtOffence: 10, nationality: 'Cambodian',
    }, ip),
    effect: async (c) => {
      expect(await plainRows(testDb, 'victims', `select id, full_name, age_at_offence, version from victims where id = $1`, [c.victim.id]))
        .toEqual([{ id: c.victim.id, full_name: 'Canary Edited Child', age_at_offence: 10, version: c.victim.version + 1 }]);
      const [event] = await testDb.query<{ data: string }>(`select data::text from case_events where investigation_id = $1 and kind = 'victim_updated'`, [c.caseId]);
      expect(event!.data).not.toMatch(/Canary|Edited note|2012-03-04/);
    },
  },
  {
    name: 'add a service', kind: 'service_added', caseKind: 'live', roles: EDITORS, versioned: false,
    run: (viewer, c) => saveService(viewer, { caseId: c.caseId, victimId: c.service.victimId, serviceType: 'counselling', provider: 'Test provider', startedOn: '2023-02-01', endedOn: null }, ip),
    effect: async (c) => {
      expect(await one(`select count(*)::int as n from victim_services where victim_id = $1 and provider = 'Test provider'`, [c.service.victimId])).toEqual({ n: 1 });
    },
  },
  {
    name: 'edit a service', kind: 'service_updated', caseKind: 'live', roles: EDITORS, versioned: true,
    run: (viewer, c, s) => saveService(viewer, {
      caseId: c.caseId, id: c.service.id, version: stale(c.service.version, s), victimId: c.service.victimId, serviceType: c.service.serviceType,
      provider: 'Edited provider', startedOn: null, endedOn: null,
    }, ip),
    effect: async (c) => {
      expect(await one(`select provider, version from victim_services where id = $1`, [c.service.id])).toEqual({ provider: 'Edited provider', version: c.service.version + 1 });
    },
  },
  ...(['location', 'suspect', 'victim', 'service'] as const).map((kind): Write => ({
    name: `remove a ${kind}`, kind: `${kind}_removed`, caseKind: 'live', roles: EDITORS, versioned: true,
    run: (viewer, c, s) => removeChild(viewer, { caseId: c.caseId, kind, id: c[kind].id, version: stale(c[kind].version, s) }, ip),
    effect: async (c) => {
      const table = { location: 'offence_locations', suspect: 'suspects', victim: 'victims', service: 'victim_services' }[kind];
      const row = await one<{ archived: boolean; archived_by: string }>(`select archived_at is not null as archived, archived_by from ${table} where id = $1`, [c[kind].id]);
      expect(row.archived, 'archived, not deleted').toBe(true);
      if (kind === 'victim') {
        expect(await one(`select count(*)::int as n from victim_services where victim_id = $1 and archived_at is null`, [c.victim.id])).toEqual({ n: 0 });
      }
    },
  })),
  {
    name: 'advance the status', kind: 'status_changed', caseKind: 'open', roles: EDITORS, versioned: true,
    run: (viewer, c, s) => moveCaseStatus(viewer, { caseId: c.caseId, version: stale(c.caseVersion, s), move: 'advance' }, ip),
    effect: async (c) => {
      const order = ['reported', 'under_investigation', 'suspect_identified', 'suspect_arrested', 'referred_to_court'];
      expect(await one(`select status from investigations where id = $1`, [c.caseId])).toEqual({ status: order[order.indexOf(c.status) + 1] });
    },
  },
  {
    name: 'close with a reason', kind: 'status_changed', caseKind: 'notClosed', roles: EDITORS, versioned: true,
    run: (viewer, c, s) => moveCaseStatus(viewer, { caseId: c.caseId, version: stale(c.caseVersion, s), move: 'close', closeReason: 'unresolved' }, ip),
    effect: async (c) => {
      expect(await one(`select status, close_reason, closed_at is not null as closed from investigations where id = $1`, [c.caseId]))
        .toEqual({ status: 'closed', close_reason: 'unresolved', closed: true });
      const [event] = await testDb.query<{ data: Record<string, unknown> }>(`select data from case_events where investigation_id = $1 and kind = 'status_changed' order by id desc limit 1`, [c.caseId]);
      expect(event!.data).toMatchObject({ from: c.status, to: 'closed', reason: 'unresolved' });
    },
  },
  {
    name: 'reopen with a reason', kind: 'status_changed', caseKind: 'closed', roles: ['manager'], versioned: true,
    run: (viewer, c, s) => moveCaseStatus(viewer, { caseId: c.caseId, version: stale(c.caseVersion, s), move: 'reopen', reopenReason: 'new_evidence' }, ip),
    effect: async (c) => {
      const before = await one<{ from: string }>(`select data->>'from' as from from case_events where investigation_id = $1 and data->>'to' = 'closed' order by at desc, id desc limit 1`, [c.caseId]);
      expect(await one(`select status, close_reason, closed_at from investigations where id = $1`, [c.caseId]))
        .toEqual({ status: before.from ?? 'under_investigation', close_reason: null, closed_at: null });
    },
  },
  {
    name: 'archive the case', kind: 'case_archived', caseKind: 'live', roles: ['manager'], versioned: true,
    run: (viewer, c, s) => archiveCase(viewer, { caseId: c.caseId, version: stale(c.caseVersion, s), reason: 'Duplicate entry' }, ip),
    effect: async (c) => {
      expect(await one(`select archived_at is not null as archived, archive_reason from investigations where id = $1`, [c.caseId]))
        .toEqual({ archived: true, archive_reason: 'Duplicate entry' });
      const [event] = await testDb.query<{ data: string }>(`select data::text from case_events where investigation_id = $1 and kind = 'case_archived' order by id desc limit 1`, [c.caseId]);
      expect(event!.data).not.toContain('Duplicate');
    },
  },
  {
    name: 'restore the case', kind: 'case_restored', caseKind: 'archived', roles: ['manager'], versioned: true,
    run: (viewer, c, s) => restoreCase(viewer, { caseId: c.caseId, version: stale(c.caseVersion, s) }, ip),
    effect: async (c) => {
      expect(await one(`select archived_at, archive_reason from investigations where id = $1`, [c.caseId])).toEqual({ archived_at: null, archive_reason: null });
    },
  },
];

/** Audit rows of this action by this person on this case (or entity). */
const audits = (viewer: Viewer, kind: string, outcome: string, since: number) =>
  testDb.query<{ investigation_id: string | null; entity_id: string; ip: string | null }>(
    `select investigation_id, entity_id, host(ip) as ip from audit_events where actor_id = $1 and action = $2 and outcome = $3 and id > $4`,
    [viewer.userId, `case.${kind}`, outcome, since]);
const lastAuditId = async () => (await one<{ id: number }>(`select coalesce(max(id), 0)::int as id from audit_events`, [])).id;

// Archived cases are few in the demo data: the restore tests share them, refusals first.
const caseFor = (w: Write, membership: Membership, exclusive = true) => takeCase(w.caseKind, w.caseKind === 'archived' ? 'any' : membership, exclusive).catch(async (err: unknown) => {
  if (w.caseKind !== 'archived') throw err;
  const c = await takeCase('live', 'member');
  await archiveCase(v.manager, { caseId: c.caseId, version: c.caseVersion, reason: 'Set up by test' }, null);
  return contextOf(c.caseId);
});

describe.each(WRITES)('$name', (w) => {
  const allowed = (role: 'investigator' | 'manager') => (w.roles as readonly string[]).includes(role);

  it.each(['investigator', 'manager'] as const)('[%s] in scope: succeeds, with its timeline event and audit row', async (role) => {
    const c = await caseFor(w, 'member', allowed(role));
    const since = await lastAuditId();
    const before = await snapshot(c.caseId);
    if (!allowed(role)) {
      await expect(w.run(v[role], c, false)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await snapshot(c.caseId)).toEqual(before);
      expect(await audits(v[role], w.kind, 'denied', since)).toHaveLength(1);
      return;
    }
    const eventsOf = () => testDb.query<{ actor_id: string }>(
      `select actor_id from case_events where investigation_id = $1 and kind = $2 order by id desc`, [c.caseId, w.kind]);
    const eventsBefore = (await eventsOf()).length;
    await w.run(v[role], c, false);
    await w.effect(c);
    const events = await eventsOf();
    expect(events.length, 'one timeline event').toBe(eventsBefore + 1);
    expect(events[0]!.actor_id).toBe(v[role].userId);
    const rows = await audits(v[role], w.kind, 'allowed', since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ investigation_id: c.caseId, ip });
    const after = await one<{ version: number }>(`select version from investigations where id = $1`, [c.caseId]);
    expect(after.version, 'every change bumps the case version').toBeGreaterThan(c.caseVersion);
  });

  it('[investigator] not a member: not found, unchanged, audited as denied', async () => {
    const c = await caseFor(w, 'outsider', false);
    const since = await lastAuditId();
    const before = await snapshot(c.caseId);
    await expect(w.run(v.investigator, c, false)).rejects.toBeInstanceOf(allowed('investigator') ? NotFoundError : ForbiddenError);
    expect(await snapshot(c.caseId)).toEqual(before);
    expect(await audits(v.investigator, w.kind, 'denied', since)).toHaveLength(1);
  });

  it.each(['liaison', 'admin'] as const)('[%s] forbidden, unchanged, audited as denied', async (role) => {
    const c = await caseFor(w, 'member', false);
    const since = await lastAuditId();
    const before = await snapshot(c.caseId);
    await expect(w.run(v[role], c, false)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(c.caseId)).toEqual(before);
    expect(await audits(v[role], w.kind, 'denied', since)).toHaveLength(1);
  });

  if (w.versioned) {
    it('[manager] stale version: conflict with the current values, unchanged', async () => {
      const c = await caseFor(w, 'member', false);
      const since = await lastAuditId();
      const before = await snapshot(c.caseId);
      const err = await w.run(v.manager, c, true).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      const detail = (err as ConflictError).detail as { version: number; current: Record<string, unknown> };
      expect(detail.version).toBeGreaterThan(0);
      expect(Object.keys(detail.current).length).toBeGreaterThan(0);
      expect(await snapshot(c.caseId)).toEqual(before);
      expect(await audits(v.manager, w.kind, 'failed', since)).toHaveLength(1);
    });
  }

  it('a failure after the update leaves nothing: change, timeline event and audit row are one transaction', async () => {
    const c = await caseFor(w, 'member', false);
    const before = await snapshot(c.caseId);
    const since = await lastAuditId();
    // The audit row is the last write of the transaction: make the database refuse it.
    await testDb.query(`create or replace function test_refuse_audit() returns trigger language plpgsql as $$
      begin if new.action = 'case.${w.kind}' and new.outcome = 'allowed' then raise exception 'refused by test'; end if; return new; end $$`);
    await testDb.query(`create trigger test_refuse_audit before insert on audit_events for each row execute function test_refuse_audit()`);
    try {
      await expect(w.run(v.manager, c, false)).rejects.toThrow();
    } finally {
      await testDb.query(`drop trigger test_refuse_audit on audit_events`);
    }
    expect(await snapshot(c.caseId)).toEqual(before);
    expect(await audits(v.manager, w.kind, 'allowed', since)).toHaveLength(0);
  });
});

describe('lifecycle rules on the server', () => {
  it('[manager] cannot advance a case already referred to court, nor close a closed one', async () => {
    const [referred] = await testDb.query<{ id: string; version: number }>(
      `select id, version from investigations where status = 'referred_to_court' and archived_at is null limit 1`);
    const before = await snapshot(referred!.id);
    await expect(moveCaseStatus(v.manager, { caseId: referred!.id, version: referred!.version, move: 'advance' }, null)).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot(referred!.id)).toEqual(before);

    const closed = await takeCase('closed', 'outsider');
    const closedBefore = await snapshot(closed.caseId);
    await expect(moveCaseStatus(v.manager, { caseId: closed.caseId, version: closed.caseVersion, move: 'close', closeReason: 'dismissed' }, null)).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot(closed.caseId)).toEqual(closedBefore);
  });

  it('[investigator] may close but not reopen their own case', async () => {
    const c = await takeCase('notClosed', 'member');
    await moveCaseStatus(v.investigator, { caseId: c.caseId, version: c.caseVersion, move: 'close', closeReason: 'victim_withdrew' }, null);
    const closed = await contextOf(c.caseId);
    await expect(moveCaseStatus(v.investigator, { caseId: c.caseId, version: closed.caseVersion, move: 'reopen', reopenReason: 'appeal' }, null))
      .rejects.toBeInstanceOf(ForbiddenError);
    const reopened = await moveCaseStatus(v.manager, { caseId: c.caseId, version: closed.caseVersion, move: 'reopen', reopenReason: 'appeal' }, null);
    expect(reopened.status).toBe(c.status);
  });

  it('archived cases refuse edits, even from the manager, until restored', async () => {
    const c = await takeCase('live', 'member');
    const { version } = await archiveCase(v.manager, { caseId: c.caseId, version: c.caseVersion, reason: 'Opened in error' }, null);
    const before = await snapshot(c.caseId);
    await expect(saveLocation(v.manager, { caseId: c.caseId, provinceCode: '12', district: 'D', commune: null, placeType: 'home', occurredOn: null }, null))
      .rejects.toBeInstanceOf(NotFoundError);
    await expect(moveCaseStatus(v.manager, { caseId: c.caseId, version, move: 'advance' }, null)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot(c.caseId)).toEqual(before);
    // The member investigator no longer sees it at all.
    await expect(saveLocation(v.investigator, { caseId: c.caseId, provinceCode: '12', district: 'D', commune: null, placeType: 'home', occurredOn: null }, null))
      .rejects.toBeInstanceOf(NotFoundError);
    await restoreCase(v.manager, { caseId: c.caseId, version }, null);
    await saveLocation(v.investigator, { caseId: c.caseId, provinceCode: '12', district: 'D', commune: null, placeType: 'home', occurredOn: null }, null);
  });

  it('a child edit bumps the case version, so a case form loaded before it is refused', async () => {
    const c = await takeCase('live', 'member');
    await saveSuspect(v.investigator, {
      caseId: c.caseId, id: c.suspect.id, version: c.suspect.version, fullName: null, alias: 'Bumper', sex: 'male', age: null,
      nationality: null, relationship: c.suspect.relationship, status: 'identified', arrestedOn: null, arrestingAgencyId: null, arrestPlace: null,
    }, null);
    await expect(updateCaseBasics(v.manager, {
      caseId: c.caseId, version: c.caseVersion, title: 'Late', summary: null, offenceType: c.offenceType, priority: 'low', reportedOn: c.reportedOn, offenceFrom: null, offenceTo: null,
    }, null)).rejects.toBeInstanceOf(ConflictError);
  });
});
