/**
 * Calls per token per window: generous for a script, a wall for a runaway loop.
 * API_RATE_LIMIT (calls a minute) overrides it; read per call so a test can lower it.
 */
export function apiRateLimit(): { calls: number; windowSeconds: number } {
  const configured = Number(process.env.API_RATE_LIMIT);
  return { calls: Number.isInteger(configured) && configured > 0 ? configured : 300, windowSeconds: 60 };
}

export const API_RATE_LIMIT_DOC = () => `Rate limit: ${apiRateLimit().calls} calls per ${apiRateLimit().windowSeconds} seconds per token, shared by every app instance; beyond it 429 with Retry-After.`;
