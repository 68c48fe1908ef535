import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Role } from '@/lib/vocabulary';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const TOTP_ISSUER = 'CPU case records';
export const RECOVERY_CODE_COUNT = 10;
/** How long a password accepted without its second step stays usable. */
export const CHALLENGE_MINUTES = 5;

/** Admins and managers may not sign in with a password alone. */
export function requiresTwoStep(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'account'): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The 30-second period a moment falls in, counted from 1970. */
export function timeStep(atMs: number = Date.now()): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

export function codeForStep(secret: string, step: number): string {
  return totp(secret).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/**
 * The time step a code belongs to, accepting one step either side of now for clock drift,
 * or null when it matches none of them. Whether that step was already used is the caller's check.
 */
export function stepOfCode(secret: string, code: string, atMs: number = Date.now()): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: atMs, window: 1 });
  return delta === null ? null : timeStep(atMs) + delta;
}

// Recovery codes: 10 characters of lower-case base32 (50 random bits), shown as "abcde-fghij".
const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Random and long enough that a fast hash suffices, as for one-time links; a dump gives no usable code. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, ''), 'utf8').digest('hex');
}

export type SecondStepCode = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string };

/** What was typed in the code field: six digits (spaces allowed), or a recovery code; else null. */
export function parseSecondStepCode(raw: string): SecondStepCode | null {
  const compact = raw.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  if (/^[a-z2-7]{10}$/.test(compact)) return { kind: 'recovery', code: compact };
  return null;
}
