'use client';

import { useTranslations } from 'next-intl';
import type { FieldSpec } from './edit-form';
import { fieldLabel } from './edit-form';

/** What the server sends back when someone else saved first: their version and the record now. */
export type Conflict = { version: number; current: Record<string, unknown> };

const text = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));

/**
 * Shows what the other person changed: each field whose saved value now differs from the
 * one this form was loaded with, beside the value typed here.
 */
export function ConflictNotice({ conflict, fields, original, yours }: {
  conflict: Conflict;
  fields: FieldSpec[];
  original: Record<string, unknown>;
  yours: Record<string, unknown>;
}) {
  const t = useTranslations('caseEdit');
  const shown = (f: FieldSpec, v: unknown) => {
    const s = text(v);
    if (s === '') return t('blank');
    return f.options?.find((o) => o.value === s)?.label ?? s;
  };
  const changed = fields.filter((f) => f.name in conflict.current && text(conflict.current[f.name]) !== text(original[f.name]));
  return (
    <div role="alert" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="conflict-notice">
      <p className="font-semibold">{t('conflict.title')}</p>
      <p>{t('conflict.body')}</p>
      {changed.length === 0 ? (
        <p className="mt-1">{t('conflict.nothingVisible')}</p>
      ) : (
        <table className="mt-2 w-full text-left">
          <thead>
            <tr><th scope="col" className="pr-3">{t('conflict.field')}</th><th scope="col" className="pr-3">{t('conflict.theirs')}</th><th scope="col">{t('conflict.yours')}</th></tr>
          </thead>
          <tbody>
            {changed.map((f) => (
              <tr key={f.name} data-field={f.name}>
                <th scope="row" className="pr-3 font-medium">{f.label ?? fieldLabel(t, f.name)}</th>
                <td className="pr-3" data-testid="conflict-theirs">{shown(f, conflict.current[f.name])}</td>
                <td data-testid="conflict-yours">{shown(f, yours[f.name])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
