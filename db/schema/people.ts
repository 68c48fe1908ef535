import { sql } from 'drizzle-orm';
import { bigserial, boolean, char, index, inet, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { audited } from './columns';
import { agencyKindEnum, localeEnum, roleEnum } from './enums';
import { provinces } from './reference';

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  nameKm: text('name_km'),
  kind: agencyKindEnum('kind').notNull(),
  provinceCode: char('province_code', { length: 2 }).references(() => provinces.code),
  active: boolean('active').notNull().default(true),
  ...audited(),
}, (t) => [uniqueIndex('agencies_name_key').on(sql`lower(${t.name})`)]);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: roleEnum('role').notNull(),
  agencyId: uuid('agency_id').references(() => agencies.id),
  locale: localeEnum('locale').notNull().default('en'),
  /** Numbers and dates in Khmer digits (០១២) on Khmer pages; Latin digits when false. */
  khmerDigits: boolean('khmer_digits').notNull().default(false),
  /** argon2id; null until the person sets a password through their one-time link. */
  passwordHash: text('password_hash'),
  active: boolean('active').notNull().default(true),
  lockedAt: timestamp('locked_at', { withTimezone: true }),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  setPasswordTokenHash: text('set_password_token_hash'),
  setPasswordExpiresAt: timestamp('set_password_expires_at', { withTimezone: true }),
  /**
   * Two-step sign-in. Read and written only in db/queries/totp-secrets.ts. The base32 secret,
   * in plain text for now (field encryption is wired in there); on when totpEnabledAt is set.
   */
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The time step (30 s periods since 1970) of the last accepted code: a code of that step or earlier is a replay. */
  totpLastStep: integer('totp_last_step'),
  /** A secret shown for enrolment and not yet confirmed with a code. */
  totpPendingSecret: text('totp_pending_secret'),
  totpPendingAt: timestamp('totp_pending_at', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  ...audited(),
}, (t) => [
  uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
  index('users_agency_idx').on(t.agencyId),
]);

/** Server-side sessions: the JWT only carries this row's id, checked on every request. */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: text('revoked_reason'),
  ip: inet('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/**
 * One-time links to set a password (a new account, or a reset an admin forced). Only a
 * SHA-256 of the token is kept: the link itself is shown once to the admin and never stored.
 */
export const setPasswordTokens = pgTable('set_password_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  /** 'invite' for a new account, 'reset' when an admin forced a new password. */
  purpose: text('purpose').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  /** Set when a newer link replaces this one, or the password changed another way. */
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [index('set_password_tokens_user_idx').on(t.userId)]);

/** One-time recovery codes for two-step sign-in: only a SHA-256 of each is kept; each works once. */
export const recoveryCodes = pgTable('recovery_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  codeHash: text('code_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [index('recovery_codes_user_idx').on(t.userId)]);

/**
 * A password accepted, the second step still to come: the browser holds a random token in an
 * HttpOnly cookie, the database a SHA-256 of it, bound to the user, for a few minutes, used once.
 */
export const signInChallenges = pgTable('sign_in_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  /** Where to go once signed in (a same-site path, from the login form). */
  callbackPath: text('callback_path'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  /** Set when the second step was proven by confirming an enrolment: the sign-in then completes without another code. */
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [index('sign_in_challenges_user_idx').on(t.userId)]);

/** Every sign-in attempt, for throttling across app instances and for the audit. */
export const loginAttempts = pgTable('login_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  email: text('email').notNull(),
  userId: uuid('user_id').references(() => users.id),
  ip: inet('ip'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  success: boolean('success').notNull(),
}, (t) => [
  index('login_attempts_email_at_idx').on(t.email, t.at),
  index('login_attempts_ip_at_idx').on(t.ip, t.at),
]);

/** Personal access tokens for the REST API; only a hash is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  prefix: text('prefix').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [index('api_tokens_user_idx').on(t.userId)]);

/**
 * Calls per API token in the current fixed window: in the database, so the limit holds
 * across app instances. One row per token, overwritten as windows pass.
 */
export const apiRateLimits = pgTable('api_rate_limits', {
  tokenId: uuid('token_id').primaryKey().references(() => apiTokens.id),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  calls: integer('calls').notNull(),
});

export type User = typeof users.$inferSelect;
export type Agency = typeof agencies.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type SetPasswordToken = typeof setPasswordTokens.$inferSelect;
export type RecoveryCode = typeof recoveryCodes.$inferSelect;
export type SignInChallenge = typeof signInChallenges.$inferSelect;
