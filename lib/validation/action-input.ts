import type { z } from 'zod';
import { fieldErrorsOf, type FieldErrors } from './field-errors';

/**
 * Text PostgreSQL can't store (NUL) or that isn't valid Unicode (a lone surrogate) would make
 * the write fail as a server error; refuse it up front, at the field it is in.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorablePath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') || '_form' : null;
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const found = unstorablePath(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

export type ParsedInput<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** What every server action does with its raw input before anything else. Never throws. */
export function parseActionInput<S extends z.ZodType>(schema: S, raw: unknown): ParsedInput<z.infer<S>> {
  const bad = unstorablePath(raw);
  if (bad) return { ok: false, fieldErrors: { [bad]: 'caseEdit.errors.invalid' } };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}
