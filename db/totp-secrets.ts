import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { users } from './schema';

/**
 * The one place that reads or writes TOTP secrets (users.totp_secret and
 * users.totp_pending_secret). They are kept as plain base32 text for now: field
 * encryption is to be applied here, and nowhere else needs to change.
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
      secret: users.totpSecret,
      enabledAt: users.totpEnabledAt,
      lastStep: users.totpLastStep,
      pendingSecret: users.totpPendingSecret,
      pendingAt: users.totpPendingAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  return { ...row, secret: row.enabledAt ? row.secret : null };
}

/** A secret shown for enrolment, waiting for its first code. */
export async function writePendingSecret(executor: Executor, userId: string, secret: string): Promise<void> {
  await executor.update(users).set({ totpPendingSecret: secret, totpPendingAt: sql`now()` }).where(eq(users.id, userId));
}

/** The pending secret becomes the account's secret; `step` is the confirming code's, so it can't be replayed. */
export async function confirmPendingSecret(tx: Tx, userId: string, step: number): Promise<void> {
  await tx
    .update(users)
    .set({
      totpSecret: sql`${users.totpPendingSecret}`,
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
  await tx.update(users).set({ totpSecret: secret, totpEnabledAt: sql`now()` }).where(eq(users.id, userId));
}
