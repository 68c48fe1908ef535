import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers, type DemoRole } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { arrestRecord } from '@/lib/validation/case-edit';
import { recordArrest } from './case-arrests';
import { saveSuspect } from './case-suspects';
import { suspectEdit } from '@/lib/validation/case-edit';

const testDb = useTestDatabase();
let v: Record<DemoRole, Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

const ip = '198.51.100.9';
const AHTJPD_SCOPE = `(exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $2)
  or exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $3 and m.role = 'liaison'))`;
const MEMBER = `exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1)`;

type Pick = { caseId: string; suspectId: string; version: number; offenceFrom: string | null };
const used = new Set<string>();

/** A live case with a suspect in the given state, matching `where`; each test takes its own. */
async function take(where: string, arrested: boolean): Promise<Pick> {
  const rows = await testDb.query<Pick>(
    `select i.id as "caseId", s.id as "suspectId", s.version, i.offence_from::text as "offenceFrom"
       from investigations i join suspects s on s.investigation_id = i.id and s.archived_at is null
      where i.archived_at is null and ${where} and s.arrested_on is ${arrested ? 'not null' : 'null'}
        and $1::uuid is not null and $2::uuid is not null and $3::uuid is not null
      order by i.reference, s.id`,
    [v.investigator.userId, v.liaison.agencyId, v.liaison.userId],
  );
  const row = rows.find((r) => !used.has(r.caseId));
  if (!row) throw new Error(`no case for ${where}`);
  used.add(row.caseId);
  return row;
}

const agencyId = async () =>
  (await testDb.query<{ id: string }>(`select id from agencies where active and kind = 'police' order by name limit 1`))[0]!.id;

async function snapshot(caseId: string) {
  const [row] = await testDb.query(
    `select (select row_to_json(i)::text from investigations i where i.id = $1) as investigation,
       (select json_agg(x order by x.id)::text from suspects x where x.investigation_id = $1) as suspects,
       (select count(*)::int from case_events e where e.investigation_id = $1) as events`,
    [caseId],
  );
  return row;
}

const input = async (p: Pick, overrides: Record<string, unknown> = {}) =>
  arrestRecord.parse({
    caseId: p.caseId, id: p.suspectId, version: p.version,
    arrestedOn: p.offenceFrom && p.offenceFrom > '2023-06-01' ? p.offenceFrom : '2023-06-01',
    arrestingAgencyId: await agencyId(), arrestPlace: 'Market, Takhmao', ...overrides,
  });

describe('recording an arrest', () => {
  it('[investigator] a member records the first arrest: suspect arrested, case carried to suspect_arrested, timeline and audit in one go', async () => {
    const p = await take(`${MEMBER} and i.status in ('under_investigation', 'suspect_identified')`, false);
    const [caseBefore] = await testDb.query<{ status: string; version: number }>(`select status, version from investigations where id = $1`, [p.caseId]);
    const result = await recordArrest(v.investigator, await input(p), ip);
    expect(result).toMatchObject({ corrected: false, status: 'suspect_arrested' });

    const [s] = await testDb.query(`select status, arrested_on::text as "arrestedOn", arrest_place as place from suspects where id = $1`, [p.suspectId]);
    expect(s).toMatchObject({ status: 'arrested', place: 'Market, Takhmao' });
    const [c] = await testDb.query<{ status: string; version: number }>(`select status, version from investigations where id = $1`, [p.caseId]);
    expect(c!.status).toBe('suspect_arrested');
    expect(c!.version).toBeGreaterThan(caseBefore!.version);

    const events = await testDb.query<{ kind: string; data: Record<string, unknown> }>(
      `select kind, data from case_events where investigation_id = $1 and actor_id = $2 order by id`, [p.caseId, v.investigator.userId]);
    expect(events.map((e) => e.kind)).toEqual(['suspect_arrested', 'status_changed']);
    expect(events[1]!.data).toMatchObject({ from: caseBefore!.status, to: 'suspect_arrested', move: 'auto', cause: 'arrest' });
    expect(JSON.stringify(events)).not.toContain('Takhmao');
    const audits = await testDb.query<{ action: string }>(
      `select action from audit_events where investigation_id = $1 and actor_id = $2 and outcome = 'allowed' order by id`, [p.caseId, v.investigator.userId]);
    expect(audits.map((a) => a.action)).toEqual(['case.suspect_arrested', 'case.status_changed']);
  });

  it('[liaison] on a case shared with their agency: records the arrest; a case at court stays where it is', async () => {
    const p = await take(`${AHTJPD_SCOPE} and i.status = 'referred_to_court'`, false);
    const result = await recordArrest(v.liaison, await input(p), ip);
    expect(result).toMatchObject({ corrected: false, status: null });
    const [c] = await testDb.query<{ status: string }>(`select status from investigations where id = $1`, [p.caseId]);
    expect(c!.status).toBe('referred_to_court');
  });

  it('[manager] correcting an arrested suspect records a correction and moves nothing', async () => {
    const p = await take(`i.status <> 'closed'`, true);
    const [before] = await testDb.query<{ status: string }>(`select status from investigations where id = $1`, [p.caseId]);
    const result = await recordArrest(v.manager, await input(p, { arrestPlace: 'District police station' }), ip);
    expect(result.corrected).toBe(true);
    const [after] = await testDb.query<{ status: string }>(`select status from investigations where id = $1`, [p.caseId]);
    expect(after!.status).toBe(before!.status);
    const [e] = await testDb.query<{ kind: string; data: { fields: string[] } }>(
      `select kind, data from case_events where investigation_id = $1 order by id desc limit 1`, [p.caseId]);
    expect(e!.kind).toBe('arrest_corrected');
    expect(e!.data.fields).toContain('arrestPlace');
  });
});

describe('an arrest entered in the full suspect form', () => {
  it('[investigator] adding an arrested suspect carries the case to suspect_arrested as well', async () => {
    const p = await take(`${MEMBER} and i.status in ('under_investigation', 'suspect_identified') and (i.offence_from is null or i.offence_from <= date '2023-02-02')`, false);
    const [relationship] = await testDb.query<{ code: string }>(`select code from relationships where active limit 1`);
    await saveSuspect(v.investigator, suspectEdit.parse({
      caseId: p.caseId, sex: 'male', relationship: relationship!.code, status: 'arrested', arrestedOn: '2023-02-02',
    }), ip);
    const [c] = await testDb.query<{ status: string }>(`select status from investigations where id = $1`, [p.caseId]);
    expect(c!.status).toBe('suspect_arrested');
    const [e] = await testDb.query<{ data: Record<string, unknown> }>(
      `select data from case_events where investigation_id = $1 and kind = 'status_changed' order by id desc limit 1`, [p.caseId]);
    expect(e!.data).toMatchObject({ to: 'suspect_arrested', move: 'auto', cause: 'arrest' });
  });
});

describe('refusals leave the case unchanged', () => {
  const refused = async (viewer: Viewer, p: Pick, error: new (...a: never[]) => Error, overrides: Record<string, unknown> = {}) => {
    const before = await snapshot(p.caseId);
    await expect(recordArrest(viewer, await input(p, overrides), ip)).rejects.toBeInstanceOf(error);
    expect(await snapshot(p.caseId)).toEqual(before);
  };

  it('[investigator] not a member: not found, audited as denied', async () => {
    const p = await take(`not ${MEMBER}`, false);
    await refused(v.investigator, p, NotFoundError);
    const [a] = await testDb.query(`select outcome from audit_events where entity_id = $1 and actor_id = $2 order by id desc limit 1`, [p.suspectId, v.investigator.userId]);
    expect(a).toMatchObject({ outcome: 'denied' });
  });

  it('[liaison] on a case not shared with them: not found', async () => {
    await refused(v.liaison, await take(`not ${AHTJPD_SCOPE}`, false), NotFoundError);
  });

  it('[admin] forbidden: no case contents for administrators', async () => {
    await refused(v.admin, await take('true', false), ForbiddenError);
  });

  it('[manager] a stale suspect version: conflict', async () => {
    const p = await take('true', false);
    await refused(v.manager, { ...p, version: p.version + 1 }, ConflictError);
  });

  it('[manager] a suspect of another case: not found', async () => {
    const p = await take('true', false);
    const other = await take('true', false);
    await refused(v.manager, { ...p, suspectId: other.suspectId, version: other.version }, NotFoundError);
    expect(await snapshot(other.caseId)).toBeTruthy();
  });

  it('[manager] an arrest before the offence period: a field error', async () => {
    const p = await take(`i.offence_from > date '1995-01-01'`, false);
    const before = await snapshot(p.caseId);
    const err = await recordArrest(v.manager, await input(p, { arrestedOn: '1994-06-01' }), ip).catch((e) => e);
    expect(err).toBeInstanceOf(FieldValidationError);
    expect((err as FieldValidationError).fieldErrors).toEqual({ arrestedOn: 'caseEdit.errors.beforeOffencePeriod' });
    expect(await snapshot(p.caseId)).toEqual(before);
  });

  it('[manager] an inactive arresting agency: a field error', async () => {
    const p = await take('true', false);
    const [inactive] = await testDb.query<{ id: string }>(
      `insert into agencies (name, kind, active) values ('Closed district office', 'police', false) returning id`);
    const before = await snapshot(p.caseId);
    const err = await recordArrest(v.manager, await input(p, { arrestingAgencyId: inactive!.id }), ip).catch((e) => e);
    expect((err as FieldValidationError).fieldErrors).toEqual({ arrestingAgencyId: 'caseEdit.errors.agencyUnavailable' });
    expect(await snapshot(p.caseId)).toEqual(before);
  });
});

describe('the arrest form schema', () => {
  const base = { caseId: crypto.randomUUID(), id: crypto.randomUUID(), version: 3, arrestedOn: '2022-02-02', arrestingAgencyId: crypto.randomUUID() };
  const errors = (raw: Record<string, unknown>) => {
    const r = arrestRecord.safeParse({ ...base, ...raw });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('needs a date and an agency, and refuses dates in the future or before 1990', () => {
    expect(errors({})).toEqual({});
    expect(errors({ arrestedOn: '' })).toEqual({ arrestedOn: 'caseEdit.errors.required' });
    expect(errors({ arrestingAgencyId: '' })).toEqual({ arrestingAgencyId: 'caseEdit.errors.required' });
    expect(errors({ arrestedOn: '2999-01-01' })).toEqual({ arrestedOn: 'caseEdit.errors.future' });
    expect(errors({ arrestedOn: '1989-12-31' })).toEqual({ arrestedOn: 'caseEdit.errors.tooEarly' });
    expect(errors({ arrestedOn: '2022-02-30' })).toEqual({ arrestedOn: 'caseEdit.errors.dateFormat' });
  });
});
