import type { NextAuthConfig } from 'next-auth';
import { nextWithPolicy } from '@/lib/security/csp';

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 12;

/** Sign-in throttling, counted in the database so it holds across app instances. */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  /** Failed attempts on one account in the window before it locks (an admin unlocks it). */
  failuresPerAccount: 5,
  /** Failed attempts from one address in the window before it is refused outright. */
  failuresPerAddress: 30,
} as const;

/**
 * Paths anyone may open. Everything else needs a session cookie (checked again on the server).
 * /api/v1 takes no cookie at all: its handlers authenticate the bearer token themselves.
 */
const PUBLIC_PATHS = ['/login', '/api/auth', '/set-password', '/api/v1'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * Served over HTTPS (AUTH_URL says so in production): the session cookie is then Secure and
 * `__Host-` prefixed, so no subdomain or plain-HTTP page can set or read it.
 */
const SECURE_COOKIES = (process.env.AUTH_URL ?? '').startsWith('https://');

/**
 * The part of the Auth.js config the proxy needs: no database, no providers. The proxy
 * only sends signed-out visitors to /login; it is not a security boundary.
 */
export const authConfig = {
  pages: { signIn: '/login' },
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_HOURS * 60 * 60 },
  providers: [],
  cookies: {
    sessionToken: {
      name: SECURE_COOKIES ? '__Host-authjs.session-token' : 'authjs.session-token',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: SECURE_COOKIES },
    },
  },
  callbacks: {
    authorized({ auth, request }) {
      // Allowed through: with this request's script policy. Otherwise Auth.js sends to /login.
      if (isPublicPath(request.nextUrl.pathname) || auth?.sessionId) return nextWithPolicy(request);
      return false;
    },
    jwt({ token, user }) {
      // Only ids travel in the token; role, name and validity come from the database.
      if (user) {
        token.sub = user.id;
        token.sessionId = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.sessionId = typeof token.sessionId === 'string' ? token.sessionId : undefined;
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
