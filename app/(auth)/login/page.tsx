import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from './login-form';
import { getViewer } from '@/lib/auth/viewer';
import { safeCallbackPath } from '@/lib/auth/login';
import { homePath } from '@/lib/policy';
import { AuthCard } from '@/components/auth/auth-card';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const viewer = await getViewer();
  if (viewer) redirect(homePath(viewer.role));
  const [t, params] = await Promise.all([getTranslations('login'), searchParams]);
  const callbackUrl = safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);

  return (
    <AuthCard title={t('title')}>
      <p className="mb-2 text-sm text-slate-600">{t('intro')}</p>
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
