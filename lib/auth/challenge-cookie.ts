/**
 * The cookie that carries a sign-in's second step between requests: a random token (only its
 * hash is in the database), HttpOnly, SameSite=Lax, `__Host-` and Secure over HTTPS, gone
 * after the challenge's lifetime. Never in a URL.
 */
const SECURE = (process.env.AUTH_URL ?? '').startsWith('https://');
export const CHALLENGE_COOKIE = SECURE ? '__Host-cpu.sign-in-step' : 'cpu.sign-in-step';

export const challengeCookieOptions = {
  httpOnly: true,
  sameSite: 'lax',
  secure: SECURE,
  path: '/',
  // Enrolment may take longer (the recovery codes to write down): the database says when it expired.
  maxAge: 20 * 60,
} as const;


/** The challenge token from a request's Cookie header (Auth.js hands authorize() a plain Request). */
export function challengeFromCookieHeader(header: string | null): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [name, ...value] = part.trim().split('=');
    if (name === CHALLENGE_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
