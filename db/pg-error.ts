/** The code ("23505") and constraint of a database error, through drizzle's wrapper. */
export function pgError(err: unknown): { code?: string; constraint?: string } {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string') return e;
  }
  return {};
}

export const UNIQUE_VIOLATION = '23505';
