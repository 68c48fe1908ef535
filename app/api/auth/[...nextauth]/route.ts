import { handlers } from '@/lib/auth/auth';
import { SIGN_IN_LIMITS } from '@/lib/auth/config';
import { clientIp } from '@/lib/auth/request-info';
import { isAddressThrottled } from '@/db/queries/sign-in';
import { plainAnswer } from '@/lib/http/plain-answer';

export const { GET } = handlers;

/**
 * Password spraying straight at Auth.js's endpoint (not through the login form, which says
 * "wait" itself) gets 429 from an address over its limit, before any password is checked.
 */
export async function POST(request: Request) {
  if (new URL(request.url).pathname.endsWith('/callback/credentials')) {
    const ip = clientIp(request.headers);
    if (ip && (await isAddressThrottled(ip))) {
      return plainAnswer(429, { 'Retry-After': String(SIGN_IN_LIMITS.windowMinutes * 60) });
    }
  }
  return handlers.POST(request as Parameters<typeof handlers.POST>[0]);
}
