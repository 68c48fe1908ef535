import { getTranslations } from 'next-intl/server';
import { ROLES } from '@/lib/vocabulary';
import { inputClass, labelClass } from '@/components/ui/field';
import type { UserFilters } from '@/db/queries/users';

/** A plain GET form that works without JavaScript: only codes and ids go in the address, never a name. */
export async function PeopleFilters({ filters, agencies }: { filters: UserFilters; agencies: { id: string; name: string }[] }) {
  const [t, tRoles] = await Promise.all([getTranslations('people'), getTranslations('roles')]);
  return (
    <form method="get" role="search" aria-label={t('filtersTitle')} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      <div>
        <label htmlFor="people-role" className={labelClass}>{t('role')}</label>
        <select id="people-role" name="role" defaultValue={filters.role ?? ''} className={inputClass}>
          <option value="">{t('allRoles')}</option>
          {ROLES.map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="people-agency" className={labelClass}>{t('agency')}</label>
        <select id="people-agency" name="agency" defaultValue={filters.agencyId ?? ''} className={inputClass}>
          <option value="">{t('allAgencies')}</option>
          {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="people-status" className={labelClass}>{t('status')}</label>
        <select id="people-status" name="status" defaultValue={filters.status ?? ''} className={inputClass}>
          <option value="">{t('allStatuses')}</option>
          <option value="active">{t('active')}</option>
          <option value="inactive">{t('inactive')}</option>
          <option value="locked">{t('locked')}</option>
        </select>
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">{t('filter')}</button>
      <a href="/admin/users" className="px-2 py-2 text-sm text-brand-700 underline">{t('clear')}</a>
    </form>
  );
}
