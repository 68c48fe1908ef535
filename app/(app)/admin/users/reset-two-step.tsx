'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { resetTwoStepAction } from './actions';

/** For a person who lost their phone: after a confirmation step, their two-step sign-in is reset. */
export function ResetTwoStep({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations('twoStep');
  const tPeople = useTranslations('people');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function reset() {
    setPending(true);
    try {
      const result = await resetTwoStepAction({ userId });
      setConfirming(false);
      setMessage(result.ok ? t('resetDone', { name }) : result.error === 'conflict' ? t('resetNotOn', { name }) : result.error === 'forbidden' ? tPeople('forbidden') : tPeople('failed'));
      if (result.ok) router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-1">
      {confirming ? (
        <div className="space-y-1 rounded border border-slate-200 bg-slate-50 p-2">
          <p className="text-xs">{t('resetConfirm', { name })}</p>
          <div className="flex gap-1">
            <button type="button" onClick={reset} disabled={pending} className="rounded bg-brand-700 px-2 py-1 text-white hover:bg-brand-900 disabled:opacity-60">{tPeople('resetYes')}</button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">{tPeople('cancel')}</button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} aria-label={t('resetLabel', { name })}
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
          {t('reset')}
        </button>
      )}
      <p aria-live="polite" className="text-xs">{message}</p>
    </div>
  );
}
