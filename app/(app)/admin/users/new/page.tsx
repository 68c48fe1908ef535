import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { listAgencyChoices } from '@/db/queries/user-invites';
import { CreateUserForm } from './create-user-form';

export default async function NewPersonPage() {
  const viewer = await requirePermission('users:manage');
  const [t, locale, agencies] = await Promise.all([getTranslations('people'), getLocale(), listAgencyChoices(viewer)]);
  const choices = agencies.filter((a) => a.active).map((a) => ({ value: a.id, label: (locale === 'km' && a.nameKm) || a.name }));
  return (
    <div className="max-w-xl space-y-4">
      <Link href="/admin/users" className="text-sm text-brand-700 underline">{t('backToList')}</Link>
      <h1 className="text-2xl font-semibold">{t('add')}</h1>
      <p className="text-sm text-slate-600">{t('addIntro')}</p>
      <CreateUserForm agencies={choices} />
    </div>
  );
}
