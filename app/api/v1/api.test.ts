import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { plainRows } from '@/db/testing/identity';
import { casesInScope, changedTables, tableSnapshot } from '@/db/testing/scope-cases';
import { demoViewers, viewerFor } from '@/db/testing/viewers';
import { AGENCY_IDS } from '@/db/seed/organisation';
import { MATRIX, PERSONAS, entryKey, type MatrixEntry, type Outcome, type Persona } from '@/lib/authz-matrix';
import type { Viewer } from '@/lib/policy';
import { createOwnToken, revokeOwnToken } from '@/db/queries/api-tokens';
import { saveProsecution } from '@/db/queries/case-prosecutions';
import { callApi, type ApiRequest } from './api-client.testing';

/**
 * The REST API through its real route handlers (a real Request in, a Response out) against
 * PostgreSQL: every endpoint with each persona's token as lib/authz-matrix.ts says, refusals
 * changing no case data, and the rules of the issue: scope, a liaison's field limits,
 * If-Match, revoked and expired tokens, the rate limit, problem details for bad input.
 */

const testDb = useTestDatabase();
const one = async <T,>(sql: string, params: unknown[] = []) => (await testDb.query<T>(sql, params))[0]!;
const today = new Date().toISOString().slice(0, 10);

let demo: Awaited<ReturnType<typeof demoViewers>>;
const tokens = {} as Record<Persona, string | null>;
const tokenIds = {} as Record<'investigator' | 'manager' | 'liaison' | 'admin', string>;
let caseOut = '';

// ---- case data a refusal must leave alone (the audit trail, tokens and the rate counter aside) ----
const CASE_TABLES = ['investigations', 'investigation_members', 'investigation_agencies', 'offence_locations', 'suspects', 'victims',
  'victim_services', 'prosecutions', 'prosecution_charges', 'hearings', 'case_events'];
const snapshot = () => tableSnapshot(testDb, CASE_TABLES);
const takeCaseIn = casesInScope(testDb, () => ({ investigatorId: demo.investigator.userId, agencyId: demo.liaison.agencyId }), ['suspect', 'namedVictim']);

const live = (table: string, caseId: string) =>
  one<{ id: string; version: number }>(`select id, version from ${table} where investigation_id = $1 and archived_at is null order by created_at, id limit 1`, [caseId]);
const caseVersion = async (caseId: string) => (await one<{ version: number }>(`select version from investigations where id = $1`, [caseId])).version;

async function ensureProsecution(caseId: string) {
  const found = await testDb.query<{ id: string; version: number }>(`select id, version from prosecutions where investigation_id = $1 and archived_at is null order by id limit 1`, [caseId]);
  if (found[0]) return found[0];
  const s = await live('suspects', caseId);
  await saveProsecution(demo.manager, {
    caseId, suspectId: s.id, courtProvinceCode: '12', courtCaseNumber: null, chargeCodes: [], chargesOther: 'Set up by the API test',
    status: 'charged', filedOn: today, verdictOn: null, sentenceYears: null, sentenceMonths: null, fineRiel: null, compensationRiel: null,
  } as never, null);
  return live('prosecutions', caseId);
}

const newCaseBody = () => ({
  title: 'Opened through the API', summary: 'API', offenceType: 'indecent_assault', reportedOn: '2026-01-20', reportChannel: 'school',
  priority: 'high', agencyIds: [], offenceFrom: null, offenceTo: null,
  locations: [{ provinceCode: '12', district: 'Chamkar Mon', commune: null, placeType: 'school', occurredOn: null }],
  suspects: [{ fullName: null, alias: null, sex: 'unknown', age: null, nationality: null, relationship: 'stranger', status: 'wanted', arrestedOn: null, arrestingAgencyId: null }],
  victims: [{ fullName: 'API Child', sex: 'female', ageAtOffence: 11, dateOfBirth: null, nationality: null, services: [] }],
});
const suspectBody = { fullName: 'API Suspect', alias: null, sex: 'male', age: 40, nationality: null, relationship: 'neighbour', status: 'identified', arrestedOn: null, arrestingAgencyId: null, arrestPlace: null };
const victimBody = { fullName: 'API Victim', dateOfBirth: null, contact: null, notes: null, sex: 'female', ageAtOffence: 9, nationality: null };
const prosecutionBody = (suspectId: string) => ({
  suspectId, courtProvinceCode: '12', courtCaseNumber: null, chargeCodes: [], chargesOther: 'API charge', status: 'charged', filedOn: today,
  verdictOn: null, sentenceYears: null, sentenceMonths: null, fineRiel: null, compensationRiel: null,
});

type Built = { method: string; url: string } & ApiRequest;
/** One request per API method of the matrix, for a case (in or out of the persona's scope). */
const REQUESTS: Record<string, (caseId: string, allowed: boolean) => Promise<Built>> = {
  'investigations/route.ts#GET': async () => ({ method: 'GET', url: '/api/v1/investigations' }),
  'investigations/route.ts#POST': async () => ({ method: 'POST', url: '/api/v1/investigations', body: newCaseBody() }),
  'investigations/[id]/route.ts#GET': async (c) => ({ method: 'GET', url: `/api/v1/investigations/${c}` }),
  'investigations/[id]/route.ts#PATCH': async (c) => ({ method: 'PATCH', url: `/api/v1/investigations/${c}`, body: { priority: 'urgent' }, ifMatch: await caseVersion(c) }),
  'investigations/[id]/suspects/route.ts#GET': async (c) => ({ method: 'GET', url: `/api/v1/investigations/${c}/suspects` }),
  'investigations/[id]/suspects/route.ts#POST': async (c) => ({ method: 'POST', url: `/api/v1/investigations/${c}/suspects`, body: suspectBody }),
  'investigations/[id]/suspects/[suspectId]/route.ts#PUT': async (c) => {
    const s = await live('suspects', c);
    return { method: 'PUT', url: `/api/v1/investigations/${c}/suspects/${s.id}`, body: suspectBody, ifMatch: s.version };
  },
  'investigations/[id]/suspects/[suspectId]/arrest/route.ts#PUT': async (c) => {
    const s = await live('suspects', c);
    return { method: 'PUT', url: `/api/v1/investigations/${c}/suspects/${s.id}/arrest`, body: { arrestedOn: today, arrestingAgencyId: AGENCY_IDS.ahtjpd, arrestPlace: 'API' }, ifMatch: s.version };
  },
  'investigations/[id]/arrests/route.ts#GET': async (c) => ({ method: 'GET', url: `/api/v1/investigations/${c}/arrests` }),
  'investigations/[id]/victims/route.ts#GET': async (c) => ({ method: 'GET', url: `/api/v1/investigations/${c}/victims` }),
  'investigations/[id]/victims/route.ts#POST': async (c) => ({ method: 'POST', url: `/api/v1/investigations/${c}/victims`, body: victimBody }),
  'investigations/[id]/victims/[victimId]/route.ts#PUT': async (c) => {
    const v = await live('victims', c);
    return { method: 'PUT', url: `/api/v1/investigations/${c}/victims/${v.id}`, body: victimBody, ifMatch: v.version };
  },
  'investigations/[id]/prosecutions/route.ts#GET': async (c) => ({ method: 'GET', url: `/api/v1/investigations/${c}/prosecutions` }),
  'investigations/[id]/prosecutions/route.ts#POST': async (c) => ({ method: 'POST', url: `/api/v1/investigations/${c}/prosecutions`, body: prosecutionBody((await live('suspects', c)).id) }),
  'investigations/[id]/prosecutions/[prosecutionId]/route.ts#PUT': async (c) => {
    const p = await ensureProsecution(c);
    const suspectId = (await one<{ suspect_id: string }>(`select suspect_id from prosecutions where id = $1`, [p.id])).suspect_id;
    return { method: 'PUT', url: `/api/v1/investigations/${c}/prosecutions/${p.id}`, body: { ...prosecutionBody(suspectId), chargesOther: 'API charge, changed' }, ifMatch: p.version };
  },
  'figures/[year]/route.ts#GET': async () => ({ method: 'GET', url: '/api/v1/figures/2021' }),
  'openapi.json/route.ts#GET': async () => ({ method: 'GET', url: '/api/v1/openapi.json' }),
};

const OUTCOME_OF: Record<number, Outcome> = { 200: 'allow', 201: 'allow', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound' };
const OUTSIDE = new Set<Persona>(['investigatorNotMember', 'liaisonNotShared']);

async function tokenFor(viewer: Viewer, name: string): Promise<{ id: string; token: string }> {
  const made = await createOwnToken(viewer, { name, expiresInDays: 30 }, null);
  return { id: made.id, token: made.token };
}

beforeAll(async () => {
  demo = await demoViewers(testDb);
  for (const role of ['investigator', 'manager', 'liaison', 'admin'] as const) {
    const made = await tokenFor(demo[role], `API test ${role}`);
    tokenIds[role] = made.id;
  }
  const tokenOf = async (role: keyof typeof tokenIds) => (await tokenFor(demo[role], `API test ${role} (matrix)`)).token;
  const inv = await tokenOf('investigator');
  const lia = await tokenOf('liaison');
  Object.assign(tokens, {
    anonymous: null, investigatorMember: inv, investigatorNotMember: inv, manager: await tokenOf('manager'),
    liaisonShared: lia, liaisonNotShared: lia, admin: await tokenOf('admin'),
  });
  // A seeded investigator with a token, then deactivated: the token must stop at once.
  const who = await one<{ email: string; id: string }>(`select email, id from users where role = 'investigator' and active and id <> $1 order by email limit 1`, [demo.investigator.userId]);
  tokens.deactivated = (await tokenFor(await viewerFor(testDb, who.email), 'Soon deactivated')).token;
  await testDb.query(`update users set active = false where id = $1`, [who.id]);

  caseOut = (await one<{ id: string }>(
    `select i.id from investigations i
      where i.archived_at is null and i.status <> 'closed'
        and not exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id in ($1, $3))
        and not exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $2)
        and exists (select 1 from suspects s where s.investigation_id = i.id and s.archived_at is null)
        and exists (select 1 from victims v where v.investigation_id = i.id and v.archived_at is null)
      order by i.reference limit 1`,
    [demo.investigator.userId, demo.liaison.agencyId, demo.liaison.userId])).id;
  await ensureProsecution(caseOut);
});

afterEach(() => {
  delete process.env.API_RATE_LIMIT;
});

const apiEntries = MATRIX.filter((e) => e.kind === 'api');
const shortKey = (e: MatrixEntry) => entryKey(e).replace(/^app\/api\/v1\//, '');

describe('REST API: every endpoint with each persona\'s token, as lib/authz-matrix.ts says', () => {
  it('has a request for every API entry of the matrix', () => {
    expect(apiEntries.length).toBeGreaterThanOrEqual(17);
    expect(apiEntries.map(shortKey).filter((k) => !REQUESTS[k])).toEqual([]);
  });

  for (const entry of apiEntries) {
    const key = shortKey(entry);
    it(key, async () => {
      const caseIn = entry.caseSpecific ? await takeCaseIn() : '';
      // Refusals first, then the allowed personas, the manager last.
      const order = [...PERSONAS].sort((a, b) => {
        const rank = (p: Persona) => (entry.expect[p] === 'allow' ? (p === 'manager' ? 2 : 1) : 0);
        return rank(a) - rank(b);
      });
      const problems: string[] = [];
      for (const persona of order) {
        const expected = entry.expect[persona];
        const caseId = OUTSIDE.has(persona) ? caseOut : caseIn || caseOut;
        const built = await REQUESTS[key]!(caseId, expected === 'allow');
        const before = expected === 'allow' ? null : await snapshot();
        const answer = await callApi(built.method, built.url, { ...built, token: tokens[persona] });
        const got = OUTCOME_OF[answer.status] ?? `status ${answer.status}`;
        if (got !== expected) problems.push(`${persona}: expected ${expected}, got ${got} ${answer.text.slice(0, 200)}`);
        if (answer.status >= 400) {
          expect(answer.headers.get('content-type'), `${persona} ${key}`).toBe('application/problem+json');
          expect(answer.json).toMatchObject({ status: answer.status, type: expect.any(String), title: expect.any(String) });
        }
        if (before) {
          const changed = changedTables(before, await snapshot());
          if (changed.length) problems.push(`${persona}: a refusal changed ${changed.join(', ')}`);
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});

describe('REST API: the rules of the issue', () => {
  it('[liaison] an unshared case is 404, exactly like one that does not exist', async () => {
    const out = await callApi('GET', `/api/v1/investigations/${caseOut}`, { token: tokens.liaisonShared });
    const missing = await callApi('GET', '/api/v1/investigations/00000000-0000-4000-8000-000000000000', { token: tokens.liaisonShared });
    const malformed = await callApi('GET', '/api/v1/investigations/not-a-uuid', { token: tokens.liaisonShared });
    expect([out.status, missing.status, malformed.status]).toEqual([404, 404, 404]);
    expect(out.json).toEqual(missing.json);
    expect(out.text).not.toContain(caseOut);
  });

  it('[liaison] never gets a victim\'s name, date of birth, contact or notes, on any read of a shared case', async () => {
    const caseId = await takeCaseIn();
    // Stored encrypted: the plain values (the ones a leak would show) come through the key.
    const rows = await plainRows<Record<'full_name' | 'date_of_birth' | 'contact' | 'notes', string | null>>(
      testDb, 'victims', `select id, full_name, date_of_birth, contact, notes from victims where investigation_id = $1`, [caseId]);
    const values = rows.flatMap((r) => [r.full_name, r.date_of_birth, r.contact, r.notes]).filter((v): v is string => Boolean(v) && v!.length > 3);
    expect(values.length).toBeGreaterThan(0);
    for (const path of ['', '/victims', '/suspects', '/arrests', '/prosecutions']) {
      const answer = await callApi('GET', `/api/v1/investigations/${caseId}${path}`, { token: tokens.liaisonShared });
      expect(answer.status, path).toBe(200);
      for (const v of values) expect(answer.text, `${path} leaks a victim's identity`).not.toContain(v);
    }
    const victims = await callApi('GET', `/api/v1/investigations/${caseId}/victims`, { token: tokens.liaisonShared });
    expect(victims.json).toMatchObject({ identityShown: false, victims: [] });
    expect((victims.json.victimCounts as unknown[]).length).toBeGreaterThan(0);
    // The same case read by its investigator does carry the names (so the check above can fail).
    const own = await callApi('GET', `/api/v1/investigations/${caseId}/victims`, { token: tokens.investigatorMember });
    expect(values.some((v) => own.text.includes(v))).toBe(true);
  });

  it('a stale If-Match gets 412 and changes nothing; a missing one 428; the current one saves', async () => {
    const caseId = await takeCaseIn();
    const read = await callApi('GET', `/api/v1/investigations/${caseId}`, { token: tokens.investigatorMember });
    const version = Number(JSON.parse(read.headers.get('etag')!));
    expect(version).toBe(read.json.version);
    // Someone else changes the case first.
    const first = await callApi('PATCH', `/api/v1/investigations/${caseId}`, { token: tokens.manager, ifMatch: version, body: { title: 'Changed by the manager' } });
    expect(first.status).toBe(200);
    const before = await snapshot();
    const stale = await callApi('PATCH', `/api/v1/investigations/${caseId}`, { token: tokens.investigatorMember, ifMatch: version, body: { title: 'Lost update' } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toBe('application/problem+json');
    expect(stale.headers.get('etag')).toBe(`"${version + 1}"`);
    const missing = await callApi('PATCH', `/api/v1/investigations/${caseId}`, { token: tokens.investigatorMember, body: { title: 'No version' } });
    expect(missing.status).toBe(428);
    expect(changedTables(before, await snapshot())).toEqual([]);
    expect((await one<{ title: string }>(`select title from investigations where id = $1`, [caseId])).title).toBe('Changed by the manager');
    // A stale child version too.
    const s = await live('suspects', caseId);
    const staleChild = await callApi('PUT', `/api/v1/investigations/${caseId}/suspects/${s.id}`, { token: tokens.investigatorMember, ifMatch: s.version + 5, body: suspectBody });
    expect(staleChild.status).toBe(412);
    expect(changedTables(before, await snapshot())).toEqual([]);
    // With the current version the partial update keeps the other fields.
    const ok = await callApi('PATCH', `/api/v1/investigations/${caseId}`, { token: tokens.investigatorMember, ifMatch: first.headers.get('etag')!, body: { priority: 'low' } });
    expect(ok.status).toBe(200);
    const row = await one<{ title: string; priority: string; version: number }>(`select title, priority, version from investigations where id = $1`, [caseId]);
    expect(row).toEqual({ title: 'Changed by the manager', priority: 'low', version: version + 2 });
  });

  it('a revoked token gets 401 on its next call; so does an expired one and a deactivated owner\'s', async () => {
    const made = await tokenFor(demo.investigator, 'To revoke');
    expect((await callApi('GET', '/api/v1/investigations', { token: made.token })).status).toBe(200);
    await revokeOwnToken(demo.investigator, made.id, null);
    const after = await callApi('GET', '/api/v1/investigations', { token: made.token });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('Bearer');

    const expiring = await tokenFor(demo.investigator, 'To expire');
    await testDb.query(`update api_tokens set expires_at = now() - interval '1 second' where id = $1`, [expiring.id]);
    expect((await callApi('GET', '/api/v1/investigations', { token: expiring.token })).status).toBe(401);

    expect((await callApi('GET', '/api/v1/investigations', { token: tokens.deactivated })).status).toBe(401);
    // An unknown token of the right shape, a malformed one, and none.
    expect((await callApi('GET', '/api/v1/investigations', { token: `cpu_${'A'.repeat(43)}` })).status).toBe(401);
    expect((await callApi('GET', '/api/v1/investigations', { headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status).toBe(401);
  });

  it('a role change acts on the token\'s very next call', async () => {
    const who = await one<{ email: string; id: string }>(`select email, id from users where role = 'investigator' and active and id <> $1 order by email desc limit 1`, [demo.investigator.userId]);
    const made = await tokenFor(await viewerFor(testDb, who.email), 'Role change');
    expect((await callApi('GET', '/api/v1/figures/2021', { token: made.token })).status).toBe(200);
    await testDb.query(`update users set role = 'liaison' where id = $1`, [who.id]);
    expect((await callApi('GET', '/api/v1/figures/2021', { token: made.token })).status).toBe(403);
  });

  it('a session cookie alone is not accepted (no CSRF surface)', async () => {
    const answer = await callApi('GET', '/api/v1/investigations', { headers: { cookie: 'authjs.session-token=anything' } });
    expect(answer.status).toBe(401);
  });

  it('answers 429 with Retry-After past the per-token limit, counted in the database', async () => {
    process.env.API_RATE_LIMIT = '3';
    const made = await tokenFor(demo.manager, 'Rate limited');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await callApi('GET', '/api/v1/figures/2021', { token: made.token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await callApi('GET', '/api/v1/figures/2021', { token: made.token });
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.json).toMatchObject({ status: 429, type: expect.stringContaining('rate-limited') });
    // Another token is counted apart; a new window (moved back in time here) starts again.
    const other = await tokenFor(demo.manager, 'Counted apart');
    expect((await callApi('GET', '/api/v1/figures/2021', { token: other.token })).status).toBe(200);
    await testDb.query(`update api_rate_limits set window_start = now() - interval '61 seconds' where token_id = $1`, [made.id]);
    expect((await callApi('GET', '/api/v1/figures/2021', { token: made.token })).status).toBe(200);
  });

  it('422 lists the field errors of the form\'s schema; nothing is written', async () => {
    const caseId = await takeCaseIn();
    const before = await snapshot();
    const answer = await callApi('POST', `/api/v1/investigations/${caseId}/suspects`, { token: tokens.investigatorMember, body: { sex: 'x', age: 'forty', status: 'arrested' } });
    expect(answer.status).toBe(422);
    const fields = (answer.json.errors as { field: string; code: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['sex', 'age', 'relationship']));
    expect((answer.json.errors as { message: string }[]).every((e) => e.message.length > 0)).toBe(true);
    const created = await callApi('POST', '/api/v1/investigations', { token: tokens.manager, body: { ...newCaseBody(), victims: [], title: '' } });
    expect(created.status).toBe(422);
    expect((created.json.errors as { field: string }[]).map((e) => e.field)).toEqual(expect.arrayContaining(['title', 'victims']));
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it('never a 500 on bad input: malformed JSON, wrong types, the wrong media type, a huge body, NUL bytes', async () => {
    const caseId = await takeCaseIn();
    const s = await live('suspects', caseId);
    const url = `/api/v1/investigations/${caseId}/suspects/${s.id}`;
    const before = await snapshot();
    const token = tokens.investigatorMember;
    const answers = {
      malformed: await callApi('PUT', url, { token, ifMatch: s.version, rawBody: '{"sex": "male",' }),
      array: await callApi('PUT', url, { token, ifMatch: s.version, body: [1, 2, 3] }),
      nullBody: await callApi('PUT', url, { token, ifMatch: s.version, rawBody: 'null' }),
      wrongTypes: await callApi('PUT', url, { token, ifMatch: s.version, body: { ...suspectBody, sex: 7, age: { a: 1 }, relationship: ['x'] } }),
      text: await callApi('PUT', url, { token, ifMatch: s.version, rawBody: 'sex=male', headers: { 'content-type': 'text/plain' } }),
      huge: await callApi('PUT', url, { token, ifMatch: s.version, body: { ...suspectBody, fullName: 'x'.repeat(600_000) } }),
      nul: await callApi('PUT', url, { token, ifMatch: s.version, body: { ...suspectBody, fullName: 'a\u0000b' } }),
      badIfMatch: await callApi('PUT', url, { token, ifMatch: 'W/"abc"', body: suspectBody }),
      badQuery: await callApi('GET', '/api/v1/figures/2021?province=Phnom%20Penh', { token: tokens.manager }),
      badYear: await callApi('GET', '/api/v1/figures/nineteen', { token: tokens.manager }),
    };
    const statuses = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.status]));
    expect(statuses).toEqual({ malformed: 400, array: 422, nullBody: 422, wrongTypes: 422, text: 415, huge: 413, nul: 422, badIfMatch: 412, badQuery: 422, badYear: 404 });
    for (const a of Object.values(answers)) expect(a.headers.get('content-type')).toBe('application/problem+json');
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it('lists with the UI\'s filters and cursor pagination', async () => {
    const first = await callApi('GET', '/api/v1/investigations?year=2021&sort=reference', { token: tokens.manager });
    expect(first.status).toBe(200);
    expect(first.json.total).toBe(313);
    const items = first.json.items as { id: string; reference: string }[];
    expect(items).toHaveLength(25);
    expect(items.every((i) => i.reference.startsWith('CPU-2021-'))).toBe(true);
    const second = await callApi('GET', `/api/v1/investigations?year=2021&sort=reference&after=${first.json.nextCursor}`, { token: tokens.manager });
    const next = second.json.items as { id: string; reference: string }[];
    expect(next).toHaveLength(25);
    expect(next[0]!.reference > items.at(-1)!.reference).toBe(true);
    expect(next.filter((n) => items.some((i) => i.id === n.id))).toEqual([]);
    // An investigator sees only their own cases; the filters narrow the same way as the UI's.
    const own = await callApi('GET', '/api/v1/investigations?year=2021', { token: tokens.investigatorMember });
    const expected = await one<{ n: number }>(
      `select count(*)::int as n from investigations i where i.archived_at is null and i.opened_on between '2021-01-01' and '2021-12-31'
        and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1)`, [demo.investigator.userId]);
    expect(own.json.total).toBe(expected.n);
  });

  it('creates a case (201, Location), replays an Idempotency-Key without a second case, and audits the token', async () => {
    const key = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
    const made = await callApi('POST', '/api/v1/investigations', { token: tokens.manager, body: newCaseBody(), headers: { 'idempotency-key': key } });
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe(`/api/v1/investigations/${made.json.id}`);
    const again = await callApi('POST', '/api/v1/investigations', { token: tokens.manager, body: newCaseBody(), headers: { 'idempotency-key': key } });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(made.json.id);
    const audit = await testDb.query<{ action: string }>(
      `select action from audit_events where investigation_id = $1 and api_token_id is not null and actor_id = $2`, [made.json.id, demo.manager.userId]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.case_opened']));
  });

  it('audits each API read with the token id, like the UI audits the same read', async () => {
    const caseId = await takeCaseIn();
    await callApi('GET', `/api/v1/investigations/${caseId}`, { token: tokens.investigatorMember });
    await callApi('GET', `/api/v1/investigations/${caseOut}`, { token: tokens.investigatorMember });
    const rows = await testDb.query<{ entity_id: string; outcome: string; api_token_id: string | null }>(
      `select entity_id, outcome, api_token_id from audit_events where action = 'case.view' and actor_id = $1 and entity_id in ($2, $3) order by id`,
      [demo.investigator.userId, caseId, caseOut]);
    const tokenId = (await one<{ id: string }>(`select id from api_tokens where name = 'API test investigator (matrix)'`)).id;
    expect(rows).toEqual(expect.arrayContaining([
      { entity_id: caseId, outcome: 'allowed', api_token_id: tokenId },
      { entity_id: caseOut, outcome: 'denied', api_token_id: tokenId },
    ]));
    // Victim identities read through the API are audited one by one, as on the case page.
    const identity = await one<{ n: number }>(`select count(*)::int as n from audit_events where action = 'victim.view_identity' and investigation_id = $1 and api_token_id = $2`, [caseId, tokenId]);
    expect(identity.n).toBeGreaterThan(0);
  });

  it('gives the yearly figures with the dashboard\'s filters', async () => {
    const all = await callApi('GET', '/api/v1/figures/2021', { token: tokens.manager });
    expect(all.status).toBe(200);
    expect((all.json.headlines as Record<string, number>).investigations).toBe(313);
    expect((all.json.headlines as Record<string, number>).suspectsArrested).toBe(268);
    const pp = await callApi('GET', '/api/v1/figures/2021?province=12', { token: tokens.manager });
    expect(pp.status).toBe(200);
    expect((pp.json.headlines as Record<string, number>).investigations).toBeLessThan(313);
    expect((pp.json.filters as Record<string, unknown>).province).toBe('12');
  });
});
