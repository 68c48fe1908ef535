import { NextResponse, type NextRequest } from 'next/server';

/**
 * The Content-Security-Policy of one response, around a fresh nonce: scripts run only with
 * that nonce (Next.js puts it on its own scripts when it finds the policy on the request)
 * or when loaded by such a script ('strict-dynamic'); no inline script, no eval in
 * production. Styles may be inline: charts set style attributes, and no style runs code.
 */
export function contentSecurityPolicy(nonce: string, opts: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Passes the request on with a per-request policy, on the request (for Next's scripts) and the response. */
export function nextWithPolicy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, {
    https: request.nextUrl.protocol === 'https:',
    dev: process.env.NODE_ENV !== 'production',
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  // Only over HTTPS: a browser ignores it on plain HTTP, and it must not pin a dev machine.
  if (request.nextUrl.protocol === 'https:') response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}
