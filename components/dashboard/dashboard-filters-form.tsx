import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { DashboardOptions, MetricFilters } from '@/db/queries/metrics';
import { inputClass, labelClass } from '@/components/ui/field';
import { formatYear } from '@/lib/i18n/format';
import { getFormatLocale } from '@/lib/i18n/format-locale';

/** A plain GET form: the year and filters live in the URL, so a view can be bookmarked or sent. */
export async function DashboardFiltersForm({ filters, options }: { filters: MetricFilters; options: DashboardOptions }) {
  const [t, fmt] = await Promise.all([getTranslations('dashboard'), getFormatLocale()]);
  const years = options.years.includes(filters.year) ? options.years : [...options.years, filters.year].sort((a, b) => b - a);
  const filtered = Boolean(filters.province || filters.offenceType);
  return (
    <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" role="search" aria-label={t('filtersLabel')}>
      <div>
        <label htmlFor="dashboard-year" className={labelClass}>{t('year')}</label>
        <select id="dashboard-year" name="year" defaultValue={String(filters.year)} className={inputClass}>
          {years.map((y) => <option key={y} value={y}>{formatYear(y, fmt)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="dashboard-province" className={labelClass}>{t('province')}</label>
        <select id="dashboard-province" name="province" defaultValue={filters.province ?? ''} className={inputClass}>
          <option value="">{t('allProvinces')}</option>
          {options.provinces.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="dashboard-offence" className={labelClass}>{t('offenceType')}</label>
        <select id="dashboard-offence" name="offence" defaultValue={filters.offenceType ?? ''} className={inputClass}>
          <option value="">{t('allOffences')}</option>
          {options.offenceTypes.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">{t('apply')}</button>
      {filtered && <Link href={`/dashboard?year=${filters.year}`} className="py-2 text-brand-700 underline">{t('clearFilters')}</Link>}
    </form>
  );
}
