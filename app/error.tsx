'use client';

import { useTranslations } from 'next-intl';
import { MessagePage } from '@/components/ui/message-page';

/** Unexpected failures: a retry and the digest to quote, never the error's text. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <MessagePage title={t('genericTitle')} body={t('generic')} homeLabel={t('home')}>
      {error.digest && <p className="mt-2 font-mono text-sm text-slate-600">{t('reference', { id: error.digest })}</p>}
      <button type="button" onClick={reset} className="mt-4 rounded bg-brand-700 px-4 py-2 text-white">{t('retry')}</button>
    </MessagePage>
  );
}
