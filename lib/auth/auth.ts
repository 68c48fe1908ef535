import NextAuth from 'next-auth';
import { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { loginInput } from './login';
import { authConfig } from './config';
import { resolveAuthSecret } from './secret';
import { clientIp, userAgent } from './request-info';
import { signInWithPassword } from '@/db/queries/sign-in';

/** Too many failed attempts from this address: the login form says so instead of "incorrect". */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
}

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
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = loginInput.safeParse(raw);
        if (!parsed.success) return null;
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, {
          ip: clientIp(request.headers),
          userAgent: userAgent(request.headers),
        });
        if (result.ok) return { id: result.userId, sessionId: result.sessionId };
        if (result.reason === 'throttled') throw new SignInThrottled();
        return null;
      },
    }),
  ],
}));
