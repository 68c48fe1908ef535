import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import { plainRows } from '@/db/testing/identity';
import type { Viewer } from '@/lib/policy';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { caseInput, type CaseInput } from '@/lib/validation/case-input';
import { todayIso } from '@/lib/validation/fields';
import { createInvestigation } from './case-create';
import { FieldValidationError } from '@/lib/errors';

const testDb = useTestDatabase();
let investigator: Viewer, liaison: Viewer, manager: Viewer, admin: Viewer;
let agencyA: string, agencyB: string;
const year = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  ({ investigator, liaison, manager, admin } = await demoViewers(testDb));
  const rows = await testDb.query<{ id: string }>(`select id from agencies where active order by name limit 2`);
  [agencyA, agencyB] = rows.map((r) => r.id) as [string, string];
});

function input(overrides: Partial<CaseInput> = {}): CaseInput {
  return caseInput.parse({
    title: 'Test case opened by the suite',
    summary: 'Reported by a teacher.',
    offenceType: 'indecent_assault',
    reportedOn: '2026-01-20',
    reportChannel: 'school',
    priority: 'high',
    agencyIds: [agencyA, agencyB],
    offenceFrom: '2026-01-01',
    offenceTo: '2026-01-15',
    locations: [
      { provinceCode: '12', district: 'Chamkar Mon', commune: 'Tonle Basak', placeType: 'school', occurredOn: '2026-01-05' },
      { provinceCode: '17', district: 'Siem Reap', commune: '', placeType: 'guesthouse', occurredOn: '2026-01-10' },
    ],
    suspects: [
      { fullName: 'Suspect One', alias: 'Teacher S', sex: 'male', age: '41', nationality: 'Cambodian', relationship: 'teacher', status: 'arrested', arrestedOn: '2026-01-22', arrestingAgencyId: agencyA },
      { fullName: '', alias: '', sex: 'unknown', age: '', nationality: '', relationship: 'stranger', status: 'wanted', arrestedOn: '', arrestingAgencyId: '' },
    ],
    victims: [{
      fullName: 'Canary Victim', sex: 'female', ageAtOffence: '11', dateOfBirth: '2014-05-02', nationality: 'Cambodian',
      services: [
        { serviceType: 'medical', provider: 'Hospital', startedOn: '2026-01-21', endedOn: '2026-01-23' },
        { serviceType: 'counselling', provider: 'NGO', startedOn: '2026-01-24', endedOn: '' },
      ],
    }],
    ...overrides,
  });
}

const TABLES = ['investigations', 'investigation_members', 'investigation_agencies', 'offence_locations', 'suspects', 'victims', 'victim_services', 'case_events'] as const;

type Counts = Record<(typeof TABLES)[number] | 'audit_allowed', number>;

async function rowCounts(): Promise<Counts> {
  const [row] = await testDb.query<Counts>(
    `select ${TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')},
      (select count(*)::int from audit_events where outcome = 'allowed') as audit_allowed`);
  return row!;
}

const key = () => randomUUID();

describe('createInvestigation', () => {
  // First, so the year has no case yet: there is no row to lock, which is the hard case.
  it('concurrent creations get distinct, consecutive references, even in a year with no case yet', async () => {
    const [{ max }] = (await testDb.query<{ max: number }>(`select coalesce(max(ref_seq), 0)::int as max from investigations where ref_year = $1`, [year])) as [{ max: number }];
    const n = 6;
    const results = await Promise.all(Array.from({ length: n }, (_, i) =>
      createInvestigation(i % 2 ? manager : investigator, input({ suspects: [] }), { submissionKey: key(), ip: null })));
    const refs = await testDb.query<{ ref_seq: number; reference: string }>(
      `select ref_seq, reference from investigations where id = any($1::uuid[]) order by ref_seq`, [results.map((r) => r.id)]);
    expect(refs.map((r) => r.ref_seq)).toEqual(Array.from({ length: n }, (_, i) => max + 1 + i));
    expect(new Set(refs.map((r) => r.reference)).size).toBe(n);
    const codes = await testDb.query<{ code: string }>(`select code from victims where investigation_id = any($1::uuid[])`, [results.map((r) => r.id)]);
    expect(new Set(codes.map((c) => c.code)).size).toBe(n);
  });

  it('[investigator] writes the case and everything in it, and becomes its lead', async () => {
    const before = await rowCounts();
    const { id, created } = await createInvestigation(investigator, input(), { submissionKey: key(), ip: '198.51.100.7' });
    expect(created).toBe(true);

    const [c] = await testDb.query<Record<string, unknown>>(`select * from investigations where id = $1`, [id]);
    expect(c).toMatchObject({ status: 'reported', ref_year: year, title: 'Test case opened by the suite', offence_type: 'indecent_assault', created_by: investigator.userId });
    expect(c!.reference).toMatch(new RegExp(`^CPU-${year}-\\d{4}$`));
    const one = async (text: string) => (await testDb.query<Record<string, unknown>>(text, [id]));
    expect(await one(`select user_id, role from investigation_members where investigation_id = $1`)).toEqual([{ user_id: investigator.userId, role: 'lead' }]);
    expect((await one(`select agency_id from investigation_agencies where investigation_id = $1 order by agency_id`)).map((r) => r.agency_id))
      .toEqual([agencyA, agencyB].sort());
    expect((await one(`select province_code from offence_locations where investigation_id = $1 order by province_code`)).map((r) => r.province_code)).toEqual(['12', '17']);
    expect(await one(`select status, arrested_on::text, arresting_agency_id from suspects where investigation_id = $1 order by status`)).toEqual([
      { status: 'wanted', arrested_on: null, arresting_agency_id: null },
      { status: 'arrested', arrested_on: '2026-01-22', arresting_agency_id: agencyA },
    ]);
    const victims = await plainRows(testDb, 'victims', `select id, code, full_name, age_at_offence from victims where investigation_id = $1`, [c!.id]);
    expect(victims).toEqual([{ id: expect.any(String), code: `V-${year}-${(c!.reference as string).slice(-4)}-1`, full_name: 'Canary Victim', age_at_offence: 11 }]);
    expect((await one(`select service_type from victim_services where investigation_id = $1 order by service_type`)).map((r) => r.service_type)).toEqual(['counselling', 'medical']);

    const events = await one(`select kind, actor_id, data from case_events where investigation_id = $1`);
    expect(events).toEqual([{ kind: 'case_opened', actor_id: investigator.userId, data: expect.objectContaining({ reference: c!.reference, suspects: 2, locations: 2 }) }]);
    expect(JSON.stringify(events), 'no identity on the timeline').not.toContain('Canary');
    const audits = await one(`select action, entity_type, host(ip) as ip from audit_events where investigation_id = $1 order by action`);
    expect(audits).toEqual([
      { action: 'case.case_opened', entity_type: 'investigation', ip: '198.51.100.7' },
      { action: 'suspect.create', entity_type: 'suspect', ip: '198.51.100.7' },
      { action: 'suspect.create', entity_type: 'suspect', ip: '198.51.100.7' },
      { action: 'victim.create', entity_type: 'victim', ip: '198.51.100.7' },
    ]);

    const after = await rowCounts();
    expect(after).toEqual({
      investigations: before.investigations + 1, investigation_members: before.investigation_members + 1,
      investigation_agencies: before.investigation_agencies + 2, offence_locations: before.offence_locations + 2,
      suspects: before.suspects + 2, victims: before.victims + 1, victim_services: before.victim_services + 2,
      case_events: before.case_events + 1, audit_allowed: before.audit_allowed + 4,
    });
  });

  it('[manager] may open a case and becomes its lead', async () => {
    const { id } = await createInvestigation(manager, input({ suspects: [] }), { submissionKey: key(), ip: null });
    expect(await testDb.query(`select user_id, role from investigation_members where investigation_id = $1`, [id])).toEqual([{ user_id: manager.userId, role: 'lead' }]);
  });

  it.each(['liaison', 'admin'] as const)('[%s] is refused, nothing is written, and the refusal is audited', async (role) => {
    const viewer = { liaison, admin }[role];
    const before = await rowCounts();
    await expect(createInvestigation(viewer, input(), { submissionKey: key(), ip: null })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await rowCounts()).toEqual(before);
    const denied = await testDb.query(`select 1 from audit_events where actor_id = $1 and action = 'case.create' and outcome = 'denied'`, [viewer.userId]);
    expect(denied.length).toBe(1);
  });

  it('a replayed submission key returns the same case and creates nothing', async () => {
    const submissionKey = key();
    const first = await createInvestigation(investigator, input(), { submissionKey, ip: null });
    const before = await rowCounts();
    const again = await createInvestigation(investigator, input({ title: 'changed on replay' }), { submissionKey, ip: null });
    expect(again).toEqual({ id: first.id, created: false });
    expect(await rowCounts()).toEqual(before);
    expect(await testDb.query(`select title from investigations where id = $1`, [first.id])).toEqual([{ title: 'Test case opened by the suite' }]);
  });

  it('the same key sent concurrently creates one case', async () => {
    const submissionKey = key();
    const before = await rowCounts();
    const results = await Promise.all([1, 2, 3].map(() => createInvestigation(investigator, input(), { submissionKey, ip: null })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created).length).toBe(1);
    expect((await rowCounts()).investigations).toBe(before.investigations + 1);
  });

  it("someone else's submission key is refused without revealing their case", async () => {
    const submissionKey = key();
    await createInvestigation(investigator, input(), { submissionKey, ip: null });
    const before = await rowCounts();
    await expect(createInvestigation(manager, input(), { submissionKey, ip: null })).rejects.toBeInstanceOf(ConflictError);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses unknown or inactive reference values as field errors, writing nothing', async () => {
    await testDb.query(`update place_types set active = false where code = 'pagoda'`);
    const before = await rowCounts();
    const bad = input();
    bad.locations[1]!.placeType = 'pagoda';
    bad.suspects[0]!.relationship = 'martian';
    bad.agencyIds = [randomUUID()];
    const error = await createInvestigation(investigator, bad, { submissionKey: key(), ip: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldValidationError);
    expect((error as FieldValidationError).fieldErrors).toEqual({
      'locations.1.placeType': 'unknownValue', 'suspects.0.relationship': 'unknownValue', agencyIds: 'unknownValue',
    });
    expect(await rowCounts()).toEqual(before);
    await testDb.query(`update place_types set active = true where code = 'pagoda'`);
  });

  it('a database failure in the middle leaves nothing half-written', async () => {
    // The last table the transaction writes to fails, after the case and its parties went in.
    await testDb.query(`create function fail_service() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$`);
    await testDb.query(`create trigger fail_service before insert on victim_services for each row execute function fail_service()`);
    const [{ max }] = (await testDb.query<{ max: number }>(`select coalesce(max(ref_seq), 0)::int as max from investigations where ref_year = $1`, [year])) as [{ max: number }];
    const before = await rowCounts();
    const submissionKey = key();
    try {
      await expect(createInvestigation(investigator, input(), { submissionKey, ip: null })).rejects.toThrow();
      expect(await rowCounts()).toEqual(before);
    } finally {
      await testDb.query(`drop trigger fail_service on victim_services`);
      await testDb.query(`drop function fail_service()`);
    }
    // The same submission retried once the database is back creates the case, with the next number.
    const { id, created } = await createInvestigation(investigator, input(), { submissionKey, ip: null });
    expect(created).toBe(true);
    expect(await testDb.query(`select ref_seq from investigations where id = $1`, [id])).toEqual([{ ref_seq: max + 1 }]);
  });
});
