'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { userAction, type UserActionState } from './actions';

const ERROR_KEY = { lastAdmin: 'lastAdmin', notFound: 'notFound', forbidden: 'notFound', invalid: 'notFound' } as const;

/** The row's buttons: deactivate or reactivate, and unlock when sign-in is locked. */
export function UserActions({ userId, name, active, locked }: { userId: string; name: string; active: boolean; locked: boolean }) {
  const t = useTranslations('people');
  const [state, action, pending] = useActionState<UserActionState, FormData>(userAction, {});
  const button = (change: 'activate' | 'deactivate' | 'unlock', label: string, ariaLabel: string) => (
    <button
      type="submit"
      name="change"
      value={change}
      disabled={pending}
      aria-label={ariaLabel}
      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-60"
    >
      {label}
    </button>
  );
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex gap-2">
        {active
          ? button('deactivate', t('deactivate'), t('deactivateLabel', { name }))
          : button('activate', t('reactivate'), t('reactivateLabel', { name }))}
        {locked && button('unlock', t('unlock'), t('unlockLabel', { name }))}
      </div>
      <p aria-live="polite" className="text-xs text-red-700">
        {state.error ? t(ERROR_KEY[state.error]) : null}
      </p>
    </form>
  );
}
