'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FieldError, inputClass, labelClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FindCaseState } from './find-case-state';

type Props = {
  action: (prev: FindCaseState, formData: FormData) => Promise<FindCaseState>;
  /** Liaison officers are told "shared with you"; others "among your cases". */
  notFoundKey: 'notFoundShared' | 'notFound';
};

/** A box that opens a case by its reference; "not found" beside the field, the typing kept. */
export function FindCaseForm({ action, notFoundKey }: Props) {
  const t = useTranslations('home.find');
  const [state, formAction] = useActionState(action, {});
  const error = state.notFound ? t(notFoundKey) : state.unavailable ? t('unavailable') : undefined;
  return (
    <form action={formAction} role="search" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <div className="min-w-64 flex-1">
        <label htmlFor="find-reference" className={labelClass}>{t('label')}</label>
        <input
          id="find-reference"
          name="reference"
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          required
          defaultValue={state.reference}
          key={state.reference}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'find-reference-hint find-reference-error' : 'find-reference-hint'}
          className={`${inputClass} font-mono`}
        />
        <p id="find-reference-hint" className="mt-1 text-sm text-slate-600">{t('hint')}</p>
        <div aria-live="polite">
          <FieldError id="find-reference-error" message={error} />
        </div>
      </div>
      <SubmitButton pendingLabel={t('pending')} className="mb-7">{t('submit')}</SubmitButton>
    </form>
  );
}
