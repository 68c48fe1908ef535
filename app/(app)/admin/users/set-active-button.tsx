'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { setUserActiveAction, type SetActiveState } from './actions';

const ERROR_KEY = { lastAdmin: 'lastAdmin', notFound: 'notFound', forbidden: 'notFound', invalid: 'notFound' } as const;

export function SetActiveButton({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const t = useTranslations('people');
  const tErrors = useTranslations('errors');
  const [state, action, pending] = useActionState<SetActiveState, FormData>(setUserActiveAction, {});
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t(active ? 'deactivateLabel' : 'reactivateLabel', { name })}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-60"
      >
        {t(active ? 'deactivate' : 'reactivate')}
      </button>
      <p aria-live="polite" className="text-xs text-red-700">
        {state.error === 'forbidden' ? tErrors('forbiddenTitle') : state.error ? t(ERROR_KEY[state.error]) : null}
      </p>
    </form>
  );
}
