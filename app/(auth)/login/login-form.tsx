'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { loginAction } from './actions';
import type { LoginState } from '@/lib/auth/login';
import { FieldError, inputClass, labelClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const t = useTranslations('login');
  const [state, action] = useActionState<LoginState, FormData>(loginAction, {});
  const emailError = state.fieldErrors?.email ? t('emailRequired') : undefined;
  const passwordError = state.fieldErrors?.password ? t('passwordRequired') : undefined;

  return (
    <form action={action} className="space-y-4" noValidate>
      <div aria-live="polite" className="min-h-6">
        {state.throttled && (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="login-error">
            {t('throttled')}
          </p>
        )}
        {state.invalid && (
          <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="login-error">
            {t('invalid')}
          </p>
        )}
      </div>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div>
        <label htmlFor="email" className={labelClass}>{t('email')}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          key={state.email}
          aria-invalid={Boolean(emailError)}
          aria-describedby={emailError ? 'email-error' : undefined}
          className={inputClass}
        />
        <FieldError id="email-error" message={emailError} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>{t('password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(passwordError)}
          aria-describedby={passwordError ? 'password-error' : undefined}
          className={inputClass}
        />
        <FieldError id="password-error" message={passwordError} />
      </div>
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
