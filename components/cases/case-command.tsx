'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/validated-action';
import { FieldError, inputClass, labelClass } from '@/components/ui/field';
import { FailureMessage, useErrorText } from './action-feedback';
import type { Option } from './edit-form';

/**
 * One explicit action on a case or record (advance, close, reopen, archive, restore,
 * remove): a button that opens a small confirmation step, with a reason to give when the
 * action needs one. The payload carries the version the page was loaded with.
 */
export function CaseCommand({ action, payload, label, pendingLabel, confirmLabel, hint, input, ariaLabel, testId }: {
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
  payload: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  confirmLabel?: string;
  hint?: string;
  ariaLabel?: string;
  input?: { name: string; label: string; type: 'select' | 'textarea'; options?: Option[] };
  testId?: string;
}) {
  const t = useTranslations('caseEdit');
  const errorText = useErrorText();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [pending, setPending] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ error: string; reference?: string } | null>(null);

  async function run() {
    setPending(true);
    setFailure(null);
    setFieldError(null);
    try {
      const result = await action({ ...payload, ...(input ? { [input.name]: value } : {}) });
      if (result.ok) {
        setOpen(false);
        setValue('');
        router.refresh();
        return;
      }
      const key = input && result.fieldErrors?.[input.name];
      if (result.error === 'invalid' && key) setFieldError(key);
      else setFailure({ error: result.error, reference: result.reference });
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={ariaLabel} data-testid={testId}
        className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
        {label}
      </button>
    );
  }
  const inputId = `${id}-input`;
  return (
    <div className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3" data-testid={testId ? `${testId}-open` : undefined}>
      {hint && <p className="text-sm text-slate-700">{hint}</p>}
      {input && (
        <div>
          <label htmlFor={inputId} className={labelClass}>{input.label}</label>
          {input.type === 'select' ? (
            <select id={inputId} value={value} onChange={(e) => setValue(e.target.value)} className={inputClass}
              aria-invalid={Boolean(fieldError)} aria-describedby={fieldError ? `${inputId}-error` : undefined} aria-required>
              <option value="">{t('choose')}</option>
              {input.options?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          ) : (
            <textarea id={inputId} value={value} onChange={(e) => setValue(e.target.value)} rows={3} className={inputClass}
              aria-invalid={Boolean(fieldError)} aria-describedby={fieldError ? `${inputId}-error` : undefined} aria-required />
          )}
          <FieldError id={`${inputId}-error`} message={fieldError ? errorText(fieldError) : undefined} />
        </div>
      )}
      <div aria-live="polite">{failure && <FailureMessage error={failure.error} reference={failure.reference} />}</div>
      <div className="flex gap-2">
        <button type="button" onClick={run} disabled={pending} aria-disabled={pending}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
          {pending ? pendingLabel : confirmLabel ?? label}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
