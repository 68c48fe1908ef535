import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { isSetPasswordTokenUsable } from '@/db/queries/set-password';
import { AuthCard } from '@/components/auth/auth-card';
import { LinkNoLongerWorks, SetPasswordForm } from './set-password-form';

// The token is in this page's address: no Referer may carry it elsewhere (next.config.js sends the header too).
export const metadata: Metadata = { referrer: 'no-referrer' };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations('setPassword')]);
  const usable = await isSetPasswordTokenUsable(token);
  return (
    <AuthCard title={t('title')}>
      {usable ? <SetPasswordForm token={token} /> : <LinkNoLongerWorks />}
    </AuthCard>
  );
}
