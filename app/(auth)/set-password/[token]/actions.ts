'use server';

import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/auth/request-info';
import { setPasswordInput } from '@/lib/validation/password';
import type { FieldErrors } from '@/lib/validation/field-errors';
import { parseActionInput } from '@/lib/validation/action-input';
import { FieldValidationError } from '@/lib/errors';
import { setPasswordWithToken } from '@/db/queries/set-password';

export type SetPasswordResult = { ok: true } | { ok: false; error: 'invalid' | 'link' | 'unavailable'; fieldErrors?: FieldErrors; reference?: string };

/**
 * Public by design: the link's token is the credential. The token never goes to a log;
 * failures say only that the link no longer works.
 */
export async function setPasswordAction(raw: unknown): Promise<SetPasswordResult> {
  const parsed = parseActionInput(setPasswordInput, raw);
  if (!parsed.ok) {
    if (parsed.fieldErrors.token) return { ok: false, error: 'link' };
    return { ok: false, error: 'invalid', fieldErrors: parsed.fieldErrors };
  }
  try {
    const result = await setPasswordWithToken(parsed.data.token, parsed.data.password, clientIp(await headers()));
    return result === 'ok' ? { ok: true } : { ok: false, error: 'link' };
  } catch (err) {
    if (err instanceof FieldValidationError) return { ok: false, error: 'invalid', fieldErrors: err.fieldErrors };
    // A reference to quote, matching the log line; never the token or the password.
    const reference = randomUUID().slice(0, 8);
    console.error(`[set-password] failed, reference ${reference}: ${err instanceof Error ? err.name : 'error'}`);
    return { ok: false, error: 'unavailable', reference };
  }
}
