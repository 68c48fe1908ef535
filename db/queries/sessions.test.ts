import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { DEMO_EMAILS } from '@/db/testing/viewers';
import { DEMO_PASSWORD } from '@/db/seed';
import { signOutViewer, viewerForSession } from './sessions';
import { signInWithPassword } from './sign-in';

const testDb = useTestDatabase();
const client = { ip: '203.0.113.7', userAgent: 'vitest' };

async function signIn(email: string = DEMO_EMAILS.investigator) {
  const result = await signInWithPassword(email, DEMO_PASSWORD, client);
  if (!result.ok) throw new Error('demo sign-in failed');
  return result;
}

const sessionRow = async (id: string) =>
  (await testDb.query<{ revoked_at: Date | null; revoked_reason: string | null }>('select revoked_at, revoked_reason from sessions where id = $1', [id]))[0]!;

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
    const { userId, sessionId } = await signIn(DEMO_EMAILS.liaison); // the manager signs in with a second step
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
