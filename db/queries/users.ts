import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { agencies, sessions, users } from '../schema';
import type { Viewer } from '@/lib/policy';
import type { Locale } from '@/lib/vocabulary';
import { ConflictError, NotFoundError } from '@/lib/errors';

export async function listUsers(viewer: Viewer | null) {
  await authorize(viewer, 'users:manage', { action: 'user.list' });
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      locked: sql<boolean>`${users.lockedAt} is not null`,
      agencyName: agencies.name,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .orderBy(asc(users.name));
}

/**
 * Deactivates or reactivates an account. Deactivation ends the person's sessions at once;
 * the last active administrator can't be deactivated.
 */
export async function setUserActive(viewer: Viewer | null, userId: string, active: boolean, ip: string | null): Promise<void> {
  const actor = await authorize(viewer, 'users:manage', { action: active ? 'user.reactivate' : 'user.deactivate', entityType: 'user', entityId: userId, ip });
  await getDb().transaction(async (tx) => {
    // Serialise admin changes so two admins can't deactivate each other at the same moment.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const [target] = await tx.select({ id: users.id, role: users.role, active: users.active }).from(users).where(eq(users.id, userId));
    if (!target) throw new NotFoundError('user');
    if (!active && target.role === 'admin') {
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)));
      if (!others || others.n === 0) throw new ConflictError('last_admin');
    }
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
