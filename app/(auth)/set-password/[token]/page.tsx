import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { isSetPasswordTokenUsable } from '@/db/queries/set-password';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { LinkNoLongerWorks, SetPasswordForm } from './set-password-form';

// The token is in this page's address: no Referer may carry it elsewhere (next.config.js sends the header too).
export const metadata: Metadata = { referrer: 'no-referrer' };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t, tApp] = await Promise.all([params, getTranslations('setPassword'), getTranslations('app')]);
  const usable = await isSetPasswordTokenUsable(token);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-start justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-brand-700">{tApp('unit')}</p>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
        </div>
        <LanguageSwitch />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {usable ? <SetPasswordForm token={token} /> : <LinkNoLongerWorks />}
      </div>
    </main>
  );
}
