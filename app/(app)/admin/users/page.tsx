import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { listUsers } from '@/db/queries/users';
import { listAgencyChoices } from '@/db/queries/user-invites';
import { parseUserFilters } from '@/lib/validation/user-filters';
import { PeopleFilters } from '@/components/people/people-filters';
import { PeopleTable } from './people-table';
import { formatDateTime } from '@/lib/i18n/format';
import { getFormatLocale } from '@/lib/i18n/format-locale';

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission('users:manage');
  const filters = parseUserFilters(await searchParams);
  const [t, locale, fmt, people, agencies] = await Promise.all([
    getTranslations('people'),
    getLocale(),
    getFormatLocale(),
    listUsers(viewer, filters),
    listAgencyChoices(viewer),
  ]);
  const agencyName = (a: { name: string; nameKm: string | null }) => (locale === 'km' && a.nameKm) || a.name;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <Link href="/admin/users/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">{t('add')}</Link>
      </div>
      <PeopleFilters filters={filters} agencies={agencies.map((a) => ({ id: a.id, name: agencyName(a) }))} />
      <PeopleTable
        viewerId={viewer.userId}
        people={people.map(({ lastLoginAt, ...p }) => ({ ...p, lastLogin: lastLoginAt ? formatDateTime(lastLoginAt, fmt) : null }))}
      />
    </div>
  );
}
