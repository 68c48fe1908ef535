import type { ComponentProps } from 'react';
import { FieldError, inputClass, labelClass } from '@/components/ui/field';

type Common = { id: string; label: string; error?: string; hint?: string };

function describedBy({ id, error, hint }: Common): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, error, hint, children }: Common & { children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>{label}</label>
      {children}
      {hint && <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p>}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A labelled input with its error beside it (aria-invalid, aria-describedby); spread register() into it. */
export function LabelledInput({ id, label, error, hint, ...input }: Common & ComponentProps<'input'>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <input id={id} aria-invalid={Boolean(error)} aria-describedby={describedBy({ id, label, error, hint })} className={inputClass} {...input} />
    </Frame>
  );
}

export function LabelledSelect({ id, label, error, hint, options, placeholder, ...select }: Common & ComponentProps<'select'> & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <select id={id} aria-invalid={Boolean(error)} aria-describedby={describedBy({ id, label, error, hint })} className={inputClass} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Frame>
  );
}
