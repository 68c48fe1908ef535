'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { OneTimeLink } from '@/components/people/one-time-link';
import { forceResetAction } from './actions';

/** Forces a new password after a confirmation step, then shows the new one-time link once. */
export function ResetPassword({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations('people');
  const router = useRouter();
  const [step, setStep] = useState<'idle' | 'confirm'>('idle');
  const [pending, setPending] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function reset() {
    setPending(true);
    setError(null);
    try {
      const result = await forceResetAction({ userId });
      if (result.ok) {
        setLink(result.data.linkPath);
        setStep('idle');
        router.refresh();
        return;
      }
      setError(result.error === 'conflict' ? t('ownAccount') : result.error === 'forbidden' ? t('forbidden') : result.error === 'notFound' ? t('notFound') : t('failed'));
    } finally {
      setPending(false);
    }
  }

  if (link) return <OneTimeLink path={link} />;
  return (
    <div className="space-y-1">
      {step === 'idle' ? (
        <button type="button" onClick={() => setStep('confirm')} aria-label={t('resetPasswordLabel', { name })}
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
          {t('resetPassword')}
        </button>
      ) : (
        <div className="space-y-1 rounded border border-slate-200 bg-slate-50 p-2">
          <p className="text-xs">{t('resetConfirm')}</p>
          <div className="flex gap-1">
            <button type="button" onClick={reset} disabled={pending} className="rounded bg-brand-700 px-2 py-1 text-white hover:bg-brand-900 disabled:opacity-60">{t('resetYes')}</button>
            <button type="button" onClick={() => setStep('idle')} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">{t('cancel')}</button>
          </div>
        </div>
      )}
      <p aria-live="polite" className="text-xs text-red-700">{error}</p>
    </div>
  );
}
