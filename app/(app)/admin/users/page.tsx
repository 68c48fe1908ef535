import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { listUsers } from '@/db/queries/users';
import { UserActions } from './user-actions';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import { formatDateTime } from '@/lib/i18n/format';

export default async function PeoplePage() {
  const viewer = await requirePermission('users:manage');
  const [t, tRoles, fmt, people] = await Promise.all([
    getTranslations('people'),
    getTranslations('roles'),
    getFormatLocale(),
    listUsers(viewer),
  ]);
  const dateTime = { format: (at: Date) => formatDateTime(at, fmt) };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
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
              <tr key={person.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{person.name}</td>
                <td className="px-3 py-2">{person.email}</td>
                <td className="px-3 py-2">{tRoles(person.role)}</td>
                <td className="px-3 py-2">{person.agencyName ?? '—'}</td>
                <td className="px-3 py-2">
                  {person.active ? t('active') : t('inactive')}
                  {person.locked && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('locked')}</span>}
                </td>
                <td className="px-3 py-2">{person.lastLoginAt ? dateTime.format(person.lastLoginAt) : t('never')}</td>
                <td className="px-3 py-2">
                  <UserActions userId={person.id} name={person.name} active={person.active} locked={person.locked} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
