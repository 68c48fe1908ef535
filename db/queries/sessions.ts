import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { sessions, users } from '../schema';
import { SESSION_IDLE_MINUTES } from '@/lib/auth/config';
import type { Viewer } from '@/lib/policy';

// Writing last_seen_at on every request would turn reads into writes; a minute is precise enough.
const TOUCH_AFTER_SECONDS = 60;

/**
 * The viewer behind a session id, or null when the session is unknown, revoked, idle too
 * long, past its maximum age, or its user is deactivated or locked. Role and agency are read
 * fresh, so a role change acts on the very next request.
 */
export async function viewerForSession(sessionId: string, userId: string): Promise<Viewer | null> {
  const db = getDb();
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: users.id,
      role: users.role,
      agencyId: users.agencyId,
      name: users.name,
      email: users.email,
      locale: users.locale,
      khmerDigits: users.khmerDigits,
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_AFTER_SECONDS})`,
      idle: sql<boolean>`${sessions.lastSeenAt} < now() - make_interval(mins => ${SESSION_IDLE_MINUTES})`,
      expired: sql<boolean>`${sessions.expiresAt} <= now()`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt), eq(users.active, true), isNull(users.lockedAt)));
  if (!row) return null;
  if (row.idle || row.expired) {
    await revokeSession(sessionId, row.idle ? 'idle' : 'expired');
    return null;
  }
  if (row.stale) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
  }
  return { sessionId: row.sessionId, userId: row.userId, role: row.role, agencyId: row.agencyId, name: row.name, email: row.email, locale: row.locale, khmerDigits: row.khmerDigits };
}

export async function revokeSession(sessionId: string, reason: string): Promise<void> {
  await getDb()
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Sign-out: ends the viewer's own session on the server, so a copied cookie is worthless. */
export async function signOutViewer(viewer: Viewer, ip: string | null): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: 'sign_out' })
      .where(and(eq(sessions.id, viewer.sessionId), isNull(sessions.revokedAt)));
    await writeAudit(tx, viewer, { action: 'auth.sign_out', outcome: 'allowed', ip, entityType: 'session', entityId: viewer.sessionId });
  });
}
