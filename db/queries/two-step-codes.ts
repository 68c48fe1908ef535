import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { recoveryCodes, users } from '../schema';
import { readTotpState } from '../totp-secrets';
import { hashRecoveryCode, newRecoveryCodes, parseSecondStepCode, stepOfCode } from '@/lib/auth/totp';

/** 'replayed': a right code whose time step was already used (or an earlier one). */
export type CodeCheck = { ok: true; via: 'totp' | 'recovery' } | { ok: false; reason: 'wrong' | 'replayed' };

/**
 * Checks a code from the person's authenticator, or one of their recovery codes, and uses it
 * up in the same statement: the time step is recorded only when it is later than the last
 * one accepted, a recovery code is marked used only while unused, so two requests racing
 * with the same code can't both pass.
 */
export async function useSecondStepCode(tx: Tx, userId: string, typed: string): Promise<CodeCheck> {
  const parsed = parseSecondStepCode(typed);
  if (!parsed) return { ok: false, reason: 'wrong' };
  if (parsed.kind === 'recovery') {
    const [used] = await tx
      .update(recoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(parsed.code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return used ? { ok: true, via: 'recovery' } : { ok: false, reason: 'wrong' };
  }
  const state = await readTotpState(tx, userId);
  if (!state?.secret) return { ok: false, reason: 'wrong' };
  const step = stepOfCode(state.secret, parsed.code);
  if (step === null) return { ok: false, reason: 'wrong' };
  const [accepted] = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return accepted ? { ok: true, via: 'totp' } : { ok: false, reason: 'replayed' };
}

/** The time step of a code from the pending (not yet confirmed) secret, or null. */
export async function pendingCodeStep(executor: Db | Tx, userId: string, typed: string): Promise<number | null> {
  const parsed = parseSecondStepCode(typed);
  if (parsed?.kind !== 'totp') return null;
  const state = await readTotpState(executor, userId);
  return state?.pendingSecret ? stepOfCode(state.pendingSecret, parsed.code) : null;
}

/** A new set of recovery codes replaces the old: returned once in plain text, kept only as hashes. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = newRecoveryCodes();
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

export async function removeRecoveryCodes(tx: Tx, userId: string): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function unusedRecoveryCodes(executor: Db | Tx, userId: string): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
