'use server';

import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, SecondStepRequired, SignInThrottled } from '@/lib/auth/auth';
import { CHALLENGE_COOKIE, challengeCookieOptions } from '@/lib/auth/challenge-cookie';
import { loginInput, safeCallbackPath, type LoginState } from '@/lib/auth/login';

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get('email') ?? '').slice(0, 254);
  const parsed = loginInput.safeParse({ email, password: formData.get('password') });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => String(i.path[0]));
    return { email, fieldErrors: { email: fields.includes('email'), password: fields.includes('password') } };
  }
  const callbackPath = safeCallbackPath(formData.get('callbackUrl'));
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      callbackPath: callbackPath ?? '',
      redirectTo: callbackPath ?? '/',
    });
  } catch (err) {
    // Success is a thrown redirect: let it through. Only credential failures are ours to show.
    if (err instanceof SecondStepRequired) {
      (await cookies()).set(CHALLENGE_COOKIE, err.challenge, challengeCookieOptions);
      redirect('/login/two-step');
    }
    if (err instanceof SignInThrottled) return { email, throttled: true };
    if (err instanceof AuthError) return { email, invalid: true };
    throw err;
  }
  return { email };
}
