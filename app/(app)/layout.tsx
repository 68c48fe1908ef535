import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/viewer';
import { can } from '@/lib/policy';
import { NAV_ITEMS } from '@/components/shell/nav-items';
import { MainNav } from '@/components/shell/main-nav';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { DigitsSwitch } from '@/components/shell/digits-switch';
import { signOutAction } from './actions';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { MessagePage } from '@/components/ui/message-page';

export default async function AppShell({ children }: { children: React.ReactNode }) {
  let viewer;
  try {
    viewer = await requireViewer();
  } catch (err) {
    // The database is away: say so plainly, with a retry; it recovers by itself when it's back.
    if (!isDatabaseUnavailable(err)) throw err;
    const t = await getTranslations('errors');
    return <MessagePage title={t('databaseTitle')} body={t('database')} homeLabel={t('retry')} />;
  }
  const t = await getTranslations();
  const items = NAV_ITEMS.filter((item) => can(viewer, item.permission));

  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t('shell.skipToContent')}
      </a>
      <header className="bg-brand-900 text-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <p className="font-semibold">{t('app.name')}</p>
          <MainNav items={items} />
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <p data-testid="viewer">
              <span className="font-medium">{viewer.name}</span>
              <span className="text-white/70"> · {t(`roles.${viewer.role}`)}</span>
            </p>
            <div className="flex items-center gap-1 rounded bg-white text-slate-900">
              <LanguageSwitch />
              <DigitsSwitch />
            </div>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-white/40 px-3 py-1 hover:bg-white/10">
                {t('shell.signOut')}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
