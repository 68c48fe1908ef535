import 'server-only';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { loginAttempts, sessions, users } from '../schema';
import { revokeOpenTokens } from './set-password';
import { lockIfTooManyFailures } from './sign-in';
import { SESSION_IDLE_MINUTES } from '@/lib/auth/config';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { assertAcceptablePassword } from '@/lib/auth/new-password';
import type { Viewer } from '@/lib/policy';
import { FieldValidationError, NotFoundError } from '@/lib/errors';

/**
 * Changes one's own password, which needs the current one. Every other session ends (a
 * stolen session dies with the old password); this one stays.
 */
export async function changeOwnPassword(viewer: Viewer | null, current: string, next: string, ip: string | null): Promise<void> {
  const me = await authorize(viewer, 'account:self', { action: 'account.password_change', entityType: 'user', entityId: viewer?.userId, ip });
  const db = getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.userId));
  if (!(await verifyPassword(current, row?.passwordHash))) {
    // Counts as a failed sign-in: a stolen session can't be used to guess the password
    // without locking the account (which ends that session too).
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ email: me.email.toLowerCase(), userId: me.userId, ip, success: false });
      await writeAudit(tx, me, { action: 'account.password_change', outcome: 'denied', entityType: 'user', entityId: me.userId, ip, detail: { reason: 'wrong_current_password' } });
      await lockIfTooManyFailures(tx, me.userId, ip);
    });
    throw new FieldValidationError({ current: 'currentWrong' });
  }
  assertAcceptablePassword(next, 'password');
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()`, version: sql`${users.version} + 1` }).where(eq(users.id, me.userId));
    await tx
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: 'password_change' })
      .where(and(eq(sessions.userId, me.userId), ne(sessions.id, me.sessionId), isNull(sessions.revokedAt)));
    await revokeOpenTokens(tx, me.userId);
    await writeAudit(tx, me, { action: 'account.password_change', outcome: 'allowed', entityType: 'user', entityId: me.userId, ip });
  });
}

/** One's own sessions that still work: not revoked, not expired, not idle too long. */
export async function listOwnSessions(viewer: Viewer | null) {
  const me = await authorize(viewer, 'account:self', { action: 'account.sessions' });
  const rows = await getDb()
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(
      eq(sessions.userId, me.userId),
      isNull(sessions.revokedAt),
      sql`${sessions.expiresAt} > now()`,
      sql`${sessions.lastSeenAt} > now() - make_interval(mins => ${SESSION_IDLE_MINUTES})`,
    ))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({ ...r, current: r.id === me.sessionId }));
}

/** Signs out one of one's own sessions (another device, a forgotten browser). */
export async function revokeOwnSession(viewer: Viewer | null, sessionId: string, ip: string | null): Promise<void> {
  const me = await authorize(viewer, 'account:self', { action: 'account.session_revoke', entityType: 'session', entityId: sessionId, ip });
  await getDb().transaction(async (tx) => {
    const [revoked] = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: 'signed_out_from_account' })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, me.userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (!revoked) throw new NotFoundError('session');
    await writeAudit(tx, me, { action: 'account.session_revoke', outcome: 'allowed', entityType: 'session', entityId: sessionId, ip });
  });
}
