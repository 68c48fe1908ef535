import 'server-only';
import { and, asc, eq, ilike, isNotNull, ne, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { agencies, sessions, users } from '../schema';
import type { Viewer } from '@/lib/policy';
import type { Locale, Role } from '@/lib/vocabulary';
import { ConflictError, NotFoundError } from '@/lib/errors';

export type UserFilters = {
  /** Part of a name or an email. */
  q?: string;
  role?: Role;
  agencyId?: string;
  status?: 'active' | 'inactive' | 'locked';
};

/** Turns a search into a LIKE pattern that matches it literally (%, _ and \\ are escaped). */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listUsers(viewer: Viewer | null, filters: UserFilters = {}) {
  await authorize(viewer, 'users:manage', { action: 'user.list' });
  const q = filters.q?.trim();
  const conditions = [
    q ? or(ilike(users.name, containing(q)), ilike(users.email, containing(q))) : undefined,
    filters.role ? eq(users.role, filters.role) : undefined,
    filters.agencyId ? eq(users.agencyId, filters.agencyId) : undefined,
    filters.status === 'active' ? eq(users.active, true) : undefined,
    filters.status === 'inactive' ? eq(users.active, false) : undefined,
    filters.status === 'locked' ? isNotNull(users.lockedAt) : undefined,
  ];
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      locked: sql<boolean>`${users.lockedAt} is not null`,
      twoStep: sql<boolean>`${users.totpEnabledAt} is not null`,
      agencyName: agencies.name,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(...conditions))
    .orderBy(asc(users.name));
}

/**
 * Refuses when this change would leave no active administrator. Call it inside the change's
 * transaction after lockAdminChanges, so two admins can't each remove the other at once.
 */
async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const [others] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)));
  if (!others || others.n === 0) throw new ConflictError('last_admin', { reason: 'lastAdmin' });
}

// Serialises every change that could remove an administrator (deactivation, role change).
const lockAdminChanges = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(727002)`);

/**
 * Gives a person another role, from their very next request: the session row stays, but
 * every request reads the role from the account (lib/auth/viewer.ts), so no page is ever
 * served under the old role. The last active administrator can't be demoted.
 */
export async function changeUserRole(viewer: Viewer | null, userId: string, role: Role, ip: string | null): Promise<void> {
  const actor = await authorize(viewer, 'users:manage', { action: 'user.role_change', entityType: 'user', entityId: userId, ip, detail: { to: role } });
  await getDb().transaction(async (tx) => {
    await lockAdminChanges(tx);
    const [target] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId));
    if (!target) throw new NotFoundError('user');
    if (target.role === role) return;
    if (target.role === 'admin' && target.active) await assertAnotherActiveAdmin(tx, userId);
    await tx.update(users).set({ role, updatedAt: sql`now()`, version: sql`${users.version} + 1` }).where(eq(users.id, userId));
    await writeAudit(tx, actor, { action: 'user.role_change', outcome: 'allowed', entityType: 'user', entityId: userId, ip, detail: { from: target.role, to: role } });
  });
}

/**
 * Deactivates or reactivates an account. Deactivation ends the person's sessions at once;
 * the last active administrator can't be deactivated.
 */
export async function setUserActive(viewer: Viewer | null, userId: string, active: boolean, ip: string | null): Promise<void> {
  const actor = await authorize(viewer, 'users:manage', { action: active ? 'user.reactivate' : 'user.deactivate', entityType: 'user', entityId: userId, ip });
  await getDb().transaction(async (tx) => {
    await lockAdminChanges(tx);
    const [target] = await tx.select({ id: users.id, role: users.role, active: users.active }).from(users).where(eq(users.id, userId));
    if (!target) throw new NotFoundError('user');
    if (!active && target.role === 'admin') await assertAnotherActiveAdmin(tx, userId);
    await tx
      .update(users)
      .set({ active, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
      .where(eq(users.id, userId));
    if (!active) {
      await tx
        .update(sessions)
        .set({ revokedAt: sql`now()`, revokedReason: 'deactivated' })
        .where(and(eq(sessions.userId, userId), sql`${sessions.revokedAt} is null`));
    }
    await writeAudit(tx, actor, {
      action: active ? 'user.reactivate' : 'user.deactivate',
      outcome: 'allowed',
      entityType: 'user',
      entityId: userId,
      ip,
    });
  });
}

export async function setOwnLocale(viewer: Viewer, locale: Locale): Promise<void> {
  await getDb().update(users).set({ locale, updatedAt: sql`now()` }).where(eq(users.id, viewer.userId));
}

/** Lifts a sign-in lockout; failures before now no longer count towards the next one. */
export async function unlockUser(viewer: Viewer | null, userId: string, ip: string | null): Promise<void> {
  const actor = await authorize(viewer, 'users:manage', { action: 'user.unlock', entityType: 'user', entityId: userId, ip });
  await getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ lockedAt: null, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated) throw new NotFoundError('user');
    await writeAudit(tx, actor, { action: 'user.unlock', outcome: 'allowed', entityType: 'user', entityId: userId, ip });
  });
}

/** The reader's own choice of Khmer or Latin digits; nobody else's account is touched. */
export async function setOwnKhmerDigits(viewer: Viewer, khmerDigits: boolean): Promise<void> {
  await getDb().update(users).set({ khmerDigits, updatedAt: sql`now()` }).where(eq(users.id, viewer.userId));
}
