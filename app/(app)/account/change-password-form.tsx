'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { changePasswordInput } from '@/lib/validation/password';
import { PasswordForm } from '@/components/people/password-form';
import { changePasswordAction } from './actions';

export function ChangePasswordForm() {
  const t = useTranslations('account');
  const [changed, setChanged] = useState(false);
  return (
    <>
      <div aria-live="polite">
        {changed && <p className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="password-changed">{t('changed')}</p>}
      </div>
      <PasswordForm
        schema={changePasswordInput}
        defaults={{}}
        withCurrent
        submitLabel={t('change')}
        pendingLabel={t('changing')}
        onSubmit={async (values) => {
          setChanged(false);
          const result = await changePasswordAction(values);
          return result.ok ? { ok: true } : { ok: false, error: result.error, fieldErrors: result.fieldErrors, reference: result.reference };
        }}
        onDone={(result) => setChanged(result.ok)}
      />
    </>
  );
}
