'use client';

import { get, useFormContext, useFormState } from 'react-hook-form';
import { FieldError, inputClass, labelClass } from '@/components/ui/field';
import { useErrorText } from './error-text';
import { errorId, fieldId } from './field-id';

export type Choice = { value: string; label: string };

type Common = { name: string; label: string; hint?: string; required?: boolean; className?: string };

/** The message key of a field's error, including one set on an array as a whole. */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState({ name });
  const error = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return error?.message ?? error?.root?.message;
}

/** Label, control and the error beside it, wired with aria-invalid and aria-describedby. */
function Field({ name, label, hint, required, className = '', children }: Common & { children: (aria: Record<string, unknown>) => React.ReactNode }) {
  const errorText = useErrorText();
  const message = errorText(useFieldError(name));
  const hintId = hint ? `${fieldId(name)}-hint` : undefined;
  const describedBy = [message ? errorId(name) : null, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      {/* The asterisk sits outside the label so the field's name is just its label; aria-required says it. */}
      <div className="flex gap-1">
        <label htmlFor={fieldId(name)} className={labelClass}>{label}</label>
        {required && <span aria-hidden="true" className="text-sm text-red-700">*</span>}
      </div>
      {children({ id: fieldId(name), 'aria-invalid': Boolean(message), 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {hint && <p id={hintId} className="mt-1 text-xs text-slate-600">{hint}</p>}
      <FieldError id={errorId(name)} message={message} />
    </div>
  );
}

export function TextField(props: Common & { maxLength?: number; autoComplete?: string }) {
  const { register } = useFormContext();
  return <Field {...props}>{(aria) => <input type="text" autoComplete={props.autoComplete ?? 'off'} {...aria} {...register(props.name)} className={inputClass} />}</Field>;
}

export function TextAreaField(props: Common & { rows?: number }) {
  const { register } = useFormContext();
  return <Field {...props}>{(aria) => <textarea rows={props.rows ?? 4} {...aria} {...register(props.name)} className={inputClass} />}</Field>;
}

export function NumberField(props: Common & { min?: number; max?: number }) {
  const { register } = useFormContext();
  // Kept as text: the schema reads it, so "12.5" or "" gets a clear message, not a silent NaN.
  return (
    <Field {...props}>
      {(aria) => <input type="number" inputMode="numeric" step={1} min={props.min} max={props.max} {...aria} {...register(props.name)} className={inputClass} />}
    </Field>
  );
}

export function DateField(props: Common & { max?: string }) {
  const { register } = useFormContext();
  return <Field {...props}>{(aria) => <input type="date" max={props.max} {...aria} {...register(props.name)} className={inputClass} />}</Field>;
}

export function SelectField(props: Common & { choices: readonly Choice[]; placeholder: string }) {
  const { register } = useFormContext();
  return (
    <Field {...props}>
      {(aria) => (
        <select {...aria} {...register(props.name)} className={inputClass}>
          <option value="">{props.placeholder}</option>
          {props.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      )}
    </Field>
  );
}

/** Several choices from a list, as checkboxes in a group (a native multi-select is hard to use). */
export function CheckboxGroupField({ name, label, hint, choices }: Common & { choices: readonly Choice[] }) {
  const { register } = useFormContext();
  const errorText = useErrorText();
  const message = errorText(useFieldError(name));
  const hintId = hint ? `${fieldId(name)}-hint` : undefined;
  return (
    <fieldset id={fieldId(name)} aria-describedby={[message ? errorId(name) : null, hintId].filter(Boolean).join(' ') || undefined}>
      <legend className={labelClass}>{label}</legend>
      {hint && <p id={hintId} className="mb-1 text-xs text-slate-600">{hint}</p>}
      <div className="max-h-48 overflow-y-auto rounded border border-slate-300 bg-white p-2">
        {choices.map((c) => (
          <label key={c.value} className="flex items-start gap-2 py-0.5 text-sm">
            <input type="checkbox" value={c.value} {...register(name)} className="mt-1" />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId(name)} message={message} />
    </fieldset>
  );
}
