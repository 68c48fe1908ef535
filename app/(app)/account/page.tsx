import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/i18n/format';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import { requirePermission } from '@/lib/auth/viewer';
import { listOwnSessions } from '@/db/queries/account';
import { setLocaleAction } from '@/app/actions';
import { LOCALES } from '@/lib/vocabulary';
import { inputClass, labelClass } from '@/components/ui/field';
import { DataTable } from '@/components/ui/data-table';
import { ChangePasswordForm } from './change-password-form';
import { SessionSignOut } from './session-sign-out';
import { TwoStepSection } from '@/components/account/two-step-section';
import { ApiTokensSection } from '@/components/account/api-tokens';

export default async function AccountPage() {
  const viewer = await requirePermission('account:self');
  const [t, tLanguage, fmt, sessions] = await Promise.all([getTranslations('account'), getTranslations('language'), getFormatLocale(), listOwnSessions(viewer)]);
  const dateTime = { format: (at: Date) => formatDateTime(at, fmt) };

  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>

      <section aria-labelledby="password-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="password-title" className="text-lg font-semibold">{t('passwordTitle')}</h2>
        <p className="mb-3 text-sm text-slate-600">{t('passwordIntro')}</p>
        <ChangePasswordForm />
      </section>

      <TwoStepSection viewer={viewer} />

      <section aria-labelledby="language-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="language-title" className="text-lg font-semibold">{t('languageTitle')}</h2>
        <form action={setLocaleAction} className="mt-2 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="account-locale" className={labelClass}>{t('languageLabel')}</label>
            <select id="account-locale" name="locale" defaultValue={viewer.locale} className={inputClass}>
              {LOCALES.map((l) => <option key={l} value={l} lang={l}>{tLanguage(l)}</option>)}
            </select>
          </div>
          <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">{t('saveLanguage')}</button>
        </form>
      </section>

      <section aria-labelledby="sessions-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sessions-title" className="text-lg font-semibold">{t('sessionsTitle')}</h2>
        <p className="mb-3 text-sm text-slate-600">{t('sessionsIntro')}</p>
        <DataTable testId="own-sessions" columns={[t('started'), t('lastSeen'), t('ip'), t('device'), <span key="sign-out" className="sr-only">{t('signOutSession')}</span>]}>
          {sessions.map((s) => {
            const started = dateTime.format(s.createdAt);
            return (
              <tr key={s.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">{started}</td>
                <td className="px-3 py-2">{dateTime.format(s.lastSeenAt)}</td>
                <td className="px-3 py-2">{s.ip ?? t('unknown')}</td>
                <td className="max-w-xs break-words px-3 py-2 text-xs">{s.userAgent ?? t('unknown')}</td>
                <td className="px-3 py-2">
                  {s.current ? <span className="font-medium">{t('thisSession')}</span> : <SessionSignOut sessionId={s.id} started={started} />}
                </td>
              </tr>
            );
          })}
        </DataTable>
      </section>

      <ApiTokensSection viewer={viewer} />
    </div>
  );
}
