import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { listUsers } from '@/db/queries/users';
import { listAgencyChoices } from '@/db/queries/user-invites';
import { parseUserFilters } from '@/lib/validation/user-filters';
import { PeopleFilters } from '@/components/people/people-filters';
import { UserActions } from './user-actions';
import { RoleForm } from './role-form';
import { ResetPassword } from './reset-password';

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission('users:manage');
  const filters = parseUserFilters(await searchParams);
  const [t, locale, people, agencies] = await Promise.all([
    getTranslations('people'),
    getLocale(),
    listUsers(viewer, filters),
    listAgencyChoices(viewer),
  ]);
  const dateTime = new Intl.DateTimeFormat(locale === 'km' ? 'km-KH' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Phnom_Penh' });
  const agencyName = (a: { name: string; nameKm: string | null }) => (locale === 'km' && a.nameKm) || a.name;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <Link href="/admin/users/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">{t('add')}</Link>
      </div>
      <PeopleFilters filters={filters} agencies={agencies.map((a) => ({ id: a.id, name: agencyName(a) }))} />
      <p aria-live="polite" className="text-sm text-slate-600">{t('count', { count: people.length })}</p>
      {people.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4">{t('noMatch')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t('name')}</th>
                <th scope="col" className="px-3 py-2">{t('email')}</th>
                <th scope="col" className="px-3 py-2">{t('role')}</th>
                <th scope="col" className="px-3 py-2">{t('agency')}</th>
                <th scope="col" className="px-3 py-2">{t('status')}</th>
                <th scope="col" className="px-3 py-2">{t('lastLogin')}</th>
                <th scope="col" className="px-3 py-2">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">{person.name}</td>
                  <td className="px-3 py-2">{person.email}</td>
                  <td className="px-3 py-2"><RoleForm userId={person.id} name={person.name} role={person.role} /></td>
                  <td className="px-3 py-2">{person.agencyName ?? '—'}</td>
                  <td className="px-3 py-2">
                    {person.active ? t('active') : t('inactive')}
                    {person.locked && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('locked')}</span>}
                  </td>
                  <td className="px-3 py-2">{person.lastLoginAt ? dateTime.format(person.lastLoginAt) : t('never')}</td>
                  <td className="space-y-2 px-3 py-2">
                    <UserActions userId={person.id} name={person.name} active={person.active} locked={person.locked} />
                    {person.id !== viewer.userId && <ResetPassword userId={person.id} name={person.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
