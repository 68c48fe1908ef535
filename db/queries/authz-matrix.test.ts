import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { casesInScope, tableSnapshot } from '@/db/testing/scope-cases';
import { demoViewers, viewerFor } from '@/db/testing/viewers';
import { AGENCY_IDS } from '@/db/seed/organisation';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { MATRIX, PERSONAS, entryKey, type Outcome, type Persona } from '@/lib/authz-matrix';
import { updateCaseBasics } from './case-update';
import { saveLocation } from './case-locations';
import { saveSuspect } from './case-suspects';
import { saveService, saveVictim } from './case-victims';
import { removeChild } from './case-remove';
import { moveCaseStatus } from './case-lifecycle';
import { archiveCase, restoreCase } from './case-archive';
import { recordArrest } from './case-arrests';
import { saveHearing, saveProsecution } from './case-prosecutions';
import {
  addTeamMember, removeTeamMember, setLead, shareWithAgency, shareWithLiaison, withdrawAgencyShare, withdrawLiaisonShare,
} from './case-team';
import { saveExpenditure, removeExpenditure } from './expenditures';
import { publishReport, saveReportDraft, startReport } from './annual-reports';
import { saveAgency, setAgencyActive } from './agencies';
import { moveReferenceValue, saveReferenceValue, setReferenceActive } from './reference-admin';
import { changeUserRole, setUserActive } from './users';
import { createUser, forcePasswordReset } from './user-invites';
import { findCaseByReference } from './case-find-reference';
import { createInvestigation } from './case-create';
import { changeOwnPassword, revokeOwnSession } from './account';
import { confirmTwoStepEnrolment, disableTwoStep, resetTwoStepOf, regenerateRecoveryCodes, startTwoStepEnrolment } from './two-step-account';
import { createOwnToken, revokeOwnToken } from './api-tokens';
import { caseInput } from '@/lib/validation/case-input';

/**
 * The server actions of lib/authz-matrix.ts at the data layer: each action's data-layer
 * function, called with each persona's Viewer, refuses or lets through as the matrix says,
 * and a refusal changes no row of any table (the audit log aside: a refusal is audited).
 *
 * - anonymous:   the data layer called with no viewer (the actions never get that far: validatedAction
 *                answers "unauthenticated" first), expected to refuse.
 * - deactivated: getViewer() returns null for a deactivated user, so at the action level they are
 *                anonymous (the matrix's 'login'). Here, one step lower, a Viewer built for a seeded
 *                investigator deactivated in this database is checked like any investigator outside the
 *                case: the data layer judges the Viewer it is given by role and scope, not by account state.
 * - allow:       "passes authorization": the call does not fail with ForbiddenError or NotFoundError.
 *                (Most calls here succeed outright; the effects of each write are asserted in the
 *                module tests, e.g. case-writes.test.ts, case-team.test.ts.)
 *
 * Not called here: setLocaleAction, loginAction, setPasswordAction and the two-step sign-in
 * actions (public: no viewer to check, the token, password or challenge cookie is the
 * credential, covered by their own tests: sign-in.test.ts, two-step.test.ts), signOutAction
 * (ends the caller's own session only) and setDigitsAction (writes the caller's own setting only).
 */

const testDb = useTestDatabase();
const ip = '198.51.100.77';
let demo: Awaited<ReturnType<typeof demoViewers>>;
let deactivated: Viewer;

type Row = { id: string; version: number };
const one = async <T,>(sql: string, params: unknown[] = []) => (await testDb.query<T>(sql, params))[0]!;

// ---- which tables a refusal must leave alone: every table but the audit trail and sign-in throttling ----
const NOT_SNAPSHOTTED = /^(audit|sign_in|login|throttle|rate)/;
let tables: string[] = [];
const snapshot = () => tableSnapshot(testDb, tables);

// ---- cases: one "in" case per action (member, shared with the liaison's agency), one "out" case ----
const takeCaseIn = casesInScope(testDb, () => ({ investigatorId: demo.investigator.userId, agencyId: demo.liaison.agencyId }), ['suspect', 'location', 'service']);
let caseOut = '';
let standingSession = '';
let standingToken = '';

type Ctx = {
  caseId: string; version: number; status: string; reportedOn: string; offenceType: string; archived: boolean;
  location?: Row; suspect?: Row; victim?: Row; service?: Row & { victimId: string; serviceType: string };
  prosecution?: Row & { suspectId: string };
};
async function ctxOf(caseId: string): Promise<Ctx> {
  const c = await one<{ version: number; status: string; reported_on: string; offence_type: string; archived: boolean }>(
    `select version, status, reported_on::text, offence_type, archived_at is not null as archived from investigations where id = $1`, [caseId]);
  const live = async <T,>(table: string, extra = '') =>
    (await testDb.query<T>(`select id, version${extra} from ${table} where investigation_id = $1 and archived_at is null order by created_at, id limit 1`, [caseId]))[0];
  const service = await live<Row & { victimId: string; serviceType: string }>('victim_services', ', victim_id as "victimId", service_type as "serviceType"');
  return {
    caseId, version: c.version, status: c.status, reportedOn: c.reported_on, offenceType: c.offence_type, archived: c.archived,
    location: await live<Row>('offence_locations'),
    suspect: await live<Row>('suspects'),
    victim: service ? await one<Row>(`select id, version from victims where id = $1`, [service.victimId]) : await live<Row>('victims'),
    service,
    prosecution: (await testDb.query<Row & { suspectId: string }>(
      `select p.id, p.version, p.suspect_id as "suspectId" from prosecutions p join suspects s on s.id = p.suspect_id
        where s.investigation_id = $1 order by p.id limit 1`, [caseId]).catch(() => []))[0],
  };
}

async function investigatorNotOn(caseId: string): Promise<string> {
  return (await one<{ id: string }>(
    `select u.id from users u join agencies a on a.id = u.agency_id
      where u.active and u.role = 'investigator' and a.kind = 'cpu'
        and not exists (select 1 from investigation_members m where m.investigation_id = $1 and m.user_id = u.id)
      order by u.name limit 1`, [caseId])).id;
}
async function otherLiaison(): Promise<string> {
  return (await one<{ id: string }>(`select id from users where active and role = 'liaison' and id <> $1 order by name limit 1`, [demo.liaison.userId])).id;
}

/** What one call needs: the viewer, and whether the persona's cell is an allow (some inputs set up state first). */
type Call = (viewer: Viewer | null, caseId: string, allowed: boolean) => Promise<unknown>;
const today = new Date().toISOString().slice(0, 10);

const CASE_ACTIONS: Record<string, Call> = {
  updateBasicsAction: async (viewer, caseId) => {
    const c = await ctxOf(caseId);
    return updateCaseBasics(viewer!, {
      caseId, version: c.version, title: 'Retitled by the matrix', summary: null, offenceType: c.offenceType as never,
      priority: 'urgent', reportedOn: c.reportedOn, offenceFrom: null, offenceTo: null,
    } as never, ip);
  },
  saveLocationAction: (viewer, caseId) =>
    saveLocation(viewer!, { caseId, provinceCode: '12', district: 'D', commune: null, placeType: 'home', occurredOn: null } as never, ip),
  saveSuspectAction: async (viewer, caseId) => {
    const c = await ctxOf(caseId);
    const s = await one<Record<string, unknown>>(`select * from suspects where id = $1`, [c.suspect!.id]);
    return saveSuspect(viewer!, {
      caseId, id: c.suspect!.id, version: c.suspect!.version, relationship: s.relationship, sex: s.sex, ageAtOffence: s.age_at_offence,
      nationality: s.nationality, fullName: 'Matrix Suspect', dateOfBirth: null, contact: null, notes: null, alias: null,
    } as never, ip);
  },
  saveVictimAction: (viewer, caseId) =>
    saveVictim(viewer!, { caseId, fullName: 'Matrix Child', dateOfBirth: null, contact: null, notes: null, sex: 'female', ageAtOffence: 9, nationality: null } as never, ip),
  saveServiceAction: async (viewer, caseId) => {
    const c = await ctxOf(caseId);
    return saveService(viewer!, { caseId, victimId: c.service!.victimId, serviceType: 'counselling', provider: 'Matrix provider', startedOn: '2023-02-01', endedOn: null } as never, ip);
  },
  removeChildAction: async (viewer, caseId) => {
    const c = await ctxOf(caseId);
    const kind = c.location ? 'location' : c.service ? 'service' : 'suspect';
    return removeChild(viewer!, { caseId, kind, id: c[kind]!.id, version: c[kind]!.version } as never, ip);
  },
  moveStatusAction: async (viewer, caseId) => {
    const c = await ctxOf(caseId);
    const input = c.status === 'closed'
      ? { caseId, version: c.version, move: 'reopen', reopenReason: 'new_evidence' }
      : { caseId, version: c.version, move: 'close', closeReason: 'victim_withdrew' };
    return moveCaseStatus(viewer!, input as never, ip);
  },
  recordArrestAction: async (viewer, caseId) => {
    const c = await ctxOf(caseId);
    return recordArrest(viewer!, {
      caseId, id: c.suspect!.id, version: c.suspect!.version, arrestedOn: today, arrestingAgencyId: AGENCY_IDS.ahtjpd, arrestPlace: 'Matrix',
    } as never, ip);
  },
  saveProsecutionAction: async (viewer, caseId) => {
    const c = await ctxOf(caseId);
    return saveProsecution(viewer!, {
      caseId, suspectId: c.suspect!.id, courtProvinceCode: '12', courtCaseNumber: null, chargeCodes: [], chargesOther: 'Matrix charge',
      status: 'filed', filedOn: today, verdictOn: null, sentenceYears: null, sentenceMonths: null, fineRiel: null, compensationRiel: null,
    } as never, ip);
  },
  saveHearingAction: async (viewer, caseId, allowed) => {
    let c = await ctxOf(caseId);
    if (allowed && !c.prosecution) {
      await CASE_ACTIONS.saveProsecutionAction!(demo.manager, caseId, true);
      c = await ctxOf(caseId);
    }
    return saveHearing(viewer!, {
      caseId, prosecutionId: c.prosecution?.id ?? '00000000-0000-4000-8000-000000000000', heldOn: today, kind: 'trial', outcomeNote: null,
    } as never, ip);
  },
  archiveCaseAction: async (viewer, caseId) => {
    const c = await ctxOf(caseId);
    return archiveCase(viewer!, { caseId, version: c.version, reason: 'Archived by the matrix' } as never, ip);
  },
  restoreCaseAction: async (viewer, caseId, allowed) => {
    let c = await ctxOf(caseId);
    if (allowed && !c.archived) {
      await archiveCase(demo.manager, { caseId, version: c.version, reason: 'Set up by the matrix' } as never, ip);
      c = await ctxOf(caseId);
    }
    return restoreCase(viewer!, { caseId, version: c.version } as never, ip);
  },
  setLeadAction: async (viewer, caseId) => {
    const c = await ctxOf(caseId);
    const lead = await one<{ id: string }>(`select user_id as id from investigation_members where investigation_id = $1 order by user_id limit 1`, [caseId]);
    return setLead(viewer!, { caseId, version: c.version, userId: lead.id } as never, ip);
  },
  addMemberAction: async (viewer, caseId) => addTeamMember(viewer!, { caseId, userId: await investigatorNotOn(caseId) } as never, ip),
  removeMemberAction: async (viewer, caseId, allowed) => {
    const who = await investigatorNotOn(caseId);
    if (allowed) await addTeamMember(demo.manager, { caseId, userId: who } as never, ip);
    return removeTeamMember(viewer!, { caseId, userId: who } as never, ip);
  },
  shareAgencyAction: (viewer, caseId) => shareWithAgency(viewer!, { caseId, agencyId: AGENCY_IDS.phnomPenhPolice } as never, ip),
  withdrawAgencyAction: async (viewer, caseId, allowed) => {
    if (allowed) await shareWithAgency(demo.manager, { caseId, agencyId: AGENCY_IDS.phnomPenhPolice } as never, ip).catch(() => undefined);
    return withdrawAgencyShare(viewer!, { caseId, agencyId: AGENCY_IDS.phnomPenhPolice } as never, ip);
  },
  shareLiaisonAction: async (viewer, caseId) => shareWithLiaison(viewer!, { caseId, userId: await otherLiaison() } as never, ip),
  withdrawLiaisonAction: async (viewer, caseId, allowed) => {
    const who = await otherLiaison();
    if (allowed) await shareWithLiaison(demo.manager, { caseId, userId: who } as never, ip).catch(() => undefined);
    return withdrawLiaisonShare(viewer!, { caseId, userId: who } as never, ip);
  },
};

const stamp = Date.now().toString(36);
let n = 0;
const OTHER_ACTIONS: Record<string, Call> = {
  // home
  'app/(app)/home/actions.ts#findCaseAction': async (viewer) =>
    findCaseByReference(viewer!, (await one<{ reference: string }>(`select reference from investigations order by reference limit 1`)).reference, ip),
  // new case
  'app/(app)/cases/new/actions.ts#createCaseAction': (viewer) =>
    createInvestigation(viewer!, caseInput.parse({
      title: 'Opened by the matrix', summary: 'Matrix', offenceType: 'indecent_assault', reportedOn: '2026-01-20', reportChannel: 'school',
      priority: 'high', agencyIds: [], offenceFrom: '', offenceTo: '',
      locations: [{ provinceCode: '12', district: 'Chamkar Mon', commune: '', placeType: 'school', occurredOn: '' }],
      suspects: [{ fullName: '', alias: '', sex: 'unknown', age: '', nationality: '', relationship: 'stranger', status: 'wanted', arrestedOn: '', arrestingAgencyId: '' }],
      victims: [{ fullName: 'Matrix Child', sex: 'female', ageAtOffence: '11', dateOfBirth: '', nationality: '', services: [] }],
    }), { submissionKey: randomUUID(), ip }),
  // account (one's own): a wrong current password and an unknown session id, so nothing is changed even when allowed
  'app/(app)/account/actions.ts#changePasswordAction': (viewer) => changeOwnPassword(viewer, 'not-the-password-at-all', 'a-new-long-passphrase-2026', ip),
  'app/(app)/account/actions.ts#revokeSessionAction': async (viewer, _c, allowed) => {
    // Allowed: a session of their own, made for it. Refused: an existing session (made before the snapshot).
    const target = allowed && viewer
      ? (await one<{ id: string }>(`insert into sessions (user_id, expires_at) values ($1, now() + interval '1 hour') returning id`, [viewer.userId])).id
      : standingSession;
    return revokeOwnSession(viewer, target, ip);
  },
  // two-step sign-in on one's own account: wrong codes and passwords, so nothing turns on or off even when allowed
  'app/(app)/account/two-step-actions.ts#startTwoStepAction': (viewer) => startTwoStepEnrolment(viewer, ip),
  'app/(app)/account/two-step-actions.ts#confirmTwoStepAction': (viewer) => confirmTwoStepEnrolment(viewer, 'not-the-password', '000000', ip),
  'app/(app)/account/two-step-actions.ts#regenerateRecoveryCodesAction': (viewer) => regenerateRecoveryCodes(viewer, 'not-a-code', ip),
  'app/(app)/account/two-step-actions.ts#disableTwoStepAction': (viewer) => disableTwoStep(viewer, 'not-the-password-at-all', '000000', ip),
  // API tokens (one's own): allowed creates one; revoking takes a token of their own made for it, refused an existing one
  'app/(app)/account/token-actions.ts#createTokenAction': (viewer) => createOwnToken(viewer, { name: 'Matrix token', expiresInDays: 30 }, ip),
  'app/(app)/account/token-actions.ts#revokeTokenAction': async (viewer, _c, allowed) => {
    const target = allowed && viewer ? (await createOwnToken(viewer, { name: 'Matrix token to revoke', expiresInDays: 30 }, ip)).id : standingToken;
    return revokeOwnToken(viewer, target, ip);
  },
  // expenditure
  'app/(app)/expenditure/actions.ts#saveExpenditureAction': (viewer) =>
    saveExpenditure(viewer!, { year: 1995, category: 'other', amountUsd: `${100 + n++}.00`, note: 'Matrix' } as never, ip),
  'app/(app)/expenditure/actions.ts#removeExpenditureAction': async (viewer, _c, allowed) => {
    if (allowed) await saveExpenditure(demo.manager, { year: 1996, category: 'other', amountUsd: '5.00', note: null } as never, ip);
    const row = await one<Row>(`select id, version from expenditures order by created_at desc, id limit 1`);
    return removeExpenditure(viewer!, { id: row.id, version: row.version } as never, ip);
  },
  // annual reports
  'app/(app)/reports/[year]/actions.ts#startReportAction': (viewer) => startReport(viewer!, { year: 2000 + n++ } as never, ip),
  'app/(app)/reports/[year]/actions.ts#saveReportDraftAction': async (viewer, _c, allowed) => {
    const year = 2030 + n++;
    if (allowed) await startReport(demo.manager, { year } as never, ip);
    const draft = (await testDb.query<Row>(`select id, version from annual_reports where status = 'draft' and year = $1`, [year]))[0];
    return saveReportDraft(viewer!, { year, id: draft?.id, version: draft?.version, summary: 'Matrix', achievements: '', challenges: '', partners: '' } as never, ip);
  },
  'app/(app)/reports/[year]/actions.ts#publishReportAction': async (viewer, _c, allowed) => {
    const year = 2060 + n++;
    if (allowed) await startReport(demo.manager, { year } as never, ip);
    const row = await testDb.query<Row>(`select id, version from annual_reports where status = 'draft' and year = $1`, [year]);
    return publishReport(viewer!, { id: row[0]?.id ?? '00000000-0000-4000-8000-000000000000', version: row[0]?.version ?? 1 } as never, ip);
  },
  // people
  'app/(app)/admin/users/actions.ts#userAction': async (viewer) => setUserActive(viewer, await investigatorNotOn(caseOut), true, ip),
  'app/(app)/admin/users/actions.ts#createUserAction': (viewer) =>
    createUser(viewer!, { name: 'Matrix Person', email: `matrix.${stamp}.${n++}@cpu.local`, role: 'investigator', agencyId: AGENCY_IDS.cpu, locale: 'en' } as never, ip),
  'app/(app)/admin/users/actions.ts#changeRoleAction': async (viewer) => changeUserRole(viewer!, await investigatorNotOn(caseOut), 'investigator', ip),
  'app/(app)/admin/users/actions.ts#forceResetAction': async (viewer) => forcePasswordReset(viewer!, await investigatorNotOn(caseOut), ip),
  // Refused: the demo manager's two-step (turned on) must stay. Allowed: someone with it off, so nothing to reset (a conflict, not a refusal).
  'app/(app)/admin/users/actions.ts#resetTwoStepAction': async (viewer, _c, allowed) =>
    resetTwoStepOf(viewer, allowed ? await investigatorNotOn(caseOut) : demo.manager.userId, ip),
  // agencies
  'app/(app)/admin/agencies/actions.ts#saveAgencyAction': (viewer) =>
    saveAgency(viewer!, { name: `Matrix agency ${stamp} ${n++}`, nameKm: null, kind: 'ngo' } as never, ip),
  'app/(app)/admin/agencies/actions.ts#setAgencyActiveAction': async (viewer) => {
    const a = await one<Row>(`select id, version from agencies where id = $1`, [AGENCY_IDS.shelter]);
    return setAgencyActive(viewer!, { id: a.id, version: a.version, active: true } as never, ip);
  },
  // reference lists
  'app/(app)/admin/reference/actions.ts#saveReferenceAction': (viewer) =>
    saveReferenceValue(viewer!, { list: 'service_types', isNew: true, code: `matrix_${stamp}_${n++}`, labelEn: 'Matrix', labelKm: 'Matrix' } as never, ip),
  'app/(app)/admin/reference/actions.ts#setReferenceActiveAction': (viewer) =>
    setReferenceActive(viewer!, { list: 'service_types', code: 'counselling', active: true } as never, ip),
  'app/(app)/admin/reference/actions.ts#moveReferenceAction': (viewer) =>
    moveReferenceValue(viewer!, { list: 'service_types', code: 'counselling', direction: 'down' } as never, ip),
};

const CASE_FILE = 'app/(app)/cases/[id]/actions.ts';
function callFor(key: string): Call | undefined {
  if (key.startsWith(`${CASE_FILE}#`)) return CASE_ACTIONS[key.slice(CASE_FILE.length + 1)];
  return OTHER_ACTIONS[key];
}

function viewerOf(persona: Persona): Viewer | null {
  switch (persona) {
    case 'anonymous': return null;
    case 'investigatorMember': case 'investigatorNotMember': return demo.investigator;
    case 'manager': return demo.manager;
    case 'liaisonShared': case 'liaisonNotShared': return demo.liaison;
    case 'admin': return demo.admin;
    case 'deactivated': return deactivated;
  }
}
const OUTSIDE: ReadonlySet<Persona> = new Set(['investigatorNotMember', 'liaisonNotShared', 'deactivated']);

/** What the data layer should do for a cell. Deactivated: as an investigator outside the case (see above). */
function dataLayerExpectation(expectations: Record<Persona, Outcome>, persona: Persona): Outcome {
  if (persona === 'deactivated') return expectations.investigatorNotMember;
  return expectations[persona];
}

beforeAll(async () => {
  demo = await demoViewers(testDb);
  tables = (await testDb.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`))
    .map((r) => r.t).filter((t) => !NOT_SNAPSHOTTED.test(t) && !t.startsWith('__drizzle'));
  caseOut = (await one<{ id: string }>(
    `select i.id from investigations i
      where i.archived_at is null and i.status <> 'closed'
        and not exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1)
        and not exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $2)
        and not exists (select 1 from investigation_members l where l.investigation_id = i.id and l.user_id = $3)
        and exists (select 1 from suspects s where s.investigation_id = i.id and s.archived_at is null)
        and exists (select 1 from victim_services vs where vs.investigation_id = i.id and vs.archived_at is null)
      order by i.reference limit 1`,
    [demo.investigator.userId, demo.liaison.agencyId, demo.liaison.userId])).id;
  standingSession = (await one<{ id: string }>(
    `insert into sessions (user_id, expires_at) values ($1, now() + interval '1 hour') returning id`, [demo.investigator.userId])).id;
  standingToken = (await one<{ id: string }>(
    `insert into api_tokens (user_id, name, token_hash, prefix, expires_at) values ($1, 'Standing', md5(random()::text), 'cpu_xx', now() + interval '1 day') returning id`,
    [demo.investigator.userId])).id;
  // A seeded investigator, on no team of caseOut, deactivated here.
  const who = await one<{ email: string; id: string }>(
    `select u.email, u.id from users u where u.role = 'investigator' and u.id <> $1
        and not exists (select 1 from investigation_members m where m.investigation_id = $2 and m.user_id = u.id)
      order by u.email limit 1`, [demo.investigator.userId, caseOut]);
  await testDb.query(`update users set active = false where id = $1`, [who.id]);
  deactivated = await viewerFor(testDb, who.email);
});

const actionEntries = MATRIX.filter((e) => e.kind === 'action');
const covered = actionEntries.filter((e) => callFor(entryKey(e)));

describe('authorization matrix: server actions at the data layer', () => {
  it('covers every action of the case, admin, expenditure, reports and home modules', () => {
    const mustCover = actionEntries.filter((e) => /\/(cases\/\[id\]|admin\/[^/]+|expenditure|reports\/\[year\]|home)\/actions\.ts$/.test(e.file));
    expect(mustCover.filter((e) => !callFor(entryKey(e))).map(entryKey)).toEqual([]);
  });

  it('the snapshot sees a change (so "unchanged" after a refusal means something)', async () => {
    const before = await snapshot();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['investigations', 'victims', 'users', 'agencies', 'expenditures']));
    await CASE_ACTIONS.saveVictimAction!(demo.manager, caseOut, true);
    const after = await snapshot();
    expect(Object.keys(before).filter((t) => before[t] !== after[t])).toContain('victims');
  }, 120_000);

  for (const entry of covered) {
    const key = entryKey(entry);
    it(key.replace(/^app\//, ''), async () => {
      const call = callFor(key)!;
      const caseIn = entry.caseSpecific ? await takeCaseIn() : '';
      // Refusals first, then the allowed personas, the manager last (a manager's change could
      // take the case out of another persona's scope).
      const order = [...PERSONAS].sort((a, b) => {
        const rank = (p: Persona) => (dataLayerExpectation(entry.expect, p) === 'allow' ? (p === 'manager' ? 2 : 1) : 0);
        return rank(a) - rank(b);
      });
      const problems: string[] = [];
      for (const persona of order) {
        const expected = dataLayerExpectation(entry.expect, persona);
        const caseId = OUTSIDE.has(persona) ? caseOut : caseIn;
        const viewer = viewerOf(persona);
        if (expected === 'allow') {
          const err = await call(viewer, caseId, true).then(() => null, (e: unknown) => e);
          if (err instanceof ForbiddenError || err instanceof NotFoundError) problems.push(`${persona}: expected allow, got ${(err as Error).name}`);
          continue;
        }
        const before = await snapshot();
        const err = await call(viewer, caseId, false).then(() => null, (e: unknown) => e);
        const after = await snapshot();
        const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
        if (changed.length) problems.push(`${persona}: a refusal changed ${changed.join(', ')}`);
        if (err === null) problems.push(`${persona}: expected ${expected}, but the call succeeded`);
        else if (expected === 'forbidden' && !(err instanceof ForbiddenError)) problems.push(`${persona}: expected ForbiddenError, got ${(err as Error).name}: ${(err as Error).message}`);
        else if (expected === 'notFound' && !(err instanceof NotFoundError)) problems.push(`${persona}: expected NotFoundError, got ${(err as Error).name}: ${(err as Error).message}`);
        else if (expected === 'login' && !(err instanceof ForbiddenError)) problems.push(`${persona}: expected a refusal with no viewer, got ${(err as Error).name}`);
      }
      expect(problems).toEqual([]);
    }, 120_000); // up to 8 calls and 12 whole-database snapshots
  }
});
