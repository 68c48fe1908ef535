import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { apiRateLimits, apiTokens, users } from '../schema';
import { hashApiToken, newApiToken } from '@/lib/auth/api-token';
import type { Viewer } from '@/lib/policy';
import { NotFoundError } from '@/lib/errors';
import type { CreateTokenInput } from '@/lib/validation/api-token';

// Writing last_used_at on every call would turn reads into writes; a minute is precise enough.
const TOUCH_AFTER_SECONDS = 60;

/** A new personal access token for oneself. The token is returned once and never stored. */
export async function createOwnToken(viewer: Viewer | null, input: CreateTokenInput, ip: string | null) {
  const me = await authorize(viewer, 'account:self', { action: 'api_token.create', ip });
  const { token, hash, displayPrefix } = newApiToken();
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: me.userId, name: input.name, tokenHash: hash, prefix: displayPrefix, expiresAt: sql`now() + make_interval(days => ${input.expiresInDays})` })
      .returning({ id: apiTokens.id, expiresAt: apiTokens.expiresAt });
    await writeAudit(tx, me, { action: 'api_token.create', outcome: 'allowed', entityType: 'api_token', entityId: row!.id, ip, detail: { expiresInDays: input.expiresInDays } });
    return { id: row!.id, token, prefix: displayPrefix, expiresAt: row!.expiresAt };
  });
}

/** One's own tokens, newest first, revoked and expired ones included (marked as such). */
export async function listOwnTokens(viewer: Viewer | null) {
  const me = await authorize(viewer, 'account:self', { action: 'api_token.list' });
  return getDb()
    .select({
      id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt,
      expired: sql<boolean>`${apiTokens.expiresAt} <= now()`,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, me.userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of one's own tokens; its next call gets 401. Someone else's token reads as missing. */
export async function revokeOwnToken(viewer: Viewer | null, tokenId: string, ip: string | null): Promise<void> {
  const me = await authorize(viewer, 'account:self', { action: 'api_token.revoke', entityType: 'api_token', entityId: tokenId, ip });
  const db = getDb();
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, me.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (row) await writeAudit(tx, me, { action: 'api_token.revoke', outcome: 'allowed', entityType: 'api_token', entityId: tokenId, ip });
    return Boolean(row);
  });
  if (!revoked) {
    await writeAudit(db, me, { action: 'api_token.revoke', outcome: 'denied', entityType: 'api_token', entityId: tokenId, ip, detail: { reason: 'not_found_or_not_own' } });
    throw new NotFoundError('api_token');
  }
}

/**
 * The viewer behind a bearer token, exactly as a session would give it: role, agency and
 * active status read fresh on every call, so a revoked or expired token, or a deactivated
 * or locked owner, is refused at once (null).
 */
export async function viewerForToken(token: string): Promise<Viewer | null> {
  const db = getDb();
  const [row] = await db
    .select({
      tokenId: apiTokens.id, userId: users.id, role: users.role, agencyId: users.agencyId, name: users.name, email: users.email,
      locale: users.locale, khmerDigits: users.khmerDigits,
      stale: sql<boolean>`${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - make_interval(secs => ${TOUCH_AFTER_SECONDS})`,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(
      eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt), sql`${apiTokens.expiresAt} > now()`,
      eq(users.active, true), isNull(users.lockedAt),
    ));
  if (!row) return null;
  if (row.stale) await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  const { tokenId, userId, role, agencyId, name, email, locale, khmerDigits } = row;
  // No session behind an API call: the token stands in for it.
  return { userId, role, agencyId, name, email, locale, khmerDigits, sessionId: tokenId, apiTokenId: tokenId };
}

/**
 * Counts one call against the token's fixed window, in one statement (so concurrent calls
 * from several app instances count exactly). Returns whether it is within the limit and,
 * if not, the seconds until the window resets.
 */
export async function countApiCall(tokenId: string, limit: number, windowSeconds: number): Promise<{ allowed: boolean; retryAfter: number }> {
  const fresh = sql`${apiRateLimits.windowStart} <= now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await getDb()
    .insert(apiRateLimits)
    .values({ tokenId, windowStart: sql`now()`, calls: 1 })
    .onConflictDoUpdate({
      target: apiRateLimits.tokenId,
      set: {
        calls: sql`case when ${fresh} then 1 else ${apiRateLimits.calls} + 1 end`,
        windowStart: sql`case when ${fresh} then now() else ${apiRateLimits.windowStart} end`,
      },
    })
    .returning({
      calls: apiRateLimits.calls,
      retryAfter: sql<number>`greatest(1, ceil(extract(epoch from (${apiRateLimits.windowStart} + make_interval(secs => ${windowSeconds}) - now()))))::int`,
    });
  return { allowed: row!.calls <= limit, retryAfter: row!.retryAfter };
}
