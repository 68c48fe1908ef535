import NextAuth from 'next-auth';
import { z } from 'zod';
import { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { loginInput, safeCallbackPath } from './login';
import { authConfig } from './config';
import { resolveAuthSecret } from './secret';
import { clientIp, userAgent } from './request-info';
import { challengeFromCookieHeader } from './challenge-cookie';
import { signInWithPassword } from '@/db/queries/sign-in';
import { completeSignInWithCode, completeVerifiedSignIn } from '@/db/queries/sign-in-second-step';

/** Too many failed attempts from this address: the login form says so instead of "incorrect". */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
}

/**
 * The password was right, but a second step comes first. The login action puts `challenge`
 * in an HttpOnly cookie; it never reaches a URL or a log (the logger writes error types only).
 */
export class SecondStepRequired extends CredentialsSignin {
  code = 'second_step';
  constructor(readonly challenge: string, readonly enrol: boolean) {
    super();
  }
}

/** The second step refused: a wrong or replayed code, or no live challenge any more. */
export class SecondStepRefused extends CredentialsSignin {
  code = 'second_step_refused';
  constructor(readonly reason: 'wrong' | 'replayed' | 'expired' | 'throttled') {
    super();
  }
}

const secondStepInput = z.object({ code: z.string().max(64).optional(), continue: z.literal('1').optional() });

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: resolveAuthSecret(),
  logger: {
    // A wrong password is not a server error, and stacks may carry request details: names only.
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (type !== 'CredentialsSignin') console.error(`[auth] ${type}`);
    },
    warn(code) {
      console.warn(`[auth] warning ${code}`);
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {}, continue: {} },
      async authorize(raw, request) {
        const client = { ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
        const step = secondStepInput.safeParse(raw);
        if (step.success && (step.data.code !== undefined || step.data.continue)) {
          const challenge = challengeFromCookieHeader(request.headers.get('cookie'));
          const result = step.data.continue
            ? await completeVerifiedSignIn(challenge, client)
            : await completeSignInWithCode(challenge, step.data.code ?? '', client);
          if (result.ok) return { id: result.userId, sessionId: result.sessionId };
          throw new SecondStepRefused(result.reason);
        }
        const parsed = loginInput.safeParse(raw);
        if (!parsed.success) return null;
        const callbackPath = safeCallbackPath((raw as { callbackPath?: unknown }).callbackPath);
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, client, callbackPath);
        if (result.ok) return { id: result.userId, sessionId: result.sessionId };
        if (result.reason === 'throttled') throw new SignInThrottled();
        if (result.reason === 'second_step') throw new SecondStepRequired(result.challenge, result.enrol);
        return null;
      },
    }),
  ],
}));
