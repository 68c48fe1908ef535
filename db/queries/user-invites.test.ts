import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, ForbiddenError } from '@/lib/errors';
import { verifyPassword } from '@/lib/auth/password';
import { createUser, forcePasswordReset } from './user-invites';
import { isSetPasswordTokenUsable, setPasswordWithToken } from './set-password';
import { viewerForSession } from './sessions';

const testDb = useTestDatabase();
let admin: Viewer, manager: Viewer, investigator: Viewer, liaison: Viewer;
let agencyId: string;

beforeAll(async () => {
  ({ admin, manager, investigator, liaison } = await demoViewers(testDb));
  agencyId = admin.agencyId!;
});

const GOOD = 'river-boat-under-mango-7';
const newPerson = (email: string) => ({ name: 'Test Person', email, role: 'investigator' as const, agencyId, locale: 'km' as const });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const userCount = async () => (await testDb.query<{ n: number }>('select count(*)::int as n from users'))[0]!.n;
const openSession = async (userId: string) =>
  (await testDb.query<{ id: string }>(`insert into sessions (user_id, expires_at) values ($1, now() + interval '1 hour') returning id`, [userId]))[0]!.id;

describe('adding a person and their one-time link', () => {
  it('[admin] creates a person with no password; only the hash of the link is stored; audited without the name', async () => {
    const { userId, token } = await createUser(admin, newPerson('New.Person@cpu.local'), '10.0.0.1');
    const [user] = await testDb.query<{ email: string; password_hash: string | null; role: string; locale: string }>('select email, password_hash, role, locale from users where id = $1', [userId]);
    expect(user).toEqual({ email: 'new.person@cpu.local', password_hash: null, role: 'investigator', locale: 'km' });
    const tokens = await testDb.query<{ token_hash: string; purpose: string; hours: number }>(
      `select token_hash, purpose, round(extract(epoch from expires_at - created_at) / 3600)::int as hours from set_password_tokens where user_id = $1`, [userId]);
    expect(tokens).toEqual([{ token_hash: sha256(token), purpose: 'invite', hours: 72 }]);
    const dump = JSON.stringify(await testDb.query('select * from set_password_tokens'));
    expect(dump).not.toContain(token);
    const [audit] = await testDb.query<{ detail: unknown }>(`select detail from audit_events where action = 'user.create' and entity_id = $1 and outcome = 'allowed'`, [userId]);
    expect(JSON.stringify(audit!.detail)).not.toMatch(/Test Person|new\.person/i);
  });

  it('the link sets the password once; a second use, a wrong token and an expired link all fail alike', async () => {
    const { userId, token } = await createUser(admin, newPerson('once@cpu.local'), null);
    expect(await isSetPasswordTokenUsable(token)).toBe(true);
    expect(await setPasswordWithToken(token, GOOD, null)).toBe('ok');
    const [row] = await testDb.query<{ password_hash: string }>('select password_hash from users where id = $1', [userId]);
    expect(await verifyPassword(GOOD, row!.password_hash)).toBe(true);
    expect(await isSetPasswordTokenUsable(token)).toBe(false);
    expect(await setPasswordWithToken(token, 'another-long-passphrase', null)).toBe('invalid');
    expect(await setPasswordWithToken('x'.repeat(43), GOOD, null)).toBe('invalid');
    expect(await setPasswordWithToken('not a token', GOOD, null)).toBe('invalid');

    const late = await createUser(admin, newPerson('late@cpu.local'), null);
    await testDb.query(`update set_password_tokens set expires_at = now() - interval '1 second' where user_id = $1`, [late.userId]);
    expect(await isSetPasswordTokenUsable(late.token)).toBe(false);
    expect(await setPasswordWithToken(late.token, GOOD, null)).toBe('invalid');
    const [lateRow] = await testDb.query<{ password_hash: string | null }>('select password_hash from users where id = $1', [late.userId]);
    expect(lateRow!.password_hash).toBeNull();
  });

  it('two submissions of one link at once: exactly one succeeds', async () => {
    const { token } = await createUser(admin, newPerson('race@cpu.local'), null);
    const results = await Promise.all([setPasswordWithToken(token, GOOD, null), setPasswordWithToken(token, `${GOOD}-b`, null)]);
    expect(results.sort()).toEqual(['invalid', 'ok']);
  });

  it('password rules: 12 to 128 characters, common passwords refused (with digits added too), nothing written', async () => {
    const { userId, token } = await createUser(admin, newPerson('rules@cpu.local'), null);
    for (const [password, key] of [['short-pass1', 'tooShort'], ['x'.repeat(129), 'tooLong'], ['QazWsxEdcRfv', 'common'], ['leavemealone', 'common'], ['Password1234', 'common'], ['1qaz2wsx3edc', 'common']] as const) {
      const err = await setPasswordWithToken(token, password, null).catch((e: unknown) => e);
      expect(err, password).toBeInstanceOf(FieldValidationError);
      expect((err as FieldValidationError).fieldErrors).toEqual({ password: key });
    }
    expect(await isSetPasswordTokenUsable(token)).toBe(true);
    const [row] = await testDb.query<{ password_hash: string | null }>('select password_hash from users where id = $1', [userId]);
    expect(row!.password_hash).toBeNull();
    // No composition rules: a long passphrase in one script and lower case is fine.
    expect(await setPasswordWithToken(token, 'ព្រះអាទិត្យរះលើវាលស្រែ', null)).toBe('ok');
  });

  it('a newer link replaces the older one; a deactivated person cannot use theirs', async () => {
    const { userId, token: first } = await createUser(admin, newPerson('twice@cpu.local'), null);
    await setPasswordWithToken(first, GOOD, null);
    const { token: second } = await forcePasswordReset(admin, userId, null);
    const { token: third } = await forcePasswordReset(admin, userId, null);
    expect(await isSetPasswordTokenUsable(second)).toBe(false);
    expect(await isSetPasswordTokenUsable(third)).toBe(true);
    await testDb.query('update users set active = false where id = $1', [userId]);
    expect(await setPasswordWithToken(third, GOOD, null)).toBe('invalid');
  });

  it('[admin] a forced reset ends every session and the old password; setting one through the link ends sessions too', async () => {
    const { userId, token } = await createUser(admin, newPerson('reset@cpu.local'), null);
    await setPasswordWithToken(token, GOOD, null);
    const session = await openSession(userId);
    expect(await viewerForSession(session, userId)).not.toBeNull();
    const { token: reset } = await forcePasswordReset(admin, userId, null);
    expect(await viewerForSession(session, userId)).toBeNull();
    const [row] = await testDb.query<{ password_hash: string | null }>('select password_hash from users where id = $1', [userId]);
    expect(row!.password_hash).toBeNull();
    const later = await openSession(userId);
    expect(await setPasswordWithToken(reset, `${GOOD}-new`, null)).toBe('ok');
    expect(await viewerForSession(later, userId)).toBeNull();
  });

  it('an email already in use (any case) is a field error, nothing written', async () => {
    const before = await userCount();
    const err = await createUser(admin, newPerson('INVESTIGATOR@cpu.local'), null).catch((e: unknown) => e);
    expect((err as FieldValidationError).fieldErrors).toEqual({ email: 'emailTaken' });
    expect(await userCount()).toBe(before);
  });

  it('[admin] cannot force a reset of their own account', async () => {
    await expect(forcePasswordReset(admin, admin.userId, null)).rejects.toBeInstanceOf(ConflictError);
  });

  it('[investigator] [liaison] [manager] cannot add a person or force a reset: refused, audited, nothing changed', async () => {
    for (const who of [investigator, liaison, manager]) {
      const before = await userCount();
      await expect(createUser(who, newPerson(`sneak-${who.role}@cpu.local`), null)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await userCount()).toBe(before);
      const [hashBefore] = await testDb.query('select password_hash, version from users where id = $1', [admin.userId]);
      await expect(forcePasswordReset(who, admin.userId, null)).rejects.toBeInstanceOf(ForbiddenError);
      expect((await testDb.query('select password_hash, version from users where id = $1', [admin.userId]))[0]).toEqual(hashBefore);
      const denied = await testDb.query(`select action from audit_events where actor_id = $1 and outcome = 'denied' and action in ('user.create', 'user.password_reset')`, [who.userId]);
      expect(denied.length).toBe(2);
    }
  });
});
