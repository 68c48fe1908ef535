import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { DEMO_EMAILS } from '@/db/testing/viewers';
import { DEMO_PASSWORD } from '@/db/seed';
import { SIGN_IN_LIMITS } from '@/lib/auth/config';
import { signInWithPassword } from './sign-in';
import { viewerForSession } from './sessions';

const testDb = useTestDatabase();
let nextIp = 1;
/** A fresh address per test, so address throttling never leaks between tests. */
const client = () => ({ ip: `198.51.100.${nextIp++}`, userAgent: 'vitest' });
const INVALID = { ok: false, reason: 'invalid' };

const countRows = async (table: string) => (await testDb.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const lockedAt = async (email: string) =>
  (await testDb.query<{ locked_at: Date | null }>('select locked_at from users where email = $1', [email]))[0]!.locked_at;

describe('signing in', () => {
  it('opens a server session for the right password and audits it', async () => {
    const result = await signInWithPassword(DEMO_EMAILS.investigator, DEMO_PASSWORD, client());
    if (!result.ok) throw new Error('sign-in failed');
    expect((await viewerForSession(result.sessionId, result.userId))?.role).toBe('investigator');
    const [audit] = await testDb.query<{ outcome: string }>(`select outcome from audit_events where action = 'auth.sign_in' and entity_id = $1`, [result.sessionId]);
    expect(audit?.outcome).toBe('allowed');
  });

  it('accepts the email in any case and with spaces around it', async () => {
    expect((await signInWithPassword('  Investigator@CPU.local ', DEMO_PASSWORD, client())).ok).toBe(true);
  });

  it('answers a wrong password and an unknown email identically, records both and opens no session', async () => {
    const sessionsBefore = await countRows('sessions');
    expect(await signInWithPassword(DEMO_EMAILS.manager, 'wrong-password-123', client())).toEqual(INVALID);
    expect(await signInWithPassword('nobody@cpu.local', DEMO_PASSWORD, client())).toEqual(INVALID);
    expect(await countRows('sessions')).toBe(sessionsBefore);
    const attempts = await testDb.query<{ email: string }>(
      `select email from login_attempts where email in ($1, 'nobody@cpu.local') and not success order by email`, [DEMO_EMAILS.manager]);
    expect(attempts.map((a) => a.email)).toEqual(['manager@cpu.local', 'nobody@cpu.local']);
  });

  it('refuses a deactivated account even with the right password', async () => {
    await testDb.query(`update users set active = false where email = $1`, [DEMO_EMAILS.liaison]);
    try {
      expect(await signInWithPassword(DEMO_EMAILS.liaison, DEMO_PASSWORD, client())).toEqual(INVALID);
    } finally {
      await testDb.query(`update users set active = true where email = $1`, [DEMO_EMAILS.liaison]);
    }
  });
});

describe('sign-in throttling', () => {
  it(`locks an account after ${SIGN_IN_LIMITS.failuresPerAccount} failures, even against the right password afterwards`, async () => {
    const email = DEMO_EMAILS.admin; // no failures earlier in this file
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAccount - 1; i++) {
      expect(await signInWithPassword(email, `wrong-${i}-password`, client())).toEqual(INVALID);
    }
    expect(await lockedAt(email)).toBeNull();
    expect(await signInWithPassword(email, 'wrong-last-password', client())).toEqual(INVALID);
    expect(await lockedAt(email)).not.toBeNull();
    // Same answer as any failure: a locked account is not confirmed to exist.
    expect(await signInWithPassword(email, DEMO_PASSWORD, client())).toEqual(INVALID);
    const [locked] = await testDb.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'auth.account_locked' and entity_id = (select id::text from users where email = $1)`, [email]);
    expect(locked!.n).toBe(1);
  });

  it('counts failures only since the last successful sign-in', async () => {
    const email = DEMO_EMAILS.investigator;
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAccount - 1; i++) await signInWithPassword(email, `nope-${i}-password`, client());
    expect((await signInWithPassword(email, DEMO_PASSWORD, client())).ok).toBe(true);
    await signInWithPassword(email, 'one-more-wrong-password', client());
    expect(await lockedAt(email)).toBeNull();
  });

  it(`refuses an address after ${SIGN_IN_LIMITS.failuresPerAddress} failures without checking the password`, async () => {
    const sprayer = { ip: '203.0.113.99', userAgent: 'spray' };
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAddress; i++) {
      expect(await signInWithPassword(`victim${i}@cpu.local`, 'Summer2026!', sprayer)).toEqual(INVALID);
    }
    const attemptsBefore = await countRows('login_attempts');
    expect(await signInWithPassword(DEMO_EMAILS.manager, DEMO_PASSWORD, sprayer)).toEqual({ ok: false, reason: 'throttled' });
    expect(await countRows('login_attempts')).toBe(attemptsBefore);
    // Other addresses are unaffected (the manager's password is accepted; the second step follows).
    expect(await signInWithPassword(DEMO_EMAILS.manager, DEMO_PASSWORD, client())).toMatchObject({ ok: false, reason: 'second_step' });
  });
});
