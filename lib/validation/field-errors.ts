import type { z } from 'zod';

/** Field path ("suspects.0.arrestedOn") to the message key of its first problem. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_form';
    out[path] ??= issue.message;
  }
  return out;
}
