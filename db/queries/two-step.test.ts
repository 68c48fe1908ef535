import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { DEMO_EMAILS, demoViewers, viewerFor } from '@/db/testing/viewers';
import { DEMO_PASSWORD, DEMO_TOTP_SECRETS } from '@/db/seed';
import { getDb } from '@/db/client';
import { seedTotpSecret } from '@/db/totp-secrets';
import { hashPassword } from '@/lib/auth/password';
import { codeForStep, timeStep } from '@/lib/auth/totp';
import { hashOneTimeToken } from '@/lib/auth/one-time-token';
import { ConflictError, FieldValidationError, ForbiddenError } from '@/lib/errors';
import { SIGN_IN_LIMITS } from '@/lib/auth/config';
import type { Viewer } from '@/lib/policy';
import { signInWithPassword } from './sign-in';
import {
  completeSignInWithCode, completeVerifiedSignIn, confirmSignInEnrolment, enrolmentSecret, readChallenge,
} from './sign-in-second-step';
import { replaceRecoveryCodes } from './two-step-codes';
import {
  confirmTwoStepEnrolment, disableTwoStep, regenerateRecoveryCodes, resetTwoStepOf, startTwoStepEnrolment, twoStepStatus,
} from './two-step-account';
import { viewerForSession } from './sessions';

const testDb = useTestDatabase();
let nextIp = 1;
/** A fresh address per call, so address throttling never leaks between tests. */
const client = () => ({ ip: `198.51.100.${nextIp++}`, userAgent: 'vitest' });
let demo: Awaited<ReturnType<typeof demoViewers>>;

const one = async <T,>(sql: string, params: unknown[] = []) => (await testDb.query<T>(sql, params))[0]!;
const count = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(sql, params)).n;
const sessionsOf = (userId: string) => count(`select count(*)::int as n from sessions where user_id = $1`, [userId]);
const failuresOf = (userId: string) => count(`select count(*)::int as n from login_attempts where user_id = $1 and not success`, [userId]);
/** Everything two-step about one person: the users row's two-step columns and their recovery codes. */
const twoStepRow = (userId: string) =>
  one<Record<string, unknown>>(
    `select u.totp_secret, u.totp_enabled_at, u.totp_last_step, u.totp_pending_secret, u.version,
            (select coalesce(json_agg(r.code_hash || ':' || coalesce(r.used_at::text, '') order by r.code_hash), '[]') from recovery_codes r where r.user_id = u.id) as codes
       from users u where u.id = $1`, [userId]);

/** The manager's password step: the challenge token for the second step. */
async function managerChallenge(): Promise<string> {
  const result = await signInWithPassword(DEMO_EMAILS.manager, DEMO_PASSWORD, client());
  if (result.ok || result.reason !== 'second_step') throw new Error(`expected a second step, got ${JSON.stringify(result)}`);
  return result.challenge;
}

/** A code of the given secret that is right for no step near now. */
function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1].map((d) => codeForStep(secret, timeStep() + d)));
  for (let i = 0; ; i++) {
    const candidate = String((123456 + i * 7919) % 1_000_000).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

/** A signed-in person of the given role with a password and no two-step sign-in yet. */
async function newPerson(role: 'manager' | 'investigator' | 'admin'): Promise<{ email: string; viewer: Viewer }> {
  const email = `two-step-${role}-${randomUUID().slice(0, 8)}@cpu.local`;
  await testDb.query(`insert into users (email, name, role, agency_id, password_hash) select $1, 'Two Step', $2, agency_id, $3 from users where email = $4`,
    [email, role, await hashPassword(DEMO_PASSWORD), DEMO_EMAILS.manager]);
  return { email, viewer: await viewerFor(testDb, email) };
}

beforeAll(async () => {
  demo = await demoViewers(testDb);
});

describe('two-step sign-in', () => {
  it('[manager] the right password opens no session: a code comes first', async () => {
    const before = await sessionsOf(demo.manager.userId);
    const result = await signInWithPassword(DEMO_EMAILS.manager, DEMO_PASSWORD, client());
    expect(result).toMatchObject({ ok: false, reason: 'second_step', enrol: false });
    expect(await sessionsOf(demo.manager.userId)).toBe(before);
    // Only a hash of the challenge token is stored.
    const token = (result as { challenge: string }).challenge;
    expect(await count(`select count(*)::int as n from sign_in_challenges where token_hash = $1`, [token])).toBe(0);
  });

  it('[manager] a new password step clears their spent challenges and keeps the live ones', async () => {
    const rowOf = (token: string) => count(`select count(*)::int as n from sign_in_challenges where token_hash = $1`, [hashOneTimeToken(token)]);
    const [expired, used, live] = [await managerChallenge(), await managerChallenge(), await managerChallenge()];
    await testDb.query(`update sign_in_challenges set expires_at = now() - interval '1 minute' where token_hash = $1`, [hashOneTimeToken(expired)]);
    await testDb.query(`update sign_in_challenges set used_at = now() where token_hash = $1`, [hashOneTimeToken(used)]);
    const others = await count(`select count(*)::int as n from sign_in_challenges where user_id <> $1`, [demo.manager.userId]);
    expect([await rowOf(expired), await rowOf(used), await rowOf(live)]).toEqual([1, 1, 1]);

    const next = await managerChallenge();
    expect([await rowOf(expired), await rowOf(used), await rowOf(live), await rowOf(next)]).toEqual([0, 0, 1, 1]);
    expect(await count(`select count(*)::int as n from sign_in_challenges where user_id <> $1`, [demo.manager.userId])).toBe(others);
  });

  it('[investigator] without two-step, the password alone signs in', async () => {
    expect((await signInWithPassword(DEMO_EMAILS.investigator, DEMO_PASSWORD, client())).ok).toBe(true);
  });

  it('[manager] a wrong code is refused, counted as a failed sign-in and audited; the right code opens the session', async () => {
    const token = await managerChallenge();
    const failures = await failuresOf(demo.manager.userId);
    expect(await completeSignInWithCode(token, wrongCode(DEMO_TOTP_SECRETS.manager), client())).toEqual({ ok: false, reason: 'wrong' });
    expect(await failuresOf(demo.manager.userId)).toBe(failures + 1);
    expect(await count(`select count(*)::int as n from audit_events where action = 'auth.sign_in' and outcome = 'denied' and entity_id = $1 and detail->>'reason' = 'wrong_code'`, [demo.manager.userId])).toBeGreaterThan(0);

    const result = await completeSignInWithCode(token, codeForStep(DEMO_TOTP_SECRETS.manager, timeStep()), client());
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect((await viewerForSession(result.sessionId, result.userId))?.role).toBe('manager');
    // The challenge is used up: it can't open a second session.
    expect(await readChallenge(token)).toBeNull();
    expect(await completeSignInWithCode(token, codeForStep(DEMO_TOTP_SECRETS.manager, timeStep() + 1), client())).toEqual({ ok: false, reason: 'expired' });
  });

  it('[manager] a code already used is refused as a replay, also in a new sign-in, and counted', async () => {
    const step = timeStep() + 1;
    const code = codeForStep(DEMO_TOTP_SECRETS.manager, step);
    expect((await completeSignInWithCode(await managerChallenge(), code, client())).ok).toBe(true);
    const failures = await failuresOf(demo.manager.userId);
    const sessions = await sessionsOf(demo.manager.userId);
    expect(await completeSignInWithCode(await managerChallenge(), code, client())).toEqual({ ok: false, reason: 'replayed' });
    // An older step's code, though inside the drift window, is a replay too.
    expect(await completeSignInWithCode(await managerChallenge(), codeForStep(DEMO_TOTP_SECRETS.manager, step - 1), client())).toEqual({ ok: false, reason: 'replayed' });
    expect(await failuresOf(demo.manager.userId)).toBe(failures + 2);
    expect(await sessionsOf(demo.manager.userId)).toBe(sessions);
    expect((await one<{ s: number }>(`select totp_last_step as s from users where id = $1`, [demo.manager.userId])).s).toBe(step);
  });

  it('[admin] a recovery code works once, then is refused', async () => {
    const codes = await getDb().transaction((tx) => replaceRecoveryCodes(tx, demo.admin.userId));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const challenge = async () => {
      const r = await signInWithPassword(DEMO_EMAILS.admin, DEMO_PASSWORD, client());
      return (r as { challenge: string }).challenge;
    };
    expect((await completeSignInWithCode(await challenge(), codes[0]!.toUpperCase(), client())).ok).toBe(true);
    expect(await completeSignInWithCode(await challenge(), codes[0]!, client())).toEqual({ ok: false, reason: 'wrong' });
    expect(await count(`select count(*)::int as n from recovery_codes where user_id = $1 and used_at is null`, [demo.admin.userId])).toBe(9);
    // Stored as hashes only.
    expect(await count(`select count(*)::int as n from recovery_codes where code_hash = any($1)`, [codes])).toBe(0);
  });

  it(`[investigator with two-step] ${SIGN_IN_LIMITS.failuresPerAccount} wrong codes lock the account, and the challenge dies with it`, async () => {
    const { email, viewer } = await newPerson('investigator');
    await getDb().transaction((tx) => seedTotpSecret(tx, viewer.userId, DEMO_TOTP_SECRETS.manager));
    const r = await signInWithPassword(email, DEMO_PASSWORD, client());
    const token = (r as { challenge: string }).challenge;
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAccount; i++) {
      expect(await completeSignInWithCode(token, wrongCode(DEMO_TOTP_SECRETS.manager), client())).toMatchObject({ ok: false });
    }
    expect((await one<{ locked: boolean }>(`select locked_at is not null as locked from users where id = $1`, [viewer.userId])).locked).toBe(true);
    expect(await completeSignInWithCode(token, codeForStep(DEMO_TOTP_SECRETS.manager, timeStep()), client())).toEqual({ ok: false, reason: 'expired' });
    expect(await sessionsOf(viewer.userId)).toBe(0);
  });

  it('an expired challenge is refused', async () => {
    const token = await managerChallenge();
    await testDb.query(`update sign_in_challenges set expires_at = now() - interval '1 second' where created_at = (select max(created_at) from sign_in_challenges)`);
    expect(await completeSignInWithCode(token, codeForStep(DEMO_TOTP_SECRETS.manager, timeStep() + 1), client())).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('enrolment at sign-in', () => {
  it('[new manager] cannot skip enrolment: no code, no "continue", no session until an authenticator is confirmed', async () => {
    const { email, viewer } = await newPerson('manager');
    const r = await signInWithPassword(email, DEMO_PASSWORD, client());
    expect(r).toMatchObject({ ok: false, reason: 'second_step', enrol: true });
    const token = (r as { challenge: string }).challenge;
    expect(await completeVerifiedSignIn(token, client())).toEqual({ ok: false, reason: 'expired' });
    expect(await completeSignInWithCode(token, '123456', client())).toEqual({ ok: false, reason: 'expired' });
    expect(await sessionsOf(viewer.userId)).toBe(0);

    const shown = await enrolmentSecret(token);
    if (!shown) throw new Error('no enrolment secret');
    expect(shown.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((await enrolmentSecret(token))?.secret).toBe(shown.secret); // a reload shows the same
    const failures = await failuresOf(viewer.userId);
    expect(await confirmSignInEnrolment(token, wrongCode(shown.secret), client())).toEqual({ ok: false, reason: 'wrong' });
    expect(await failuresOf(viewer.userId)).toBe(failures + 1);
    expect((await twoStepRow(viewer.userId)).totp_enabled_at).toBeNull();

    const confirmed = await confirmSignInEnrolment(token, codeForStep(shown.secret, timeStep()), client());
    if (!confirmed.ok) throw new Error(confirmed.reason);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(await sessionsOf(viewer.userId)).toBe(0);
    const done = await completeVerifiedSignIn(token, client());
    expect(done.ok).toBe(true);
    expect(await sessionsOf(viewer.userId)).toBe(1);
    // The confirming code can't be used again for the next sign-in.
    const next = await signInWithPassword(email, DEMO_PASSWORD, client());
    expect(next).toMatchObject({ reason: 'second_step', enrol: false });
    expect(await completeSignInWithCode((next as { challenge: string }).challenge, codeForStep(shown.secret, timeStep()), client()))
      .toMatchObject({ ok: false });
  });
});

describe('two-step on My account', () => {
  it('[investigator] turns it on with a confirmed code, makes new recovery codes, turns it off with password and code', async () => {
    const { viewer } = await newPerson('investigator');
    expect(await twoStepStatus(viewer)).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    const { secret } = await startTwoStepEnrolment(viewer, null);
    await expect(confirmTwoStepEnrolment(viewer, DEMO_PASSWORD, wrongCode(secret), null)).rejects.toBeInstanceOf(FieldValidationError);
    expect((await twoStepRow(viewer.userId)).totp_enabled_at).toBeNull();
    // The right code without the password turns nothing on, and counts as a failed sign-in.
    const beforeWrongPassword = await twoStepRow(viewer.userId);
    const failuresBefore = await failuresOf(viewer.userId);
    await expect(confirmTwoStepEnrolment(viewer, 'not-the-password-at-all', codeForStep(secret, timeStep()), null))
      .rejects.toMatchObject({ fieldErrors: { password: 'passwordWrong' } });
    expect(await twoStepRow(viewer.userId)).toEqual(beforeWrongPassword);
    expect(await failuresOf(viewer.userId)).toBe(failuresBefore + 1);
    const step = timeStep();
    const codes = await confirmTwoStepEnrolment(viewer, DEMO_PASSWORD, codeForStep(secret, step), null);
    expect(codes).toHaveLength(10);
    expect(await twoStepStatus(viewer)).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    await expect(startTwoStepEnrolment(viewer, null)).rejects.toBeInstanceOf(ConflictError);

    // The confirming code is used: making new recovery codes with it is a replay.
    await expect(regenerateRecoveryCodes(viewer, codeForStep(secret, step), null)).rejects.toMatchObject({ fieldErrors: { code: 'codeReplayed' } });
    const fresh = await regenerateRecoveryCodes(viewer, codeForStep(secret, step + 1), null);
    expect(fresh.filter((c) => codes.includes(c))).toEqual([]);

    const before = await twoStepRow(viewer.userId);
    const failures = await failuresOf(viewer.userId);
    await expect(disableTwoStep(viewer, 'not-the-password-at-all', fresh[0]!, null)).rejects.toMatchObject({ fieldErrors: { password: 'passwordWrong' } });
    expect(await failuresOf(viewer.userId)).toBe(failures + 1);
    expect(await twoStepRow(viewer.userId)).toEqual(before);
    await disableTwoStep(viewer, DEMO_PASSWORD, fresh[0]!, null);
    expect(await twoStepStatus(viewer)).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    expect((await twoStepRow(viewer.userId)).totp_secret).toBeNull();
  });

  it('[manager] cannot turn it off, even with the password and a right code; nothing changes', async () => {
    const before = await twoStepRow(demo.manager.userId);
    await expect(disableTwoStep(demo.manager, DEMO_PASSWORD, codeForStep(DEMO_TOTP_SECRETS.manager, timeStep() + 1), null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await twoStepRow(demo.manager.userId)).toEqual(before);
  });

  it('[investigator, manager, liaison] cannot reset another person\'s two-step sign-in; nothing changes', async () => {
    const before = await twoStepRow(demo.manager.userId);
    const sessions = await sessionsOf(demo.manager.userId);
    for (const who of [demo.investigator, demo.manager, demo.liaison]) {
      await expect(resetTwoStepOf(who, demo.manager.userId, null)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(resetTwoStepOf(null, demo.manager.userId, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await twoStepRow(demo.manager.userId)).toEqual(before);
    expect(await count(`select count(*)::int as n from sessions where user_id = $1 and revoked_at is null`, [demo.manager.userId])).toBeLessThanOrEqual(sessions);
  });

  it('[admin] resets the two-step sign-in of someone who lost their phone: their sessions end, they enrol again', async () => {
    const { email, viewer } = await newPerson('manager');
    await getDb().transaction(async (tx) => {
      await seedTotpSecret(tx, viewer.userId, DEMO_TOTP_SECRETS.admin);
      await replaceRecoveryCodes(tx, viewer.userId);
    });
    await testDb.query(`insert into sessions (user_id, expires_at) values ($1, now() + interval '1 hour')`, [viewer.userId]);
    await resetTwoStepOf(demo.admin, viewer.userId, null);
    expect(await twoStepRow(viewer.userId)).toMatchObject({ totp_secret: null, totp_enabled_at: null, codes: [] });
    expect(await count(`select count(*)::int as n from sessions where user_id = $1 and revoked_at is null`, [viewer.userId])).toBe(0);
    expect(await count(`select count(*)::int as n from audit_events where action = 'user.two_step_reset' and entity_id = $1 and actor_id = $2`, [viewer.userId, demo.admin.userId])).toBe(1);
    expect(await signInWithPassword(email, DEMO_PASSWORD, client())).toMatchObject({ reason: 'second_step', enrol: true });
  });
});
