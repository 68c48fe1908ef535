import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { agencies, sessions, users } from '../schema';
import { issueSetPasswordToken } from './set-password';
import type { Viewer } from '@/lib/policy';
import type { CreateUserInput } from '@/lib/validation/people';
import { ConflictError, FieldValidationError, NotFoundError } from '@/lib/errors';

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (err: unknown): boolean =>
  (err as { code?: string })?.code === UNIQUE_VIOLATION || (err as { cause?: { code?: string } })?.cause?.code === UNIQUE_VIOLATION;

/** Agencies a person may be attached to, for the people forms and filters. */
export async function listAgencyChoices(viewer: Viewer | null) {
  await authorize(viewer, 'users:manage', { action: 'user.agency_choices' });
  return getDb().select({ id: agencies.id, name: agencies.name, nameKm: agencies.nameKm, active: agencies.active }).from(agencies).orderBy(asc(agencies.name));
}

/**
 * Adds a person with no password, and returns the token of their one-time set-password
 * link (shown once to the admin; only its hash is kept). Audited with ids and the role only.
 */
export async function createUser(viewer: Viewer | null, input: CreateUserInput, ip: string | null): Promise<{ userId: string; token: string }> {
  const actor = await authorize(viewer, 'users:manage', { action: 'user.create', entityType: 'user', ip, detail: { role: input.role } });
  try {
    return await getDb().transaction(async (tx) => {
      const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.id, input.agencyId), eq(agencies.active, true)));
      if (!agency) throw new FieldValidationError({ agencyId: 'agency' });
      const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
      if (taken) throw new FieldValidationError({ email: 'emailTaken' });
      const [created] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email.toLowerCase(), role: input.role, agencyId: input.agencyId, locale: input.locale, createdBy: actor.userId })
        .returning({ id: users.id });
      const token = await issueSetPasswordToken(tx, created!.id, 'invite', actor.userId);
      await writeAudit(tx, actor, { action: 'user.create', outcome: 'allowed', entityType: 'user', entityId: created!.id, ip, detail: { role: input.role, agencyId: input.agencyId } });
      return { userId: created!.id, token };
    });
  } catch (err) {
    // Two admins adding the same email at once: the unique index decides.
    if (isUniqueViolation(err)) throw new FieldValidationError({ email: 'emailTaken' });
    throw err;
  }
}

/**
 * Forces a new password: the old one stops working, every session ends, and a new one-time
 * link is returned for the admin to hand over. Not for one's own account (My account changes
 * it without locking oneself out).
 */
export async function forcePasswordReset(viewer: Viewer | null, userId: string, ip: string | null): Promise<{ token: string }> {
  const actor = await authorize(viewer, 'users:manage', { action: 'user.password_reset', entityType: 'user', entityId: userId, ip });
  if (actor.userId === userId) throw new ConflictError('own_account', { reason: 'ownAccount' });
  return getDb().transaction(async (tx) => {
    const [target] = await tx
      .update(users)
      .set({ passwordHash: null, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!target) throw new NotFoundError('user');
    await tx
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: 'password_reset' })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    const token = await issueSetPasswordToken(tx, userId, 'reset', actor.userId);
    await writeAudit(tx, actor, { action: 'user.password_reset', outcome: 'allowed', entityType: 'user', entityId: userId, ip });
    return { token };
  });
}
