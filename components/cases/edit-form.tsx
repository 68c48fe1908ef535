'use client';

import { useEffect, useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/validated-action';
import { arrestRecord, caseBasicsEdit, locationEdit, serviceEdit, suspectEdit, victimEdit } from '@/lib/validation/case-edit';
import { hearingEdit, prosecutionEdit } from '@/lib/validation/prosecution';
import { expenditureEdit } from '@/lib/validation/expenditure';
import { reportDraftEdit } from '@/lib/validation/annual-report';
import { agencyEdit, referenceEdit } from '@/lib/validation/admin-lists';
import { FieldError, inputClass, labelClass } from '@/components/ui/field';
import { ConflictNotice, type Conflict } from './conflict-notice';
import { useErrorText, FailureMessage } from './action-feedback';

const SCHEMAS = {
  basics: caseBasicsEdit, location: locationEdit, suspect: suspectEdit, victim: victimEdit, service: serviceEdit,
  arrest: arrestRecord, prosecution: prosecutionEdit, hearing: hearingEdit, expenditure: expenditureEdit,
  report: reportDraftEdit, agency: agencyEdit, referenceValue: referenceEdit,
};
export type FormName = keyof typeof SCHEMAS;

export type Option = { value: string; label: string };
export type FieldSpec = {
  name: string;
  /** 'checkboxes': a group of options, any number ticked; its value is the array of ticked values. */
  type: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'checkboxes';
  options?: Option[];
  required?: boolean;
  /** The field's label when caseEdit.fields has none for its name (forms outside the case page). */
  label?: string;
  /** Spans the whole row of the grid. */
  wide?: boolean;
};
export type FormValues = Record<string, string | string[]>;
type Values = FormValues;

/**
 * One edit form of the case page: closed behind its button until asked for, validated in
 * the browser with the same zod schema the server action parses again. Whatever the
 * outcome, the typed values stay; a refused save because someone else saved shows what
 * they changed and takes their version, so saving again applies these values.
 */
export function EditForm(props: {
  form: FormName;
  fields: FieldSpec[];
  /** The record as loaded ('' for empty), by field name. */
  values: Values;
  /** Which record: caseId, and id/version of an existing one (victimId for a service). */
  target: Record<string, string | number>;
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
  /** The button that opens the form, e.g. "Edit" or "Add a suspect". */
  openLabel: string;
  /** Accessible name of the open button when its text alone is ambiguous. */
  openAriaLabel?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const t = useTranslations('caseEdit');
  return (
    <div data-testid={props.testId}>
      {open ? (
        <OpenForm {...props} onClose={() => setOpen(false)} />
      ) : (
        <button type="button" onClick={() => setOpen(true)} aria-label={props.openAriaLabel}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
          {props.openLabel || t('edit')}
        </button>
      )}
    </div>
  );
}

function OpenForm({ form, fields, values, target, action, onClose }: Parameters<typeof EditForm>[0] & { onClose: () => void }) {
  const t = useTranslations('caseEdit');
  const errorText = useErrorText();
  const router = useRouter();
  const formId = useId();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<{ error: string; reference?: string } | null>(null);
  const {
    register, handleSubmit, setError, setValue, getValues, reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Values>({
    defaultValues: { ...values, ...Object.fromEntries(Object.entries(target).map(([k, v]) => [k, String(v)])) },
    resolver: zodResolver(SCHEMAS[form] as never, undefined, { raw: true }) as unknown as Resolver<Values>,
  });

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!isDirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const onSubmit = handleSubmit(async (raw) => {
    setFailure(null);
    const result = await action(raw);
    if (result.ok) {
      setConflict(null);
      reset(raw);
      onClose();
      router.refresh();
      return;
    }
    if (result.error === 'invalid' && result.fieldErrors) {
      for (const [name, key] of Object.entries(result.fieldErrors)) setError(name, { message: key });
    }
    if (result.error === 'conflict' && result.conflict) {
      const detail = result.conflict as Conflict;
      setConflict(detail);
      // Saving again now applies these values over theirs, knowingly.
      if (typeof detail.version === 'number') setValue('version', String(detail.version));
      return;
    }
    setFailure({ error: result.error, reference: result.reference });
  });

  const errorEntries = Object.entries(errors).filter(([, e]) => e?.message);
  const id = (name: string) => `${formId}-${name}`;

  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-3 rounded border border-slate-200 bg-slate-50 p-3" data-form={form}>
      <div aria-live="polite" className="space-y-2">
        {conflict && <ConflictNotice conflict={conflict} fields={fields} original={values} yours={getValues()} />}
        {failure && <FailureMessage error={failure.error} reference={failure.reference} />}
        {errorEntries.length > 0 && (
          <div className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error-summary">
            <p>{t('summaryTitle', { count: errorEntries.length })}</p>
            <ul className="list-disc pl-5">
              {errorEntries.map(([name, e]) => (
                <li key={name}><a href={`#${id(name)}`} className="underline">{fields.find((f) => f.name === name)?.label ?? fieldLabel(t, name)}</a>: {errorText(e?.message ?? "")}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {fields.map((f) => {
          const message = errors[f.name]?.message;
          const common = {
            id: id(f.name),
            'aria-invalid': Boolean(message),
            'aria-describedby': message ? `${id(f.name)}-error` : undefined,
            'aria-required': f.required || undefined,
            className: inputClass,
            ...register(f.name),
          };
          if (f.type === 'checkboxes') {
            return (
              <fieldset key={f.name} id={id(f.name)} aria-describedby={message ? `${id(f.name)}-error` : undefined} className="sm:col-span-2">
                <legend className={labelClass}>{f.label ?? fieldLabel(t, f.name)}</legend>
                <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
                  {f.options?.map((o) => (
                    <label key={o.value} className="flex items-start gap-2 text-sm">
                      <input type="checkbox" value={o.value} aria-invalid={Boolean(message)} className="mt-1" {...register(f.name)} />
                      <span>{o.label}</span>
                    </label>
                  ))}
                </div>
                <FieldError id={`${id(f.name)}-error`} message={message ? errorText(message) : undefined} />
              </fieldset>
            );
          }
          return (
            <div key={f.name} className={f.wide || f.type === 'textarea' ? 'sm:col-span-2' : undefined}>
              <label htmlFor={id(f.name)} className={labelClass}>{f.label ?? fieldLabel(t, f.name)}</label>
              {f.type === 'textarea' ? (
                <textarea rows={3} {...common} />
              ) : f.type === 'select' ? (
                <select {...common}>
                  <option value="">{f.required ? t('choose') : t('blank')}</option>
                  {f.options?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              ) : (
                <input type={f.type === 'number' ? 'number' : f.type} inputMode={f.type === 'number' ? 'numeric' : undefined} {...common} />
              )}
              <FieldError id={`${id(f.name)}-error`} message={message ? errorText(message) : undefined} />
            </div>
          );
        })}
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}
          className="inline-flex items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
          {isSubmitting ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={onClose} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

type T = ReturnType<typeof useTranslations<'caseEdit'>>;
export function fieldLabel(t: T, name: string): string {
  const key = `fields.${name}` as Parameters<T>[0];
  return t.has(key) ? t(key) : name;
}
