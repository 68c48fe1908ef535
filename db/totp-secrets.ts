import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { users } from './schema';
import { openIdentity, sealIdentity } from './identity-fields';

/**
 * The one place that reads or writes TOTP secrets (users.totp_secret and
 * users.totp_pending_secret). They are stored encrypted like the identity fields
 * (db/identity-fields.ts), each bound to its column and account, so a database copy alone
 * cannot compute anyone's codes; key rotation re-encrypts them with the rest.
 */

type Executor = Db | Tx;

export type TotpState = {
  /** The confirmed secret, or null when two-step sign-in is off. */
  secret: string | null;
  enabledAt: Date | null;
  lastStep: number | null;
  pendingSecret: string | null;
  pendingAt: Date | null;
};

export async function readTotpState(executor: Executor, userId: string): Promise<TotpState | null> {
  const [row] = await executor
    .select({
      totpSecret: users.totpSecret,
      enabledAt: users.totpEnabledAt,
      lastStep: users.totpLastStep,
      totpPendingSecret: users.totpPendingSecret,
      pendingAt: users.totpPendingAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  const { totpSecret, totpPendingSecret, ...rest } = openIdentity('users', userId, row);
  return { ...rest, secret: rest.enabledAt ? totpSecret : null, pendingSecret: totpPendingSecret };
}

/** A secret shown for enrolment, waiting for its first code. */
export async function writePendingSecret(executor: Executor, userId: string, secret: string): Promise<void> {
  const { totpPendingSecret } = sealIdentity('users', userId, { totpPendingSecret: secret });
  await executor.update(users).set({ totpPendingSecret, totpPendingAt: sql`now()` }).where(eq(users.id, userId));
}

/** The pending secret becomes the account's secret; `step` is the confirming code's, so it can't be replayed. */
export async function confirmPendingSecret(tx: Tx, userId: string, step: number): Promise<void> {
  const state = await readTotpState(tx, userId);
  if (!state?.pendingSecret) throw new Error('confirmPendingSecret: no pending secret');
  // Re-encrypted, not copied: each ciphertext is bound to its own column.
  const { totpSecret } = sealIdentity('users', userId, { totpSecret: state.pendingSecret });
  await tx
    .update(users)
    .set({
      totpSecret,
      totpEnabledAt: sql`now()`,
      totpLastStep: step,
      totpPendingSecret: null,
      totpPendingAt: null,
      updatedAt: sql`now()`,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, userId));
}

/** Two-step sign-in off: the secret, any pending one and the replay marker go. */
export async function clearTotpSecret(tx: Tx, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecret: null, totpPendingAt: null, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}

/** Demo and test seeds only: an account that starts with two-step sign-in on, with a known secret. */
export async function seedTotpSecret(tx: Tx, userId: string, secret: string): Promise<void> {
  const { totpSecret } = sealIdentity('users', userId, { totpSecret: secret });
  await tx.update(users).set({ totpSecret, totpEnabledAt: sql`now()` }).where(eq(users.id, userId));
}
