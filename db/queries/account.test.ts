import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { FieldValidationError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD } from '@/db/seed/organisation';
import { changeOwnPassword, listOwnSessions, revokeOwnSession } from './account';
import { viewerForSession } from './sessions';

const testDb = useTestDatabase();
let investigator: Viewer, liaison: Viewer;

beforeAll(async () => {
  ({ investigator, liaison } = await demoViewers(testDb));
});

const openSession = async (userId: string, ip = '192.0.2.10') =>
  (await testDb.query<{ id: string }>(`insert into sessions (user_id, expires_at, ip, user_agent) values ($1, now() + interval '1 hour', $2, 'Test browser') returning id`, [userId, ip]))[0]!.id;
const hashOf = async (userId: string) => (await testDb.query<{ password_hash: string }>('select password_hash from users where id = $1', [userId]))[0]!.password_hash;

describe('my account', () => {
  it('[liaison] changing the password needs the current one; it signs out the other sessions and keeps this one', async () => {
    const here = await openSession(liaison.userId);
    const elsewhere = await openSession(liaison.userId, '198.51.100.7');
    const me = { ...liaison, sessionId: here };
    const before = await hashOf(liaison.userId);

    const wrong = await changeOwnPassword(me, 'not-my-password', 'a-brand-new-passphrase', null).catch((e: unknown) => e);
    expect((wrong as FieldValidationError).fieldErrors).toEqual({ current: 'currentWrong' });
    expect(await hashOf(liaison.userId)).toBe(before);
    const common = await changeOwnPassword(me, DEMO_PASSWORD, 'qazwsxedcrfv', null).catch((e: unknown) => e);
    expect((common as FieldValidationError).fieldErrors).toEqual({ password: 'common' });
    expect(await hashOf(liaison.userId)).toBe(before);
    expect(await viewerForSession(elsewhere, liaison.userId)).not.toBeNull();

    await changeOwnPassword(me, DEMO_PASSWORD, 'a-brand-new-passphrase', null);
    expect(await verifyPassword('a-brand-new-passphrase', await hashOf(liaison.userId))).toBe(true);
    expect(await viewerForSession(here, liaison.userId)).not.toBeNull();
    expect(await viewerForSession(elsewhere, liaison.userId)).toBeNull();
    const audited = await testDb.query<{ outcome: string }>(`select outcome from audit_events where actor_id = $1 and action = 'account.password_change' order by id`, [liaison.userId]);
    expect(audited.map((r) => r.outcome)).toEqual(['denied', 'allowed']);
  });

  it('[investigator] sees their own live sessions only, and signs one out', async () => {
    const here = await openSession(investigator.userId);
    const other = await openSession(investigator.userId, '203.0.113.5');
    const theirs = await openSession(liaison.userId);
    const idle = await openSession(investigator.userId);
    await testDb.query(`update sessions set last_seen_at = now() - interval '31 minutes' where id = $1`, [idle]);
    const me = { ...investigator, sessionId: here };
    const listed = await listOwnSessions(me);
    expect(listed.map((s) => s.id).sort()).toEqual([here, other].sort());
    expect(listed.find((s) => s.id === here)!.current).toBe(true);
    expect(listed.find((s) => s.id === other)).toMatchObject({ ip: '203.0.113.5', userAgent: 'Test browser', current: false });

    await expect(revokeOwnSession(me, theirs, null)).rejects.toBeInstanceOf(NotFoundError);
    expect(await viewerForSession(theirs, liaison.userId)).not.toBeNull();
    await revokeOwnSession(me, other, null);
    expect(await viewerForSession(other, investigator.userId)).toBeNull();
    expect((await listOwnSessions(me)).map((s) => s.id)).toEqual([here]);
  });

  it('[investigator] five wrong current passwords lock the account, which ends the session', async () => {
    const here = await openSession(investigator.userId);
    const me = { ...investigator, sessionId: here };
    for (let i = 0; i < 5; i++) {
      await expect(changeOwnPassword(me, `wrong-guess-number-${i}`, 'a-brand-new-passphrase', null)).rejects.toBeInstanceOf(FieldValidationError);
    }
    const [row] = await testDb.query<{ locked_at: Date | null }>('select locked_at from users where id = $1', [investigator.userId]);
    expect(row!.locked_at).not.toBeNull();
    expect(await viewerForSession(here, investigator.userId)).toBeNull();
    await testDb.query('update users set locked_at = null where id = $1', [investigator.userId]);
  });

  it('[anonymous] is refused and audited', async () => {
    await expect(listOwnSessions(null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeOwnPassword(null, 'x', 'y', null)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
