'use server';

import { randomUUID } from 'node:crypto';
import { AuthError } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, SecondStepRefused } from '@/lib/auth/auth';
import { CHALLENGE_COOKIE } from '@/lib/auth/challenge-cookie';
import { clientIp, userAgent } from '@/lib/auth/request-info';
import type { SecondStepState } from '@/lib/auth/second-step-state';
import { confirmSignInEnrolment, readChallenge } from '@/db/queries/sign-in-second-step';

const MAX_CODE = 64;

async function challengeToken(): Promise<string | undefined> {
  return (await cookies()).get(CHALLENGE_COOKIE)?.value;
}

function typedCode(formData: FormData): string {
  return String(formData.get('code') ?? '').slice(0, MAX_CODE);
}

function unavailable(code: string, err: unknown): SecondStepState {
  const reference = randomUUID().slice(0, 8);
  console.error(`[two-step] failed, reference ${reference}: ${err instanceof Error ? err.name : 'error'}`);
  return { code, error: 'unavailable', reference };
}

/**
 * Ends in Auth.js's signIn, which opens the session (a thrown redirect on success); the
 * challenge cookie goes with it. Refusals come back as a message beside the code field.
 */
async function signInWith(fields: Record<string, string>, code: string): Promise<SecondStepState> {
  const challenge = await readChallenge(await challengeToken());
  if (!challenge) return { code, error: 'expired' };
  try {
    await signIn('credentials', { ...fields, redirectTo: challenge.callbackPath ?? '/' });
  } catch (err) {
    if (err instanceof SecondStepRefused) return { code, error: err.reason };
    if (err instanceof AuthError) return { code, error: 'expired' };
    if (!(err instanceof Error && 'digest' in err && String(err.digest).startsWith('NEXT_REDIRECT'))) return unavailable(code, err);
    (await cookies()).delete(CHALLENGE_COOKIE);
    throw err;
  }
  return { code };
}

/** The second step: a code from the authenticator app, or a recovery code. */
export async function verifyCodeAction(_prev: SecondStepState, formData: FormData): Promise<SecondStepState> {
  const code = typedCode(formData);
  if (!code.trim()) return { code, error: 'required' };
  return signInWith({ code }, code);
}

/** An admin or manager enrolling during sign-in: the first code turns two-step on; the recovery codes come back once. */
export async function confirmEnrolmentAction(_prev: SecondStepState, formData: FormData): Promise<SecondStepState> {
  const code = typedCode(formData);
  if (!code.trim()) return { code, error: 'required' };
  const h = await headers();
  try {
    const result = await confirmSignInEnrolment(await challengeToken(), code, { ip: clientIp(h), userAgent: userAgent(h) });
    if (result.ok) return { recoveryCodes: result.recoveryCodes };
    return { code, error: result.reason };
  } catch (err) {
    return unavailable(code, err);
  }
}

/** After the recovery codes were shown: the session opens. */
export async function finishEnrolmentAction(): Promise<SecondStepState> {
  const state = await signInWith({ continue: '1' }, '');
  if (state.error === 'expired') redirect('/login');
  return state;
}
