import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { caseInput } from '@/lib/validation/case-input';
import { FIELD_KEYS_VARIABLE, newKeyEntry, parseKeyRing } from '@/lib/security/field-crypto';
import { createInvestigation } from './queries/case-create';
import { getCase } from './queries/case-read';
import { listCases } from './queries/case-list';
import { getDb } from './client';
import { sealIdentityColumns } from './identity-sealing';
import { readTotpState } from './totp-secrets';
import { DEMO_TOTP_SECRETS } from './seed/organisation';

const testDb = useTestDatabase();
let v: Record<'investigator' | 'liaison' | 'manager' | 'admin', Viewer>;
let agencyId: string;
const startKeys = process.env[FIELD_KEYS_VARIABLE]!;

beforeAll(async () => {
  v = await demoViewers(testDb);
  agencyId = v.liaison.agencyId!;
});
afterEach(() => {
  process.env[FIELD_KEYS_VARIABLE] = startKeys;
});

const canary = (label: string) => `Canary${label}${randomBytes(6).toString('hex')}`;

async function caseWith(names: { victim: string; dob: string; suspect: string; alias: string }) {
  const input = caseInput.parse({
    title: 'Encryption test case', summary: 'Reported by a neighbour.', offenceType: 'indecent_assault',
    reportedOn: '2026-01-20', reportChannel: 'school', priority: 'high', agencyIds: [agencyId],
    offenceFrom: '2026-01-01', offenceTo: '2026-01-15',
    locations: [{ provinceCode: '12', district: 'Chamkar Mon', commune: '', placeType: 'school', occurredOn: '2026-01-05' }],
    suspects: [{ fullName: names.suspect, alias: names.alias, sex: 'male', age: '40', nationality: '', relationship: 'neighbour', status: 'wanted', arrestedOn: '', arrestingAgencyId: '' }],
    victims: [{ fullName: names.victim, sex: 'female', ageAtOffence: '11', dateOfBirth: names.dob, nationality: '', services: [] }],
  });
  const { id } = await createInvestigation(v.investigator, input, { submissionKey: randomBytes(16).toString('hex'), ip: null });
  return id;
}

const rawVictim = (caseId: string) =>
  testDb.query<{ id: string; full_name: string; date_of_birth: string; whole: string }>(
    `select t.id, t.full_name, t.date_of_birth, t::text as whole from victims t where t.investigation_id = $1`, [caseId]);
const rawSuspect = (caseId: string) =>
  testDb.query<{ id: string; full_name: string; alias: string; name_tags: string[]; whole: string }>(
    `select t.id, t.full_name, t.alias, t.name_tags, t::text as whole from suspects t where t.investigation_id = $1`, [caseId]);

describe('identity fields at rest', () => {
  it('a canary name created through the data layer is only ciphertext in the raw rows, and readable through getCase', async () => {
    const names = { victim: canary('Victim'), dob: '2014-05-02', suspect: canary('Suspect'), alias: canary('Alias') };
    const caseId = await caseWith(names);

    const [victim] = await rawVictim(caseId);
    expect(victim!.full_name).toMatch(/^enc:v1:test1:/);
    expect(victim!.date_of_birth).toMatch(/^enc:v1:test1:/);
    expect(victim!.whole).not.toContain(names.victim);
    expect(victim!.whole).not.toContain('2014-05-02');
    const [suspect] = await rawSuspect(caseId);
    expect(suspect!.full_name).toMatch(/^enc:v1:/);
    expect(suspect!.whole).not.toContain(names.suspect);
    expect(suspect!.whole).not.toContain(names.alias);
    expect(suspect!.whole.toLowerCase()).not.toContain(names.suspect.toLowerCase());
    expect(suspect!.name_tags).toHaveLength(2);
    // Nothing else in the database holds them either (timeline, audit).
    const [elsewhere] = await testDb.query<{ n: number }>(
      `select (select count(*) from case_events e where e.data::text like $1)::int + (select count(*) from audit_events a where a::text like $1)::int as n`,
      [`%Canary%${names.victim.slice(-12)}%`]);
    expect(elsewhere!.n).toBe(0);

    const shown = await getCase(v.investigator, caseId, null);
    expect(shown.victims[0]!.identity).toMatchObject({ fullName: names.victim, dateOfBirth: '2014-05-02' });
    expect(shown.suspects[0]).toMatchObject({ fullName: names.suspect, alias: names.alias });
    const liaison = await getCase(v.liaison, caseId, null);
    expect(JSON.stringify(liaison)).not.toContain(names.victim);
    expect(liaison.suspects[0]!.fullName).toBe(names.suspect);
  });

  it('a ciphertext moved to another row or column no longer opens', async () => {
    const a = await caseWith({ victim: canary('A'), dob: '', suspect: 'Sok A', alias: '' });
    const b = await caseWith({ victim: canary('B'), dob: '2013-01-01', suspect: 'Sok B', alias: '' });
    const [va] = await rawVictim(a);
    await testDb.query(`update victims set full_name = $1 where investigation_id = $2`, [va!.full_name, b]);
    await expect(getCase(v.investigator, b, null)).rejects.toThrow(/integrity/);
    const [vb] = await rawVictim(b);
    await testDb.query(`update victims set full_name = $1 where investigation_id = $2`, [vb!.date_of_birth, b]);
    await expect(getCase(v.investigator, b, null)).rejects.toThrow(/integrity/);
    // Repaired, so that the rotation below has nothing broken to stop at.
    await testDb.query(`update victims set full_name = null where investigation_id = $1`, [b]);
  });

  it('the case search matches whole words of a suspect\'s name or alias, in any case, and no fragment', async () => {
    const word = canary('Word');
    const caseId = await caseWith({ victim: canary('V'), dob: '', suspect: `${word} Dara`, alias: 'តា សុខា' });
    const ids = async (q: string) => (await listCases(v.manager, { q })).rows.map((r) => r.id);
    expect(await ids(word)).toContain(caseId);
    expect(await ids(word.toUpperCase())).toContain(caseId);
    expect(await ids(`dara ${word}`)).toContain(caseId);
    expect(await ids('សុខា')).toContain(caseId);
    expect(await ids(word.slice(0, -2))).not.toContain(caseId);
    expect(await ids(`${word} Nobody`)).not.toContain(caseId);
    // The investigator who created it finds it; the liaison's agency has it shared.
    expect(await ids(word)).toEqual([caseId]);
  });
});

describe('two-step secrets at rest', () => {
  it('are ciphertext in the raw row and open only through db/totp-secrets.ts', async () => {
    const [raw] = await testDb.query<{ totp_secret: string }>(`select totp_secret from users where id = $1`, [v.manager.userId]);
    expect(raw!.totp_secret).toMatch(/^enc:v1:/);
    expect(raw!.totp_secret).not.toContain(DEMO_TOTP_SECRETS.manager);
    expect((await readTotpState(getDb(), v.manager.userId))?.secret).toBe(DEMO_TOTP_SECRETS.manager);
  });
});

describe('sealIdentityColumns', () => {
  it('encrypts plain text left from before encryption, once (the migrate step)', async () => {
    const caseId = await caseWith({ victim: canary('P'), dob: '', suspect: 'x', alias: '' });
    const plainName = canary('Plain');
    await testDb.query(`update victims set full_name = $1, contact = '012 345 678' where investigation_id = $2`, [plainName, caseId]);
    await testDb.query(`update suspects set full_name = 'Plain Suspect', alias = null, name_tags = '{}' where investigation_id = $1`, [caseId]);

    const counts = await sealIdentityColumns(getDb(), 'plaintext', { batchSize: 1 });
    expect(counts).toEqual({ victims: 1, suspects: 1, users: 0 });
    const [victim] = await rawVictim(caseId);
    expect(victim!.full_name).toMatch(/^enc:v1:test1:/);
    expect(victim!.whole).not.toContain(plainName);
    expect(victim!.whole).not.toContain('345');
    const shown = await getCase(v.investigator, caseId, null);
    expect(shown.victims[0]!.identity).toMatchObject({ fullName: plainName, contact: '012 345 678' });
    expect((await listCases(v.manager, { q: 'plain suspect' })).rows.map((r) => r.id)).toContain(caseId);

    expect(await sealIdentityColumns(getDb(), 'plaintext')).toEqual({ victims: 0, suspects: 0, users: 0 });
  });

  it('rotates every value and name tag to a new key, in batches, and the old key can then go', async () => {
    const word = canary('Rotate');
    const caseId = await caseWith({ victim: canary('R'), dob: '2012-02-02', suspect: word, alias: '' });
    const [{ n: total }] = (await testDb.query<{ n: number }>(`select count(*)::int as n from victims`)) as [{ n: number }];
    process.env[FIELD_KEYS_VARIABLE] = `${newKeyEntry('test2')},${startKeys}`;
    let batches = 0;
    const counts = await sealIdentityColumns(getDb(), 'rotate', { batchSize: 400, onBatch: () => batches++ });
    expect(counts.victims).toBe(total);
    const [withSecret] = await testDb.query<{ n: number }>(`select count(*)::int as n from users where totp_secret is not null or totp_pending_secret is not null`);
    expect(withSecret!.n).toBeGreaterThan(0);
    expect(counts.users).toBe(withSecret!.n);
    expect(batches).toBeGreaterThan(2);
    const [left] = await testDb.query<{ n: number }>(
      `select (select count(*) from victims where left(full_name, 13) <> 'enc:v1:test2:' or left(date_of_birth, 13) <> 'enc:v1:test2:')
        + (select count(*) from suspects where exists (select 1 from unnest(name_tags) t where left(t, 6) <> 'test2:')) as n`);
    expect(Number(left!.n)).toBe(0);
    expect(await sealIdentityColumns(getDb(), 'rotate')).toEqual({ victims: 0, suspects: 0, users: 0 });

    process.env[FIELD_KEYS_VARIABLE] = process.env[FIELD_KEYS_VARIABLE]!.split(',')[0]!;
    expect(parseKeyRing(process.env[FIELD_KEYS_VARIABLE]).keys.size).toBe(1);
    const shown = await getCase(v.investigator, caseId, null);
    expect(shown.victims[0]!.identity?.dateOfBirth).toBe('2012-02-02');
    expect((await listCases(v.manager, { q: word })).rows.map((r) => r.id)).toEqual([caseId]);
  });
});
