import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { signInChallenges, users } from '../schema';
import { confirmPendingSecret, readTotpState, writePendingSecret } from '../totp-secrets';
import { isAddressThrottled, openSession, recordFailedSignIn, type ClientInfo } from './sign-in';
import { pendingCodeStep, replaceRecoveryCodes, useSecondStepCode } from './two-step-codes';
import { hashOneTimeToken, looksLikeOneTimeToken } from '@/lib/auth/one-time-token';
import { newTotpSecret, totpUri } from '@/lib/auth/totp';
import type { Role } from '@/lib/vocabulary';

/**
 * The second step of signing in, after signInWithPassword answered 'second_step'. The
 * challenge token (from an HttpOnly cookie) is the only state: it names the user, expires
 * after a few minutes and is used up when the session opens. Every wrong code counts as a
 * failed sign-in toward the account lock.
 */

export type Challenge = {
  id: string;
  userId: string;
  role: Role;
  email: string;
  /** No authenticator yet (an admin or manager who must enrol first). */
  enrol: boolean;
  /** The enrolment was confirmed: the sign-in completes without another code. */
  verified: boolean;
  callbackPath: string | null;
  createdAt: Date;
};

export type SecondStepResult =
  | { ok: true; userId: string; sessionId: string }
  /** expired: no live challenge (unknown, used, expired, or the account was locked or deactivated meanwhile). */
  | { ok: false; reason: 'wrong' | 'replayed' | 'expired' | 'throttled' };

/** The live challenge behind a token, or null. */
export async function readChallenge(token: string | undefined, executor: Tx | ReturnType<typeof getDb> = getDb()): Promise<Challenge | null> {
  if (!looksLikeOneTimeToken(token)) return null;
  const [row] = await executor
    .select({
      id: signInChallenges.id, userId: users.id, role: users.role, email: users.email, enabledAt: users.totpEnabledAt,
      verifiedAt: signInChallenges.verifiedAt, callbackPath: signInChallenges.callbackPath, createdAt: signInChallenges.createdAt,
    })
    .from(signInChallenges)
    .innerJoin(users, eq(users.id, signInChallenges.userId))
    .where(and(
      eq(signInChallenges.tokenHash, hashOneTimeToken(token)),
      isNull(signInChallenges.usedAt),
      gt(signInChallenges.expiresAt, sql`now()`),
      eq(users.active, true),
      isNull(users.lockedAt),
    ));
  if (!row) return null;
  const { enabledAt, verifiedAt, ...rest } = row;
  return { ...rest, enrol: !enabledAt, verified: Boolean(verifiedAt) };
}

/**
 * For an enrolling challenge: the secret to show (with its otpauth:// address). A reload shows
 * the same one; a new sign-in gets a new one, so a secret seen earlier by someone else is void.
 */
export async function enrolmentSecret(token: string | undefined): Promise<{ secret: string; uri: string } | null> {
  const challenge = await readChallenge(token);
  if (!challenge?.enrol || challenge.verified) return null;
  const db = getDb();
  const state = await readTotpState(db, challenge.userId);
  let secret = state?.pendingSecret && state.pendingAt && state.pendingAt >= challenge.createdAt ? state.pendingSecret : null;
  if (!secret) {
    secret = newTotpSecret();
    await writePendingSecret(db, challenge.userId, secret);
  }
  return { secret, uri: totpUri(secret, challenge.email) };
}

async function refuseIfThrottled(client: ClientInfo): Promise<boolean> {
  return Boolean(client.ip && (await isAddressThrottled(client.ip)));
}

/** Enrolment during sign-in: the first code from the new authenticator turns two-step on and gives the recovery codes (shown once). */
export async function confirmSignInEnrolment(
  token: string | undefined,
  code: string,
  client: ClientInfo,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: 'wrong' | 'expired' | 'throttled' }> {
  if (await refuseIfThrottled(client)) return { ok: false, reason: 'throttled' };
  return getDb().transaction(async (tx) => {
    const challenge = await readChallenge(token, tx);
    if (!challenge?.enrol || challenge.verified) return { ok: false, reason: 'expired' } as const;
    const step = await pendingCodeStep(tx, challenge.userId, code);
    if (step === null) {
      await recordFailedSignIn(tx, challenge, client.ip, 'wrong_enrolment_code');
      return { ok: false, reason: 'wrong' } as const;
    }
    await confirmPendingSecret(tx, challenge.userId, step);
    const recoveryCodes = await replaceRecoveryCodes(tx, challenge.userId);
    // A little longer to write the recovery codes down before continuing.
    await tx.update(signInChallenges).set({ verifiedAt: sql`now()`, expiresAt: sql`now() + interval '15 minutes'` }).where(eq(signInChallenges.id, challenge.id));
    await writeAudit(tx, challenge, { action: 'account.two_step_enable', outcome: 'allowed', entityType: 'user', entityId: challenge.userId, ip: client.ip, detail: { during: 'sign_in' } });
    return { ok: true, recoveryCodes } as const;
  });
}

/** The second step: a code from the authenticator or a recovery code; a right one opens the session. */
export async function completeSignInWithCode(token: string | undefined, code: string, client: ClientInfo): Promise<SecondStepResult> {
  if (await refuseIfThrottled(client)) return { ok: false, reason: 'throttled' };
  return getDb().transaction(async (tx) => {
    const challenge = await readChallenge(token, tx);
    if (!challenge || challenge.enrol || challenge.verified) return { ok: false, reason: 'expired' } as const;
    const check = await useSecondStepCode(tx, challenge.userId, code);
    if (!check.ok) {
      await recordFailedSignIn(tx, challenge, client.ip, check.reason === 'replayed' ? 'replayed_code' : 'wrong_code');
      return { ok: false, reason: check.reason } as const;
    }
    return finish(tx, challenge, client, { secondStep: check.via });
  });
}

/** After a confirmed enrolment (and the recovery codes shown): the session opens. */
export async function completeVerifiedSignIn(token: string | undefined, client: ClientInfo): Promise<SecondStepResult> {
  return getDb().transaction(async (tx) => {
    const challenge = await readChallenge(token, tx);
    if (!challenge?.verified) return { ok: false, reason: 'expired' } as const;
    return finish(tx, challenge, client, { secondStep: 'enrolment' });
  });
}

async function finish(tx: Tx, challenge: Challenge, client: ClientInfo, detail: Record<string, unknown>): Promise<SecondStepResult> {
  const [used] = await tx
    .update(signInChallenges)
    .set({ usedAt: sql`now()` })
    .where(and(eq(signInChallenges.id, challenge.id), isNull(signInChallenges.usedAt)))
    .returning({ id: signInChallenges.id });
  if (!used) return { ok: false, reason: 'expired' };
  const sessionId = await openSession(tx, challenge, client, detail);
  return { ok: true, userId: challenge.userId, sessionId };
}
