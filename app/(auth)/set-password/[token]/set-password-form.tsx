'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { setPasswordInput } from '@/lib/validation/password';
import { PasswordForm } from '@/components/people/password-form';
import { setPasswordAction } from './actions';

export function LinkNoLongerWorks() {
  const t = useTranslations('setPassword');
  return (
    <div role="status" data-testid="link-invalid">
      <h2 className="font-semibold">{t('linkInvalidTitle')}</h2>
      <p className="mt-1 text-sm text-slate-700">{t('linkInvalid')}</p>
    </div>
  );
}

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('setPassword');
  const [outcome, setOutcome] = useState<'done' | 'link' | null>(null);
  if (outcome === 'link') return <LinkNoLongerWorks />;
  if (outcome === 'done') {
    return (
      <div role="status" data-testid="password-set">
        <p>{t('done')}</p>
        {/* rel=noreferrer: the next page must not learn this page's address. */}
        <Link href="/login" rel="noreferrer" className="mt-4 inline-block font-medium text-brand-700 underline">{t('signIn')}</Link>
      </div>
    );
  }
  return (
    <>
      <p className="mb-4 text-sm text-slate-600">{t('intro')}</p>
      <PasswordForm
        schema={setPasswordInput}
        defaults={{ token }}
        submitLabel={t('submit')}
        pendingLabel={t('submitting')}
        onSubmit={(values) => setPasswordAction({ token, password: values.password, confirm: values.confirm })}
        onDone={(result) => {
          if (result.ok) setOutcome('done');
          else if (result.error === 'link') setOutcome('link');
        }}
      />
    </>
  );
}
