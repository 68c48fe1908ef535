'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { revokeSessionAction } from './actions';

export function SessionSignOut({ sessionId, started }: { sessionId: string; started: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function signOut() {
    setPending(true);
    setError(null);
    try {
      const result = await revokeSessionAction({ sessionId });
      if (result.ok || result.error === 'notFound') router.refresh();
      if (!result.ok) setError(result.error === 'notFound' ? t('sessionGone') : t('failed'));
    } finally {
      setPending(false);
    }
  }
  return (
    <div>
      <button type="button" onClick={signOut} disabled={pending} aria-label={t('signOutSessionLabel', { started })}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-60">
        {t('signOutSession')}
      </button>
      <p aria-live="polite" className="text-xs text-red-700">{error}</p>
    </div>
  );
}
