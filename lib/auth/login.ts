import { z } from 'zod';

export const loginInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export type LoginState = {
  email?: string;
  invalid?: boolean;
  throttled?: boolean;
  fieldErrors?: { email: boolean; password: boolean };
};

/**
 * Only a same-site path survives as a post-login destination: it closes the open redirect,
 * and the host may legitimately differ (localhost vs 127.0.0.1).
 */
export function safeCallbackPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(raw, 'http://placeholder.invalid');
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/login') || path.startsWith('/api/')) return null;
  return path;
}
