'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmEnrolmentAction, finishEnrolmentAction, verifyCodeAction } from '@/app/(auth)/login/two-step/actions';
import type { SecondStepState } from '@/lib/auth/second-step-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { CodeField } from './code-field';
import { RecoveryCodeList } from './recovery-code-list';

function useErrorText() {
  const t = useTranslations('twoStep');
  return (state: SecondStepState): string | undefined => {
    switch (state.error) {
      case 'required': return t('codeRequired');
      case 'wrong': return t('codeWrong');
      case 'replayed': return t('codeReplayed');
      default: return undefined;
    }
  };
}

/** Messages that are not about the field: the sign-in expired, too many failures, the server away. */
function FormMessage({ state }: { state: SecondStepState }) {
  const t = useTranslations('twoStep');
  return (
    <div aria-live="polite">
      {state.error === 'expired' && (
        <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="two-step-error">
          {t('expired')} <Link href="/login" className="underline">{t('signInAgain')}</Link>
        </p>
      )}
      {state.error === 'throttled' && <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="two-step-error">{t('throttled')}</p>}
      {state.error === 'unavailable' && <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="two-step-error">{t('unavailable', { reference: state.reference ?? '' })}</p>}
    </div>
  );
}

export function CodeForm() {
  const t = useTranslations('twoStep');
  const errorText = useErrorText();
  const [state, action] = useActionState<SecondStepState, FormData>(verifyCodeAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <CodeField id="code" defaultValue={state.code} error={errorText(state)} />
      <SubmitButton pendingLabel={t('verifying')}>{t('verify')}</SubmitButton>
    </form>
  );
}

export function EnrolmentForm() {
  const t = useTranslations('twoStep');
  const errorText = useErrorText();
  const [state, action] = useActionState<SecondStepState, FormData>(confirmEnrolmentAction, {});
  if (state.recoveryCodes) {
    return (
      <div className="space-y-4">
        <p className="text-sm" data-testid="two-step-enabled">{t('enabled')}</p>
        <RecoveryCodeList codes={state.recoveryCodes} />
        <FinishEnrolment label={t('recoverySaved')} />
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <CodeField id="code" defaultValue={state.code} error={errorText(state)} />
      <SubmitButton pendingLabel={t('confirming')}>{t('confirm')}</SubmitButton>
    </form>
  );
}

/** The last step after an enrolment: open the session. */
export function FinishEnrolment({ label }: { label?: string }) {
  const t = useTranslations('twoStep');
  const [state, action] = useActionState<SecondStepState, FormData>(finishEnrolmentAction, {});
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      {!label && <p className="text-sm">{t('continueIntro')}</p>}
      <SubmitButton pendingLabel={t('verifying')}>{label ?? t('verify')}</SubmitButton>
    </form>
  );
}
