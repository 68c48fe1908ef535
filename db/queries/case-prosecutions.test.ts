import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { todayInCambodia } from '@/lib/validation/case-edit';
import { prosecutionEdit, type HearingEdit, type ProsecutionEdit } from '@/lib/validation/prosecution';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import { saveHearing, saveProsecution } from './case-prosecutions';
import { archiveCase } from './case-archive';
import { getCase } from './case-read';

const testDb = useTestDatabase();
let v: Record<'investigator' | 'liaison' | 'manager' | 'admin', Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

const ip = '198.51.100.9';
const one = async <T,>(sql: string, params: unknown[] = []) => (await testDb.query<T>(sql, params))[0]!;

/** n days before today in Phnom Penh: never before a case's offence, never in the future. */
const daysAgo = (n: number) => {
  const d = new Date(`${todayInCambodia()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

const SCOPES = {
  member: `exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1)`,
  outsider: `not exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1)`,
  shared: `(exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1 and m.role = 'liaison')
    or exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $2))`,
  unshared: `not exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1)
    and not exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $2)`,
} as const;

type Ctx = { caseId: string; suspectId: string; status: string };
const used = new Set<string>();

/** A live case in the given scope, with a suspect; `fresh`: not yet in court, no prosecution. */
async function takeCase(scope: keyof typeof SCOPES, opts: { fresh?: boolean; exclusive?: boolean } = {}): Promise<Ctx> {
  const rows = await testDb.query<Ctx>(
    `select i.id as "caseId", i.status, (select s.id from suspects s where s.investigation_id = i.id and s.archived_at is null order by s.created_at, s.id limit 1) as "suspectId"
      from investigations i
      where i.archived_at is null and ${SCOPES[scope]}
        and exists (select 1 from suspects s where s.investigation_id = i.id and s.archived_at is null)
        and ${opts.fresh ? `i.status in ('suspect_identified', 'suspect_arrested') and not exists (select 1 from prosecutions p where p.investigation_id = i.id)` : `i.status <> 'closed'`}
      order by i.reference`,
    scope === 'shared' || scope === 'unshared' ? [v.liaison.userId, v.liaison.agencyId] : [v.investigator.userId],
  );
  const found = rows.find((r) => !used.has(r.caseId));
  if (!found) throw new Error(`no unused ${scope} case`);
  if (opts.exclusive !== false) used.add(found.caseId);
  return found;
}

const filing = (c: Ctx, change: Partial<ProsecutionEdit> = {}): ProsecutionEdit => ({
  caseId: c.caseId, id: null, version: null, suspectId: c.suspectId, courtProvinceCode: '12', courtCaseNumber: '0999/2026',
  chargeCodes: ['rape', 'indecent_assault'], chargesOther: null, status: 'charged', filedOn: daysAgo(60), verdictOn: null,
  sentenceYears: null, sentenceMonths: null, fineRiel: null, compensationRiel: null, ...change,
});

/** Everything a prosecution or hearing write could change, to compare before and after a refusal. */
async function snapshot(caseId: string) {
  return one(
    `select (select row_to_json(i)::text from investigations i where i.id = $1) as investigation,
       (select json_agg(p order by p.id)::text from prosecutions p where p.investigation_id = $1) as prosecutions,
       (select json_agg(pc order by pc.prosecution_id, pc.charge_code)::text from prosecution_charges pc
          join prosecutions p on p.id = pc.prosecution_id where p.investigation_id = $1) as charges,
       (select json_agg(h order by h.id)::text from hearings h join prosecutions p on p.id = h.prosecution_id where p.investigation_id = $1) as hearings,
       (select count(*)::int from case_events e where e.investigation_id = $1) as events`,
    [caseId],
  );
}
const counts = () => one(`select (select count(*)::int from prosecutions) as p, (select count(*)::int from prosecution_charges) as c,
  (select count(*)::int from hearings) as h, (select count(*)::int from case_events) as e`);
const lastAuditId = async () => (await one<{ id: number }>(`select coalesce(max(id), 0)::int as id from audit_events`)).id;
const audits = (viewer: Viewer, action: string, outcome: string, since: number) =>
  testDb.query<{ investigation_id: string | null; ip: string | null }>(
    `select investigation_id, host(ip) as ip from audit_events where actor_id = $1 and action = $2 and outcome = $3 and id > $4`,
    [viewer.userId, action, outcome, since]);
const events = (caseId: string) => testDb.query<{ kind: string; data: Record<string, unknown>; actor_id: string }>(
  `select kind, data, actor_id from case_events where investigation_id = $1 order by id`, [caseId]);

describe('saveProsecution', () => {
  it('[investigator] files the first prosecution: charges saved, case referred to court, timeline and audit', async () => {
    const c = await takeCase('member', { fresh: true });
    const before = (await events(c.caseId)).length;
    const since = await lastAuditId();
    const saved = await saveProsecution(v.investigator, filing(c), ip);
    expect(saved.caseStatus).toBe('referred_to_court');

    expect(await one(`select status, court_province_code, filed_on::text, created_by from prosecutions where id = $1`, [saved.id]))
      .toEqual({ status: 'charged', court_province_code: '12', filed_on: daysAgo(60), created_by: v.investigator.userId });
    expect((await testDb.query<{ charge_code: string }>(`select charge_code from prosecution_charges where prosecution_id = $1 order by 1`, [saved.id])).map((r) => r.charge_code))
      .toEqual(['indecent_assault', 'rape']);
    expect(await one(`select status from investigations where id = $1`, [c.caseId])).toEqual({ status: 'referred_to_court' });

    const added = (await events(c.caseId)).slice(before);
    expect(added.map((e) => e.kind)).toEqual(['prosecution_filed', 'status_changed']);
    expect(added[0]!.data).toMatchObject({ prosecutionId: saved.id, suspectId: c.suspectId, status: 'charged', chargeCodes: ['rape', 'indecent_assault'] });
    expect(JSON.stringify(added[0]!.data), 'no court case number or free text').not.toContain('0999/2026');
    expect(added[1]!.data).toEqual({ from: c.status, to: 'referred_to_court', move: 'auto', cause: 'charge' });
    expect(added.every((e) => e.actor_id === v.investigator.userId)).toBe(true);
    expect(await audits(v.investigator, 'case.prosecution_filed', 'allowed', since)).toEqual([{ investigation_id: c.caseId, ip }]);
    expect(await audits(v.investigator, 'case.status_changed', 'allowed', since)).toHaveLength(1);

    // A second prosecution leaves the status alone.
    const second = await saveProsecution(v.investigator, filing(c, { chargeCodes: [], chargesOther: 'Other offence' }), ip);
    expect(second.caseStatus).toBeNull();
  });

  it('[investigator] updates a prosecution through trial to a conviction with a 15-year sentence', async () => {
    const c = await takeCase('member', { fresh: true });
    const filed = await saveProsecution(v.investigator, filing(c), ip);
    const trial = await saveProsecution(v.investigator, filing(c, { id: filed.id, version: filed.version, status: 'on_trial', chargeCodes: ['rape'] }), ip);
    const verdict = await saveProsecution(v.investigator, filing(c, {
      id: filed.id, version: trial.version, status: 'convicted', chargeCodes: ['rape'], verdictOn: daysAgo(5),
      sentenceYears: 15, sentenceMonths: 0, fineRiel: 2_000_000, compensationRiel: 10_000_000,
    }), ip);
    expect(verdict.version).toBe(3);
    expect(await one(`select status, verdict_on::text, sentence_years, sentence_months, fine_riel::int, compensation_riel::int from prosecutions where id = $1`, [filed.id]))
      .toEqual({ status: 'convicted', verdict_on: daysAgo(5), sentence_years: 15, sentence_months: 0, fine_riel: 2_000_000, compensation_riel: 10_000_000 });
    expect(await testDb.query(`select charge_code from prosecution_charges where prosecution_id = $1`, [filed.id])).toEqual([{ charge_code: 'rape' }]);
    const last = (await events(c.caseId)).slice(-2);
    expect(last[0]).toMatchObject({ kind: 'prosecution_updated', data: { status: 'on_trial', fields: ['status', 'chargeCodes'] } });
    expect(last[1]).toMatchObject({ kind: 'verdict_recorded', data: { status: 'convicted', sentenceYears: 15, sentenceMonths: 0, verdictOn: daysAgo(5) } });

    // Every reader of the case sees it, with labels, court and hearings.
    const read = await getCase(v.manager, c.caseId, null);
    expect(read.prosecutions[0]).toMatchObject({ id: filed.id, status: 'convicted', courtProvinceEn: 'Phnom Penh', sentenceYears: 15, charges: [{ code: 'rape', labelEn: 'Rape' }], hearings: [] });
  });

  it('[liaison] records a prosecution on a case shared with them, and reads it back', async () => {
    const c = await takeCase('shared');
    const since = await lastAuditId();
    const saved = await saveProsecution(v.liaison, filing(c), ip);
    expect(await one(`select created_by from prosecutions where id = $1`, [saved.id])).toEqual({ created_by: v.liaison.userId });
    expect(await audits(v.liaison, 'case.prosecution_filed', 'allowed', since)).toHaveLength(1);
    const read = await getCase(v.liaison, c.caseId, null);
    expect(read.prosecutions.map((p) => p.id)).toContain(saved.id);
  });

  it('invalid input is refused by the schema with field errors, and nothing is written', async () => {
    const c = await takeCase('member', { exclusive: false });
    const before = await counts();
    const raw = (change: Record<string, unknown>) => ({ ...filing(c), id: '', version: '', verdictOn: '', sentenceYears: '', ...change });
    const errorsOf = (change: Record<string, unknown>) => {
      const r = prosecutionEdit.safeParse(raw(change));
      return r.success ? {} : fieldErrorsOf(r.error);
    };
    expect(errorsOf({ status: 'convicted', verdictOn: daysAgo(90) })).toEqual({ verdictOn: 'caseEdit.errors.verdictBeforeFiling' });
    expect(errorsOf({ status: 'convicted', verdictOn: daysAgo(1), sentenceYears: '-1' })).toEqual({ sentenceYears: 'caseEdit.errors.sentenceYears' });
    expect(errorsOf({ status: 'convicted' })).toEqual({ verdictOn: 'caseEdit.errors.verdictDateNeeded' });
    expect(await counts()).toEqual(before);
  });

  it('input that skipped the schema is still refused by the database, and nothing is written', async () => {
    const c = await takeCase('member', { exclusive: false });
    const before = await snapshot(c.caseId);
    const bad = [
      filing(c, { status: 'convicted', verdictOn: daysAgo(90) }),
      filing(c, { status: 'convicted', verdictOn: daysAgo(1), sentenceYears: -1 }),
      filing(c, { status: 'convicted', verdictOn: null }),
    ];
    for (const input of bad) await expect(saveProsecution(v.investigator, input, ip)).rejects.toThrow();
    expect(await snapshot(c.caseId)).toEqual(before);
  });

  it('a suspect of another case, an unknown court or charge: field errors, nothing written', async () => {
    const c = await takeCase('member', { exclusive: false });
    const other = await takeCase('outsider', { exclusive: false });
    const before = await snapshot(c.caseId);
    const refusal = (input: ProsecutionEdit) => saveProsecution(v.manager, input, ip).then(() => null, (e: unknown) => e);
    const e1 = await refusal(filing(c, { suspectId: other.suspectId }));
    expect(e1).toBeInstanceOf(FieldValidationError);
    expect((e1 as FieldValidationError).fieldErrors).toEqual({ suspectId: 'caseEdit.errors.suspectNotInCase' });
    const e2 = await refusal(filing(c, { courtProvinceCode: '99', chargeCodes: ['no_such_charge'] }));
    expect((e2 as FieldValidationError).fieldErrors).toEqual({ courtProvinceCode: 'caseEdit.errors.invalid', chargeCodes: 'caseEdit.errors.invalid' });
    expect(await snapshot(c.caseId)).toEqual(before);
  });

  describe('refusals leave every row unchanged and are audited', () => {
    const refused = async (viewer: Viewer, c: Ctx, input: ProsecutionEdit, error: unknown, action: string, outcome = 'denied') => {
      const before = await snapshot(c.caseId);
      const since = await lastAuditId();
      await expect(saveProsecution(viewer, input, ip)).rejects.toBeInstanceOf(error);
      expect(await snapshot(c.caseId)).toEqual(before);
      expect(await audits(viewer, action, outcome, since)).toHaveLength(1);
    };

    it('[investigator] not a member: not found', async () => {
      const c = await takeCase('outsider', { exclusive: false });
      await refused(v.investigator, c, filing(c), NotFoundError, 'case.prosecution_filed');
    });

    it('[liaison] a case not shared with them: not found', async () => {
      const c = await takeCase('unshared', { exclusive: false });
      await refused(v.liaison, c, filing(c), NotFoundError, 'case.prosecution_filed');
    });

    it('[admin] forbidden', async () => {
      const c = await takeCase('member', { exclusive: false });
      await refused(v.admin, c, filing(c), ForbiddenError, 'case.prosecution_filed');
    });

    it('[manager] an archived case: not found', async () => {
      const c = await takeCase('member');
      const { version } = await one<{ version: number }>(`select version from investigations where id = $1`, [c.caseId]);
      await archiveCase(v.manager, { caseId: c.caseId, version, reason: 'Set up by test' }, null);
      await refused(v.manager, c, filing(c), NotFoundError, 'case.prosecution_filed');
    });

    it('[manager] a stale version: conflict with the prosecution as it is now', async () => {
      const c = await takeCase('member');
      const filed = await saveProsecution(v.manager, filing(c), ip);
      await saveProsecution(v.investigator, filing(c, { id: filed.id, version: filed.version, status: 'on_trial' }), ip);
      const before = await snapshot(c.caseId);
      const since = await lastAuditId();
      const err = await saveProsecution(v.manager, filing(c, { id: filed.id, version: filed.version, status: 'pre_trial_detention' }), ip).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).detail).toMatchObject({ version: 2, current: { status: 'on_trial' } });
      expect(await snapshot(c.caseId)).toEqual(before);
      expect(await audits(v.manager, 'case.prosecution_updated', 'failed', since)).toHaveLength(1);
    });
  });
});

describe('one transaction', () => {
  it.each(['prosecution_filed', 'status_changed', 'hearing_added'])('a failure at the last audit row of %s leaves nothing behind', async (action) => {
    const c = await takeCase('member', { fresh: true });
    const p = action === 'hearing_added' ? await saveProsecution(v.manager, filing(c), ip) : null;
    const before = await snapshot(c.caseId);
    await testDb.query(`create or replace function test_refuse_audit() returns trigger language plpgsql as $$
      begin if new.action = 'case.${action}' and new.outcome = 'allowed' then raise exception 'refused by test'; end if; return new; end $$`);
    await testDb.query(`create trigger test_refuse_audit before insert on audit_events for each row execute function test_refuse_audit()`);
    try {
      const write = p
        ? saveHearing(v.manager, { caseId: c.caseId, id: null, version: null, prosecutionId: p.id, heldOn: daysAgo(10), kind: 'trial', outcomeNote: null }, ip)
        : saveProsecution(v.manager, filing(c), ip);
      const err = await write.then(() => null, (e: unknown) => e as Error & { cause?: Error });
      expect(err?.cause?.message ?? err?.message).toContain('refused by test');
    } finally {
      await testDb.query(`drop trigger test_refuse_audit on audit_events`);
    }
    expect(await snapshot(c.caseId)).toEqual(before);
  });
});

describe('saveHearing', () => {
  const hearing = (c: Ctx, prosecutionId: string, change: Partial<HearingEdit> = {}): HearingEdit => ({
    caseId: c.caseId, id: null, version: null, prosecutionId, heldOn: daysAgo(30), kind: 'trial', outcomeNote: 'Canary note: adjourned', ...change,
  });

  it('[liaison] adds and updates a hearing on a shared case; the note never reaches the timeline', async () => {
    const c = await takeCase('shared');
    const p = await saveProsecution(v.liaison, filing(c), ip);
    const added = await saveHearing(v.liaison, hearing(c, p.id), ip);
    const updated = await saveHearing(v.liaison, hearing(c, p.id, { id: added.id, version: added.version, kind: 'verdict', heldOn: daysAgo(20) }), ip);
    expect(updated.version).toBe(2);
    expect(await one(`select kind, held_on::text, outcome_note from hearings where id = $1`, [added.id]))
      .toEqual({ kind: 'verdict', held_on: daysAgo(20), outcome_note: 'Canary note: adjourned' });
    const last = (await events(c.caseId)).slice(-2);
    expect(last[0]).toMatchObject({ kind: 'hearing_added', data: { prosecutionId: p.id, hearingKind: 'trial', heldOn: daysAgo(30) } });
    expect(last[1]).toMatchObject({ kind: 'hearing_updated', data: { hearingKind: 'verdict', fields: ['heldOn', 'kind'] } });
    expect(JSON.stringify(last)).not.toContain('Canary');
    const read = await getCase(v.liaison, c.caseId, null);
    expect(read.prosecutions.find((x) => x.id === p.id)!.hearings).toMatchObject([{ id: added.id, kind: 'verdict' }]);
  });

  it('refuses a hearing before the filing, on another case\'s prosecution, out of scope or stale; nothing written', async () => {
    const c = await takeCase('member');
    const p = await saveProsecution(v.investigator, filing(c), ip);
    const h = await saveHearing(v.investigator, hearing(c, p.id), ip);
    const other = await takeCase('outsider', { exclusive: false });
    const before = await snapshot(c.caseId);

    const early = await saveHearing(v.investigator, hearing(c, p.id, { heldOn: daysAgo(61) }), ip).then(() => null, (e: unknown) => e);
    expect((early as FieldValidationError).fieldErrors).toEqual({ heldOn: 'caseEdit.errors.hearingBeforeFiling' });
    // The prosecution is this case's, but the case named is one the manager may edit too.
    await expect(saveHearing(v.manager, hearing(other, p.id), ip)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveHearing(v.liaison, hearing(c, p.id), ip)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveHearing(v.admin, hearing(c, p.id), ip)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveHearing(v.investigator, hearing(c, p.id, { id: h.id, version: h.version + 1 }), ip)).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot(c.caseId)).toEqual(before);
  });
});
