/**
 * Whether a state-changing request comes from a page of this app. Server actions get this
 * check from Next itself; our own POST route handlers call this. The browser always sends
 * Origin on a POST; it must name the host the request was sent to (the proxy's forwarded
 * host when there is one, as Next compares for server actions).
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin) return false;
  if (headers.get('sec-fetch-site') && headers.get('sec-fetch-site') !== 'same-origin') return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  return Boolean(host) && originHost === host;
}
