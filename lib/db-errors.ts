/**
 * Is this error "the database can't be reached right now" (as opposed to a bug or bad data)?
 * Network errors from node-postgres, and PostgreSQL's own codes for a server that is
 * shutting down, starting up or has dropped the connection.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE']);
// 08xxx connection exceptions; 57P01-57P03 admin shutdown, crash shutdown, cannot connect now.
const SERVER_CODES = /^(08\d{3}|57P0[1-3])$/;

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message)) return true;
    // AggregateError (several addresses tried): any of them.
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}
