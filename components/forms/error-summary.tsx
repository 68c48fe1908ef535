'use client';

import { forwardRef } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { useErrorText } from './error-text';
import { fieldId } from './field-id';

type Entry = { path: string; message: string };

/** Every error in a react-hook-form errors tree, in form order, with its field path. */
export function flattenErrors(errors: FieldErrors, prefix = ''): Entry[] {
  const out: Entry[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'ref') continue;
    const path = key === 'root' ? prefix : prefix ? `${prefix}.${key}` : key;
    const node = value as { message?: unknown; type?: unknown };
    if (typeof node.message === 'string' && (typeof node.type === 'string' || key === 'root')) {
      out.push({ path, message: node.message });
    } else if (typeof value === 'object') {
      out.push(...flattenErrors(value as FieldErrors, path));
    }
  }
  return out;
}

type Props = {
  title: string;
  /** A problem with the form as a whole (server unavailable, forbidden ...), shown first. */
  formError?: string | null;
  errors: FieldErrors;
  /** How to name a field in the list, e.g. "Suspect 2: Arrest date". */
  describe: (path: string) => string;
};

/** The list of problems at the top of a form: announced, focusable, each linking to its field. */
export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ title, formError, errors, describe }, ref) {
  const errorText = useErrorText();
  const entries = flattenErrors(errors);
  const visible = Boolean(formError) || entries.length > 0;
  return (
    <div ref={ref} tabIndex={-1} aria-live="polite" data-testid="error-summary" className="outline-none">
      {visible && (
        <div className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <h2 className="font-semibold">{title}</h2>
          {formError && <p className="mt-1">{formError}</p>}
          {entries.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {entries.map((e) => (
                <li key={e.path}>
                  <a href={`#${fieldId(e.path)}`} className="underline">{describe(e.path)}: {errorText(e.message)}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
});
