import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { DEMO_EMAILS } from '@/db/testing/viewers';
import { DEMO_PASSWORD } from '@/db/seed';
import { signInWithPassword, signOutViewer, viewerForSession } from './sessions';

const testDb = useTestDatabase();
const client = { ip: '203.0.113.7', userAgent: 'vitest' };

async function signIn(email: string = DEMO_EMAILS.investigator) {
  const result = await signInWithPassword(email, DEMO_PASSWORD, client);
  if (!result) throw new Error('demo sign-in failed');
  return result;
}

const sessionRow = async (id: string) =>
  (await testDb.query<{ revoked_at: Date | null; revoked_reason: string | null }>('select revoked_at, revoked_reason from sessions where id = $1', [id]))[0]!;

describe('signing in', () => {
  it('opens a server session for the right password and reads the viewer from it', async () => {
    const { userId, sessionId } = await signIn();
    const viewer = await viewerForSession(sessionId, userId);
    expect(viewer).toMatchObject({ userId, sessionId, role: 'investigator', email: DEMO_EMAILS.investigator });
    const [audit] = await testDb.query<{ outcome: string }>(
      `select outcome from audit_events where action = 'auth.sign_in' and entity_id = $1`, [sessionId]);
    expect(audit?.outcome).toBe('allowed');
  });

  it('accepts the email in any case and with spaces around it', async () => {
    expect(await signInWithPassword('  Investigator@CPU.local ', DEMO_PASSWORD, client)).not.toBeNull();
  });

  it('refuses a wrong password and an unknown email alike, and records both attempts', async () => {
    const before = await testDb.query<{ n: number }>('select count(*)::int as n from sessions');
    expect(await signInWithPassword(DEMO_EMAILS.investigator, 'wrong-password-123', client)).toBeNull();
    expect(await signInWithPassword('nobody@cpu.local', DEMO_PASSWORD, client)).toBeNull();
    const after = await testDb.query<{ n: number }>('select count(*)::int as n from sessions');
    expect(after[0]!.n).toBe(before[0]!.n);
    const attempts = await testDb.query<{ email: string; success: boolean }>(
      `select email, success from login_attempts where email in ($1, 'nobody@cpu.local') and not success`, [DEMO_EMAILS.investigator]);
    expect(attempts.map((a) => a.email).sort()).toEqual(['investigator@cpu.local', 'nobody@cpu.local']);
  });

  it('refuses a deactivated account even with the right password', async () => {
    await testDb.query(`update users set active = false where email = $1`, [DEMO_EMAILS.liaison]);
    try {
      expect(await signInWithPassword(DEMO_EMAILS.liaison, DEMO_PASSWORD, client)).toBeNull();
    } finally {
      await testDb.query(`update users set active = true where email = $1`, [DEMO_EMAILS.liaison]);
    }
  });
});

describe('a session ends', () => {
  it('on sign-out, for good', async () => {
    const { userId, sessionId } = await signIn();
    const viewer = (await viewerForSession(sessionId, userId))!;
    await signOutViewer(viewer, null);
    expect(await viewerForSession(sessionId, userId)).toBeNull();
    expect((await sessionRow(sessionId)).revoked_reason).toBe('sign_out');
  });

  it('after 30 minutes idle', async () => {
    const { userId, sessionId } = await signIn();
    await testDb.query(`update sessions set last_seen_at = now() - interval '31 minutes' where id = $1`, [sessionId]);
    expect(await viewerForSession(sessionId, userId)).toBeNull();
    expect((await sessionRow(sessionId)).revoked_reason).toBe('idle');
  });

  it('but not while in use: 29 minutes idle is still signed in, and the request counts as activity', async () => {
    const { userId, sessionId } = await signIn();
    await testDb.query(`update sessions set last_seen_at = now() - interval '29 minutes' where id = $1`, [sessionId]);
    expect(await viewerForSession(sessionId, userId)).not.toBeNull();
    const [row] = await testDb.query<{ idle_seconds: number }>(
      `select extract(epoch from now() - last_seen_at)::int as idle_seconds from sessions where id = $1`, [sessionId]);
    expect(row!.idle_seconds).toBeLessThan(60);
  });

  it('after 12 hours however active', async () => {
    const { userId, sessionId } = await signIn();
    const [row] = await testDb.query<{ hours: number }>(
      `select round(extract(epoch from expires_at - created_at) / 3600)::int as hours from sessions where id = $1`, [sessionId]);
    expect(row!.hours).toBe(12);
    await testDb.query(`update sessions set expires_at = now() - interval '1 second' where id = $1`, [sessionId]);
    expect(await viewerForSession(sessionId, userId)).toBeNull();
    expect((await sessionRow(sessionId)).revoked_reason).toBe('expired');
  });

  it('when the user is deactivated, on the next request', async () => {
    const { userId, sessionId } = await signIn(DEMO_EMAILS.manager);
    await testDb.query(`update users set active = false where id = $1`, [userId]);
    try {
      expect(await viewerForSession(sessionId, userId)).toBeNull();
    } finally {
      await testDb.query(`update users set active = true where id = $1`, [userId]);
    }
  });

  it('never for a session id presented with another user id', async () => {
    const { sessionId } = await signIn();
    const [other] = await testDb.query<{ id: string }>(`select id from users where email = $1`, [DEMO_EMAILS.manager]);
    expect(await viewerForSession(sessionId, other!.id)).toBeNull();
  });
});

describe('a role change', () => {
  it('acts on the very next request', async () => {
    const { userId, sessionId } = await signIn();
    await testDb.query(`update users set role = 'liaison' where id = $1`, [userId]);
    try {
      expect((await viewerForSession(sessionId, userId))?.role).toBe('liaison');
    } finally {
      await testDb.query(`update users set role = 'investigator' where id = $1`, [userId]);
    }
  });
});
