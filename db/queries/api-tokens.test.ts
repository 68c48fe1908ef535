import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { hashApiToken } from '@/lib/auth/api-token';
import { createTokenInput } from '@/lib/validation/api-token';
import { countApiCall, createOwnToken, listOwnTokens, revokeOwnToken, viewerForToken } from './api-tokens';

const testDb = useTestDatabase();
let investigator: Viewer, liaison: Viewer;

beforeAll(async () => {
  ({ investigator, liaison } = await demoViewers(testDb));
});

type TokenRow = { token_hash: string; prefix: string; expires_at: Date; revoked_at: Date | null; name: string; user_id: string };
const row = async (id: string) => (await testDb.query<TokenRow>(`select * from api_tokens where id = $1`, [id]))[0]!;

describe('personal access tokens', () => {
  it('stores only a SHA-256 of the token and a short prefix; the token is returned once', async () => {
    const made = await createOwnToken(investigator, { name: 'Reporting script', expiresInDays: 90 }, '198.51.100.9');
    expect(made.token).toMatch(/^cpu_[A-Za-z0-9_-]{43}$/);
    const stored = await row(made.id);
    expect(stored.token_hash).toBe(hashApiToken(made.token));
    expect(JSON.stringify(stored)).not.toContain(made.token.slice(10));
    expect(made.token.startsWith(stored.prefix)).toBe(true);
    expect(stored.prefix.length).toBeLessThanOrEqual(10);
    const days = (stored.expires_at.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    const audit = await testDb.query<{ outcome: string; detail: Record<string, unknown> }>(
      `select outcome, detail from audit_events where action = 'api_token.create' and entity_id = $1`, [made.id]);
    expect(audit).toEqual([{ outcome: 'allowed', detail: { expiresInDays: 90 } }]);
    const listed = await listOwnTokens(investigator);
    expect(listed.find((t) => t.id === made.id)).toMatchObject({ name: 'Reporting script', prefix: stored.prefix, revokedAt: null, expired: false });
    expect(JSON.stringify(listed)).not.toContain(stored.token_hash);
  });

  it('refuses an expiry beyond a year, or none, and a blank name (the form\'s schema)', () => {
    expect(createTokenInput.safeParse({ name: 'x', expiresInDays: 366 }).success).toBe(false);
    expect(createTokenInput.safeParse({ name: 'x' }).success).toBe(false);
    expect(createTokenInput.safeParse({ name: '  ', expiresInDays: 30 }).success).toBe(false);
    expect(createTokenInput.safeParse({ name: 'x', expiresInDays: '365' }).success).toBe(true);
  });

  it('resolves to the owner as a Viewer with the token id; revoked, it resolves to nothing', async () => {
    const made = await createOwnToken(investigator, { name: 'To revoke', expiresInDays: 30 }, null);
    const viewer = await viewerForToken(made.token);
    expect(viewer).toMatchObject({ userId: investigator.userId, role: 'investigator', agencyId: investigator.agencyId, apiTokenId: made.id });
    await revokeOwnToken(investigator, made.id, '198.51.100.9');
    expect(await viewerForToken(made.token)).toBeNull();
    const audit = await testDb.query<{ outcome: string }>(`select outcome from audit_events where action = 'api_token.revoke' and entity_id = $1`, [made.id]);
    expect(audit).toEqual([{ outcome: 'allowed' }]);
    // Revoking again: nothing to revoke.
    await expect(revokeOwnToken(investigator, made.id, null)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('someone else\'s token reads as missing, is left working, and the attempt is audited', async () => {
    const mine = await createOwnToken(investigator, { name: 'Mine', expiresInDays: 30 }, null);
    const before = await row(mine.id);
    await expect(revokeOwnToken(liaison, mine.id, null)).rejects.toBeInstanceOf(NotFoundError);
    expect(await row(mine.id)).toEqual(before);
    expect(await viewerForToken(mine.token)).not.toBeNull();
    const denied = await testDb.query<{ actor_id: string }>(`select actor_id from audit_events where action = 'api_token.revoke' and outcome = 'denied' and entity_id = $1`, [mine.id]);
    expect(denied).toEqual([{ actor_id: liaison.userId }]);
    expect((await listOwnTokens(liaison)).some((t) => t.id === mine.id)).toBe(false);
  });

  it('refuses without a viewer, writing no token', async () => {
    const before = await testDb.query(`select count(*)::int as n from api_tokens`);
    await expect(createOwnToken(null, { name: 'x', expiresInDays: 30 }, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await testDb.query(`select count(*)::int as n from api_tokens`)).toEqual(before);
  });

  it('counts calls per token in one statement: concurrent calls are each counted once', async () => {
    const made = await createOwnToken(investigator, { name: 'Counter', expiresInDays: 30 }, null);
    const results = await Promise.all(Array.from({ length: 12 }, () => countApiCall(made.id, 10, 60)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfter >= 1 && r.retryAfter <= 60)).toBe(true);
    const [count] = await testDb.query<{ calls: number }>(`select calls from api_rate_limits where token_id = $1`, [made.id]);
    expect(count!.calls).toBe(12);
  });
});
