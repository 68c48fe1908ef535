import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { sessions, setPasswordTokens, users } from '../schema';
import { hashOneTimeToken, looksLikeOneTimeToken, newOneTimeToken } from '@/lib/auth/one-time-token';
import { hashPassword } from '@/lib/auth/password';
import { assertAcceptablePassword } from '@/lib/auth/new-password';

/** How long a set-password link works: long enough to reach a new colleague over a weekend. */
export const SET_PASSWORD_LINK_HOURS = 72;

export type SetPasswordPurpose = 'invite' | 'reset';

/**
 * A new one-time link for a person, replacing any earlier one still open. Runs in the
 * caller's transaction (with the change that needs it and its audit row); returns the
 * token, which is never stored.
 */
export async function issueSetPasswordToken(tx: Tx, userId: string, purpose: SetPasswordPurpose, createdBy: string): Promise<string> {
  await revokeOpenTokens(tx, userId);
  const { token, hash } = newOneTimeToken();
  await tx.insert(setPasswordTokens).values({
    userId,
    tokenHash: hash,
    purpose,
    createdBy,
    expiresAt: sql`now() + make_interval(hours => ${SET_PASSWORD_LINK_HOURS})`,
  });
  return token;
}

export async function revokeOpenTokens(tx: Tx, userId: string): Promise<void> {
  await tx
    .update(setPasswordTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(setPasswordTokens.userId, userId), isNull(setPasswordTokens.usedAt), isNull(setPasswordTokens.revokedAt)));
}

/** A link that can still be used: unknown, used, replaced, expired and deactivated all read as no. */
const usable = (hash: string) => and(
  eq(setPasswordTokens.tokenHash, hash),
  isNull(setPasswordTokens.usedAt),
  isNull(setPasswordTokens.revokedAt),
  sql`${setPasswordTokens.expiresAt} > now()`,
  sql`exists (select 1 from ${users} u where u.id = ${setPasswordTokens}.${sql.identifier('user_id')} and u.active)`,
);

/** For the page: whether to show the form or the "link no longer works" message. */
export async function isSetPasswordTokenUsable(token: string): Promise<boolean> {
  if (!looksLikeOneTimeToken(token)) return false;
  const [row] = await getDb().select({ id: setPasswordTokens.id }).from(setPasswordTokens).where(usable(hashOneTimeToken(token)));
  return Boolean(row);
}

/**
 * Sets the password of the link's owner and uses the link up, in one statement that only
 * a usable link matches, so two submissions of the same link can't both succeed. Every
 * session the person had ends. A password that breaks the rules is refused before anything is written.
 */
export async function setPasswordWithToken(token: string, password: string, ip: string | null): Promise<'ok' | 'invalid'> {
  const db = getDb();
  if (!looksLikeOneTimeToken(token)) {
    await writeAudit(db, null, { action: 'user.set_password', outcome: 'denied', ip, detail: { reason: 'invalid_link' } });
    return 'invalid';
  }
  assertAcceptablePassword(password, 'password');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(setPasswordTokens)
      .set({ usedAt: sql`now()` })
      .where(usable(hashOneTimeToken(token)))
      .returning({ userId: setPasswordTokens.userId, purpose: setPasswordTokens.purpose });
    if (!used) {
      await writeAudit(tx, null, { action: 'user.set_password', outcome: 'denied', ip, detail: { reason: 'invalid_link' } });
      return 'invalid' as const;
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
      .where(eq(users.id, used.userId))
      .returning({ id: users.id, role: users.role });
    await tx
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: 'password_set' })
      .where(and(eq(sessions.userId, used.userId), isNull(sessions.revokedAt)));
    await writeAudit(tx, { userId: user!.id, role: user!.role }, {
      action: 'user.set_password', outcome: 'allowed', entityType: 'user', entityId: user!.id, ip, detail: { purpose: used.purpose },
    });
    return 'ok' as const;
  });
}
