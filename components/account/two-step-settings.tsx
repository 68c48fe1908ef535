'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import {
  confirmTwoStepAction, disableTwoStepAction, regenerateRecoveryCodesAction, startTwoStepAction,
} from '@/app/(app)/account/two-step-actions';
import type { ActionResult } from '@/lib/actions/validated-action';
import { FieldError, inputClass, labelClass } from '@/components/ui/field';
import { CodeField } from '@/components/two-step/code-field';
import { EnrolmentDetails } from '@/components/two-step/enrolment-details';
import { RecoveryCodeList } from '@/components/two-step/recovery-code-list';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
const buttonClass = 'rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60';
const secondaryClass = 'rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100 disabled:opacity-60';

/** One small form: posts its fields, keeps them, and shows each error beside its field. */
function useForm() {
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  function submit<T>(event: FormEvent<HTMLFormElement>, send: (input: Record<string, string>) => Promise<ActionResult<T>>, done: (data: T) => void) {
    event.preventDefault();
    const input = Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)]));
    setValues(input);
    start(async () => {
      const result = await send(input);
      setFailure(result.ok ? null : result);
      if (result.ok) done(result.data);
    });
  }
  return { pending, failure, values, submit };
}

function FormFailure({ failure }: { failure: Failure | null }) {
  const t = useTranslations('twoStep');
  if (!failure || failure.error === 'invalid') return null;
  const text = failure.error === 'forbidden' ? t('notAllowed') : failure.error === 'conflict' ? t('alreadyOn') : t('unavailable', { reference: failure.reference ?? '' });
  return <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="two-step-error">{text}</p>;
}

/** The person's own password, asked again before two-step sign-in is turned on or off. */
function PasswordField({ id, defaultValue, error }: { id: string; defaultValue?: string; error?: string }) {
  const t = useTranslations('twoStep');
  return (
    <div>
      <label htmlFor={id} className={labelClass}>{t('password')}</label>
      <input
        id={id}
        name="password"
        type="password"
        autoComplete="current-password"
        defaultValue={defaultValue}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function TwoStepSettings({ enabled, required }: { enabled: boolean; required: boolean }) {
  const t = useTranslations('twoStep');
  const [enrolment, setEnrolment] = useState<{ secret: string; svg: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const start = useForm();
  const confirm = useForm();
  const regenerate = useForm();
  const disable = useForm();
  const fieldError = (failure: Failure | null, field: string) => {
    const key = failure?.fieldErrors?.[field];
    return key ? t(key as 'codeWrong') : undefined;
  };

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {notice && <p className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="two-step-notice">{notice}</p>}
      </div>
      {codes && <RecoveryCodeList codes={codes} />}

      {!enabled && !enrolment && (
        <form onSubmit={(e) => start.submit(e, () => startTwoStepAction({}), (data) => { setEnrolment(data); setNotice(null); })}>
          <FormFailure failure={start.failure} />
          <button type="submit" disabled={start.pending} className={buttonClass}>{start.pending ? t('starting') : t('start')}</button>
        </form>
      )}

      {!enabled && enrolment && (
        <form
          className="space-y-3"
          noValidate
          onSubmit={(e) => confirm.submit(e, confirmTwoStepAction, (data) => { setCodes(data.recoveryCodes); setEnrolment(null); setNotice(t('enabled')); })}
        >
          <p className="text-sm text-slate-600">{t('enrolIntro')}</p>
          <EnrolmentDetails svg={enrolment.svg} secret={enrolment.secret} />
          <FormFailure failure={confirm.failure} />
          <PasswordField id="enable-password" defaultValue={confirm.values.password} error={fieldError(confirm.failure, 'password')} />
          <CodeField id="enable-code" defaultValue={confirm.values.code} error={fieldError(confirm.failure, 'code')} />
          <div className="flex gap-3">
            <button type="submit" disabled={confirm.pending} className={buttonClass}>{confirm.pending ? t('confirming') : t('confirm')}</button>
            <button type="button" onClick={() => setEnrolment(null)} className={secondaryClass}>{t('cancel')}</button>
          </div>
        </form>
      )}

      {enabled && (
        <form
          className="space-y-3"
          noValidate
          aria-labelledby="regenerate-title"
          onSubmit={(e) => regenerate.submit(e, regenerateRecoveryCodesAction, (data) => { setCodes(data.recoveryCodes); setNotice(null); })}
        >
          <h3 id="regenerate-title" className="font-semibold">{t('regenerateTitle')}</h3>
          <p className="text-sm text-slate-600">{t('regenerateIntro')}</p>
          <FormFailure failure={regenerate.failure} />
          <CodeField id="regenerate-code" defaultValue={regenerate.values.code} error={fieldError(regenerate.failure, 'code')} />
          <button type="submit" disabled={regenerate.pending} className={secondaryClass}>{regenerate.pending ? t('regenerating') : t('regenerate')}</button>
        </form>
      )}

      {enabled && !required && (
        <form
          className="space-y-3"
          noValidate
          aria-labelledby="disable-title"
          onSubmit={(e) => disable.submit(e, disableTwoStepAction, () => { setCodes(null); setNotice(t('disabled')); })}
        >
          <h3 id="disable-title" className="font-semibold">{t('disableTitle')}</h3>
          <p className="text-sm text-slate-600">{t('disableIntro')}</p>
          <FormFailure failure={disable.failure} />
          <PasswordField id="disable-password" defaultValue={disable.values.password} error={fieldError(disable.failure, 'password')} />
          <CodeField id="disable-code" defaultValue={disable.values.code} error={fieldError(disable.failure, 'code')} />
          <button type="submit" disabled={disable.pending} className={secondaryClass}>{disable.pending ? t('disabling') : t('disable')}</button>
        </form>
      )}
    </div>
  );
}
