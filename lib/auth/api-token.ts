import { createHash, randomBytes } from 'node:crypto';

/** Tokens look like "cpu_" + 43 URL-safe characters (256 random bits). */
export const TOKEN_PREFIX = 'cpu_';
const TOKEN_PATTERN = /^cpu_[A-Za-z0-9_-]{43}$/;

/** A new token, its SHA-256 (what the database keeps) and the few characters shown in lists. */
export function newApiToken(): { token: string; hash: string; displayPrefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashApiToken(token), displayPrefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The token of an "Authorization: Bearer <token>" header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer ([^\s]+)$/i.exec(header?.trim() ?? '');
  return match && looksLikeApiToken(match[1]!) ? match[1]! : null;
}
