'use client';

import { useTranslations } from 'next-intl';
import { FieldError, inputClass, labelClass } from '@/components/ui/field';

/** The code input of every two-step form: its label, hint and the message beside it. */
export function CodeField({ id, defaultValue, error }: { id: string; defaultValue?: string; error?: string }) {
  const t = useTranslations('twoStep');
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>{t('codeLabel')}</label>
      <p id={`${id}-hint`} className="mb-1 text-xs text-slate-600">{t('codeHint')}</p>
      <input
        id={id}
        name="code"
        type="text"
        inputMode="text"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={64}
        required
        defaultValue={defaultValue}
        key={defaultValue}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-hint ${errorId}` : `${id}-hint`}
        className={`${inputClass} font-mono`}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
