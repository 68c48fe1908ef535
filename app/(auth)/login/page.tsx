import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from './login-form';
import { getViewer } from '@/lib/auth/viewer';
import { safeCallbackPath } from '@/lib/auth/login';
import { homePath } from '@/lib/policy';
import { LanguageSwitch } from '@/components/shell/language-switch';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const viewer = await getViewer();
  if (viewer) redirect(homePath(viewer.role));
  const [t, tApp, params] = await Promise.all([getTranslations('login'), getTranslations('app'), searchParams]);
  const callbackUrl = safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);

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
        <p className="mb-2 text-sm text-slate-600">{t('intro')}</p>
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
