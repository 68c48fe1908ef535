import NextAuth from 'next-auth';
import { authConfig } from '@/lib/auth/config';
import { resolveAuthSecret } from '@/lib/auth/secret';

// Redirects signed-out visitors to /login. Not a security boundary: every page, action and
// route handler checks the viewer and its scope itself.
const { auth } = NextAuth(() => ({ ...authConfig, secret: resolveAuthSecret() }));
export const proxy = auth;

// The import upload is left out: the proxy would buffer (and cut at 10 MB) the request body.
// Its handler checks the session itself, like every handler.
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|cases/import/upload).*)'],
};
