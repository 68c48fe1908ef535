'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { revokeTokenAction } from '@/app/(app)/account/token-actions';

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations('apiTokens');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function revoke() {
    setPending(true);
    setError(null);
    try {
      const result = await revokeTokenAction({ tokenId });
      if (result.ok || result.error === 'notFound') router.refresh();
      if (!result.ok) setError(result.error === 'notFound' ? t('gone') : t('failed'));
    } finally {
      setPending(false);
    }
  }
  return (
    <div>
      <button type="button" onClick={revoke} disabled={pending} aria-label={t('revokeLabel', { name })}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-60">
        {t('revoke')}
      </button>
      <p aria-live="polite" className="text-xs text-red-700">{error}</p>
    </div>
  );
}
