import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { loginAttempts, sessions, signInChallenges, users } from '../schema';
import { SESSION_MAX_HOURS, SIGN_IN_LIMITS } from '@/lib/auth/config';
import { verifyPassword } from '@/lib/auth/password';
import { newOneTimeToken } from '@/lib/auth/one-time-token';
import { CHALLENGE_MINUTES, requiresTwoStep } from '@/lib/auth/totp';
import type { Role } from '@/lib/vocabulary';

export type ClientInfo = { ip: string | null; userAgent: string | null };

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  /** 'invalid' covers unknown email, wrong password, deactivated and locked alike. */
  | { ok: false; reason: 'invalid' | 'throttled' }
  /**
   * The password is right but no session yet: the second step (a code, or enrolling an
   * authenticator first when `enrol`) is bound to `challenge`, a token for an HttpOnly cookie.
   */
  | { ok: false; reason: 'second_step'; challenge: string; enrol: boolean };

const windowStart = sql`now() - make_interval(mins => ${SIGN_IN_LIMITS.windowMinutes})`;

/** Too many failed sign-ins from this address in the window: it is refused before any password check. */
export async function isAddressThrottled(ip: string): Promise<boolean> {
  const [recent] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), sql`${loginAttempts.at} > ${windowStart}`));
  return (recent?.n ?? 0) >= SIGN_IN_LIMITS.failuresPerAddress;
}

/**
 * Checks an email and password and, when they match an active, unlocked account, opens a
 * server-side session. Every attempt is recorded in PostgreSQL, so the limits hold across
 * app instances: an address with too many recent failures is refused before any password
 * check, and an account with too many recent failures is locked until an admin unlocks it.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  client: ClientInfo,
  callbackPath: string | null = null,
): Promise<SignInResult> {
  const db = getDb();
  const normalized = email.trim().toLowerCase();

  if (client.ip && (await isAddressThrottled(client.ip))) {
    await writeAudit(db, null, { action: 'auth.sign_in', outcome: 'denied', ip: client.ip, detail: { reason: 'address_throttled' } });
    return { ok: false, reason: 'throttled' };
  }

  const [user] = await db
    .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, active: users.active, lockedAt: users.lockedAt, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${normalized}`);
  // Always one argon2 verification, so an unknown email answers as slowly as a wrong password.
  const passwordOk = await verifyPassword(password, user?.passwordHash);
  const ok = Boolean(user && passwordOk && user.active && !user.lockedAt);

  return db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email: normalized, userId: user?.id ?? null, ip: client.ip, success: ok });
    const actor = user ? { userId: user.id, role: user.role } : null;
    if (!ok || !user) {
      await writeAudit(tx, actor, { action: 'auth.sign_in', outcome: 'denied', ip: client.ip, detail: { reason: 'invalid_credentials' } });
      if (user && !user.lockedAt) await lockIfTooManyFailures(tx, user.id, client.ip);
      return { ok: false, reason: 'invalid' } as const;
    }
    if (user.totpEnabledAt || requiresTwoStep(user.role)) {
      // No session yet: the password alone does not sign an admin, a manager or anyone who turned two-step on in.
      const { token, hash } = newOneTimeToken();
      // The person's spent challenges (used or expired) go as a new one is made, so the table
      // holds only the few minutes' live ones and not every sign-in ever made.
      await tx.delete(signInChallenges).where(and(eq(signInChallenges.userId, user.id),
        sql`(${signInChallenges.usedAt} is not null or ${signInChallenges.expiresAt} <= now())`));
      await tx.insert(signInChallenges).values({
        userId: user.id, tokenHash: hash, callbackPath, expiresAt: sql`now() + make_interval(mins => ${CHALLENGE_MINUTES})`,
      });
      const enrol = !user.totpEnabledAt;
      await writeAudit(tx, actor, { action: 'auth.password_accepted', outcome: 'allowed', ip: client.ip, entityType: 'user', entityId: user.id, detail: { next: enrol ? 'enrol' : 'code' } });
      return { ok: false, reason: 'second_step', challenge: token, enrol } as const;
    }
    const sessionId = await openSession(tx, { userId: user.id, role: user.role }, client);
    return { ok: true, userId: user.id, sessionId } as const;
  });
}

/** Opens the server-side session of a completed sign-in and audits it. */
export async function openSession(tx: Tx, user: { userId: string; role: Role }, client: ClientInfo, detail?: Record<string, unknown>): Promise<string> {
  const [session] = await tx
    .insert(sessions)
    .values({ userId: user.userId, ip: client.ip, userAgent: client.userAgent, expiresAt: sql`now() + make_interval(hours => ${SESSION_MAX_HOURS})` })
    .returning({ id: sessions.id });
  await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, user.userId));
  await writeAudit(tx, user, { action: 'auth.sign_in', outcome: 'allowed', ip: client.ip, entityType: 'session', entityId: session!.id, detail });
  return session!.id;
}

/**
 * A failed sign-in by a known account (a wrong second-step code, say): recorded like a wrong
 * password, so it counts toward the account lock and the address limit, and audited.
 */
export async function recordFailedSignIn(tx: Tx, user: { userId: string; role: Role; email: string }, ip: string | null, reason: string): Promise<void> {
  await tx.insert(loginAttempts).values({ email: user.email.toLowerCase(), userId: user.userId, ip, success: false });
  await writeAudit(tx, user, { action: 'auth.sign_in', outcome: 'denied', ip, entityType: 'user', entityId: user.userId, detail: { reason } });
  await lockIfTooManyFailures(tx, user.userId, ip);
}

/**
 * Failures since the later of the window's start and the last successful sign-in count.
 * Also used by My account, where a wrong current password counts as a failed sign-in.
 */
export async function lockIfTooManyFailures(tx: Tx, userId: string, ip: string | null): Promise<void> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .innerJoin(users, eq(users.id, loginAttempts.userId))
    .where(and(
      eq(loginAttempts.userId, userId),
      eq(loginAttempts.success, false),
      sql`${loginAttempts.at} > greatest(${windowStart}, coalesce(${users.lastLoginAt}, '-infinity'::timestamptz), coalesce(${users.updatedAt}, '-infinity'::timestamptz))`,
    ));
  if ((row?.n ?? 0) < SIGN_IN_LIMITS.failuresPerAccount) return;
  await tx.update(users).set({ lockedAt: sql`now()` }).where(eq(users.id, userId));
  await writeAudit(tx, null, { action: 'auth.account_locked', outcome: 'allowed', entityType: 'user', entityId: userId, ip, detail: { failures: row!.n } });
}
