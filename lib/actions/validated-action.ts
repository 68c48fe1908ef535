import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, ForbiddenError, NotFoundError } from '@/lib/errors';
import type { FieldErrors } from '@/lib/validation/field-errors';
import { parseActionInput } from '@/lib/validation/action-input';

export type ActionError = 'unauthenticated' | 'invalid' | 'forbidden' | 'notFound' | 'conflict' | 'unavailable';

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: ActionError;
      /** Message keys (messages/*.json "validation") by field path, e.g. "suspects.0.arrestedOn". */
      fieldErrors?: FieldErrors;
      /** For 'conflict': what the other person changed, for the form to show. */
      conflict?: unknown;
      /** For 'unavailable': an id to quote, matching the one in the server log. */
      reference?: string;
    };

/**
 * Wraps a server action: checks the viewer, parses the input with the form's own zod schema
 * and maps domain errors to results the form can show next to its fields. The form keeps
 * what was typed whatever the outcome; nothing here throws for bad input.
 */
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (viewer: Viewer, input: z.infer<S>) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const viewer = await getViewer();
      if (!viewer) return { ok: false, error: 'unauthenticated' };
      const parsed = parseActionInput(schema, raw);
      if (!parsed.ok) return { ok: false, error: 'invalid', fieldErrors: parsed.fieldErrors };
      return { ok: true, data: await handler(viewer, parsed.data) };
    } catch (err) {
      if (err instanceof FieldValidationError) return { ok: false, error: 'invalid', fieldErrors: err.fieldErrors };
      if (err instanceof ForbiddenError) return { ok: false, error: 'forbidden' };
      if (err instanceof NotFoundError) return { ok: false, error: 'notFound' };
      if (err instanceof ConflictError) return { ok: false, error: 'conflict', conflict: err.detail };
      // Anything else (the database gone, a bug): the user keeps their input and can retry.
      const reference = randomUUID().slice(0, 8);
      console.error(`[action] failed, reference ${reference}: ${err instanceof Error ? err.name : 'error'}`);
      return { ok: false, error: 'unavailable', reference };
    }
  };
}
