import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { isLocale } from '@/lib/i18n/locale';
import { dashboardOptions, getYearFigures } from '@/db/queries/metrics';
import { dashboardQuery, parseDashboardFilters, type DashboardSearchParams } from '@/lib/dashboard-filters';
import { figureTables } from '@/lib/metrics-tables';
import { DashboardFiltersForm } from '@/components/dashboard/dashboard-filters-form';
import { HeadlineTiles } from '@/components/dashboard/headline-tiles';
import { ChartCard } from '@/components/dashboard/chart-card';
import { CHART_VARIANTS } from '@/components/dashboard/chart-variants';

export default async function DashboardPage({ searchParams }: { searchParams: Promise<DashboardSearchParams> }) {
  const viewer = await requirePermission('dashboard:read');
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const options = await dashboardOptions(viewer, locale);
  const { filters, ignored } = parseDashboardFilters(await searchParams, options);
  const [figures, t] = await Promise.all([getYearFigures(viewer, filters), getTranslations('dashboard')]);
  const tables = new Map(figureTables(figures, (k, v) => t(k as never, v as never), locale).map((x) => [x.key, x]));
  const query = dashboardQuery(filters);
  const filtered = Boolean(filters.province || filters.offenceType);
  const nothing = figures.headlines.investigations === 0 && figures.headlines.suspectsArrested === 0 && figures.headlines.spent === null;
  const provinceName = options.provinces.find((p) => p.value === filters.province)?.label;
  const offenceName = options.offenceTypes.find((o) => o.value === filters.offenceType)?.label;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('title', { year: filters.year })}</h1>
      <DashboardFiltersForm filters={filters} options={options} />
      {ignored.length > 0 && <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">{t('ignored')}</p>}
      {filtered && (
        <p className="text-sm text-slate-700" data-testid="filter-note">
          {t('filteredNote', { province: provinceName ?? t('allProvinces'), offence: offenceName ?? t('allOffences') })}
        </p>
      )}
      {nothing ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6" data-testid="dashboard-empty">
          <p className="font-medium">{filtered ? t('emptyFiltered', { year: filters.year }) : t('emptyYear', { year: filters.year })}</p>
          <p className="mt-1 text-sm text-slate-600">{t('emptyHint')}</p>
        </div>
      ) : (
        <>
          <HeadlineTiles figures={figures} />
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            {CHART_VARIANTS.map(([key, variant]) => (
              <ChartCard key={key} table={tables.get(key)!} variant={variant} csvHref={`/dashboard/csv?table=${key}&${query}`} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
