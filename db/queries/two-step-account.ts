import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { sessions, users } from '../schema';
import { clearTotpSecret, confirmPendingSecret, readTotpState, writePendingSecret } from '../totp-secrets';
import { recordFailedSignIn } from './sign-in';
import { pendingCodeStep, removeRecoveryCodes, replaceRecoveryCodes, unusedRecoveryCodes, useSecondStepCode } from './two-step-codes';
import { verifyPassword } from '@/lib/auth/password';
import { newTotpSecret, requiresTwoStep, totpUri } from '@/lib/auth/totp';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, ForbiddenError, NotFoundError } from '@/lib/errors';

/**
 * Two-step sign-in on My account (one's own only) and the admin's reset for a lost phone.
 * Wrong codes and passwords where a stolen session could guess count as failed sign-ins.
 */

export type TwoStepStatus = { enabled: boolean; required: boolean; recoveryCodesLeft: number };

export async function twoStepStatus(viewer: Viewer | null): Promise<TwoStepStatus> {
  const me = await authorize(viewer, 'account:self', { action: 'account.two_step' });
  const state = await readTotpState(getDb(), me.userId);
  const enabled = Boolean(state?.secret);
  return { enabled, required: requiresTwoStep(me.role), recoveryCodesLeft: enabled ? await unusedRecoveryCodes(getDb(), me.userId) : 0 };
}

/** A new secret to add to an authenticator app; two-step is on only once a code from it is confirmed. */
export async function startTwoStepEnrolment(viewer: Viewer | null, ip: string | null): Promise<{ secret: string; uri: string }> {
  const me = await authorize(viewer, 'account:self', { action: 'account.two_step_enable', entityType: 'user', entityId: viewer?.userId, ip });
  const db = getDb();
  if ((await readTotpState(db, me.userId))?.secret) throw new ConflictError('two-step already on');
  const secret = newTotpSecret();
  await writePendingSecret(db, me.userId, secret);
  return { secret, uri: totpUri(secret, me.email) };
}

/** The first code from the new authenticator: two-step on, recovery codes made (returned once). */
export async function confirmTwoStepEnrolment(viewer: Viewer | null, password: string, code: string, ip: string | null): Promise<string[]> {
  const me = await authorize(viewer, 'account:self', { action: 'account.two_step_enable', entityType: 'user', entityId: viewer?.userId, ip });
  await requirePassword(me, password, ip, 'two_step_enable_wrong_password');
  return getDb().transaction(async (tx) => {
    const state = await readTotpState(tx, me.userId);
    if (state?.secret) throw new ConflictError('two-step already on');
    const step = await pendingCodeStep(tx, me.userId, code);
    if (step === null) throw new FieldValidationError({ code: 'codeWrong' });
    await confirmPendingSecret(tx, me.userId, step);
    const codes = await replaceRecoveryCodes(tx, me.userId);
    await writeAudit(tx, me, { action: 'account.two_step_enable', outcome: 'allowed', entityType: 'user', entityId: me.userId, ip });
    return codes;
  });
}

/** The person's own password, or a refusal counted as a failed sign-in (toward the lockout). */
async function requirePassword(me: Viewer, password: string, ip: string | null, reason: string): Promise<void> {
  const db = getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.userId));
  if (await verifyPassword(password, row?.passwordHash)) return;
  await db.transaction((tx) => recordFailedSignIn(tx, me, ip, reason));
  throw new FieldValidationError({ password: 'passwordWrong' });
}

/** New recovery codes replace the old ones; needs a current code. */
export async function regenerateRecoveryCodes(viewer: Viewer | null, code: string, ip: string | null): Promise<string[]> {
  const me = await authorize(viewer, 'account:self', { action: 'account.recovery_codes', entityType: 'user', entityId: viewer?.userId, ip });
  const db = getDb();
  if (!(await readTotpState(db, me.userId))?.secret) throw new ConflictError('two-step is off');
  const result = await db.transaction(async (tx) => {
    const check = await useSecondStepCode(tx, me.userId, code);
    if (!check.ok) return check;
    const codes = await replaceRecoveryCodes(tx, me.userId);
    await writeAudit(tx, me, { action: 'account.recovery_codes', outcome: 'allowed', entityType: 'user', entityId: me.userId, ip });
    return { ok: true, codes } as const;
  });
  if (!result.ok) await refuseCode(me, ip, result.reason, 'account.recovery_codes');
  return result.ok ? result.codes : [];
}

/** Off again, with the password and a current code; never for admins and managers, who must keep it. */
export async function disableTwoStep(viewer: Viewer | null, password: string, code: string, ip: string | null): Promise<void> {
  const me = await authorize(viewer, 'account:self', { action: 'account.two_step_disable', entityType: 'user', entityId: viewer?.userId, ip });
  const db = getDb();
  if (requiresTwoStep(me.role)) {
    await writeAudit(db, me, { action: 'account.two_step_disable', outcome: 'denied', entityType: 'user', entityId: me.userId, ip, detail: { reason: 'required_for_role' } });
    throw new ForbiddenError('two-step required');
  }
  if (!(await readTotpState(db, me.userId))?.secret) throw new ConflictError('two-step is off');
  await requirePassword(me, password, ip, 'two_step_disable_wrong_password');
  const result = await db.transaction(async (tx) => {
    const check = await useSecondStepCode(tx, me.userId, code);
    if (!check.ok) return check;
    await clearTotpSecret(tx, me.userId);
    await removeRecoveryCodes(tx, me.userId);
    await writeAudit(tx, me, { action: 'account.two_step_disable', outcome: 'allowed', entityType: 'user', entityId: me.userId, ip });
    return { ok: true } as const;
  });
  if (!result.ok) await refuseCode(me, ip, result.reason, 'account.two_step_disable');
}

async function refuseCode(me: Viewer, ip: string | null, reason: 'wrong' | 'replayed', action: string): Promise<never> {
  await getDb().transaction((tx) => recordFailedSignIn(tx, me, ip, `${action}_${reason}_code`));
  throw new FieldValidationError({ code: reason === 'replayed' ? 'codeReplayed' : 'codeWrong' });
}

/**
 * An admin's reset for someone who lost their phone: their authenticator and recovery codes
 * are forgotten and their sessions end. Admins and managers enrol again at their next sign-in.
 */
export async function resetTwoStepOf(viewer: Viewer | null, userId: string, ip: string | null): Promise<void> {
  const me = await authorize(viewer, 'users:manage', { action: 'user.two_step_reset', entityType: 'user', entityId: userId, ip });
  await getDb().transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!target) throw new NotFoundError('user');
    if (!(await readTotpState(tx, userId))?.secret) throw new ConflictError('two-step is off');
    await clearTotpSecret(tx, userId);
    await removeRecoveryCodes(tx, userId);
    await tx.update(sessions).set({ revokedAt: sql`now()`, revokedReason: 'two_step_reset' }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    await writeAudit(tx, me, { action: 'user.two_step_reset', outcome: 'allowed', entityType: 'user', entityId: userId, ip });
  });
}
