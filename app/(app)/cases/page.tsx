import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { can } from '@/lib/policy';
import { listCases } from '@/db/queries/case-list';
import { caseListOptions } from '@/db/queries/case-list-options';
import {
  caseListSearch, hasActiveFilters, parseCaseFilters, parseCasePagePosition, withKnownChoices, type CaseSearchParams,
} from '@/lib/case-filters';
import { isLocale } from '@/lib/i18n/locale';
import { CaseFiltersForm } from '@/components/cases/case-filters-form';
import { CaseListTable } from '@/components/cases/case-list-table';
import { CaseListPagination } from '@/components/cases/case-list-pagination';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import { EmptyState } from '@/components/ui/data-table';

export default async function CasesPage({ searchParams }: { searchParams: Promise<CaseSearchParams> }) {
  const viewer = await requirePermission('cases:list');
  const params = await searchParams;
  const [t, tForm, locale, fmt] = await Promise.all([getTranslations('caseList'), getTranslations('caseForm'), getLocale(), getFormatLocale()]);
  const asked = parseCaseFilters(params);
  const position = parseCasePagePosition(params);
  // The list is read beside the filter choices, not after them: a choice the viewer does not
  // have (a stale lead, a made-up province) is rare, and only then is the list read again.
  const [options, firstRead] = await Promise.all([caseListOptions(viewer, isLocale(locale) ? locale : 'en'), listCases(viewer, { ...asked, ...position })]);
  const filters = withKnownChoices(asked, options);
  const active = hasActiveFilters(filters);
  const unchanged = filters.province === asked.province && filters.offence === asked.offence && filters.lead === asked.lead;
  const page = unchanged ? firstRead : await listCases(viewer, { ...filters, ...position });

  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <div className="flex flex-wrap gap-2">
          {can(viewer, 'cases:import') && (
            <Link href="/cases/import" className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50">
              {t('importCases')}
            </Link>
          )}
          {can(viewer, 'cases:create') && (
            <Link href="/cases/new" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-900">
              {tForm('newCase')}
            </Link>
          )}
        </div>
      </div>
      <CaseFiltersForm key={JSON.stringify(filters)} filters={filters} options={options} active={active} numberLocale={fmt} />

      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p className="text-sm font-medium text-slate-700" data-testid="case-count" aria-live="polite">
          {t(active ? (page.moreThanTotal ? 'matchesMoreThan' : 'matches') : page.moreThanTotal ? 'inScopeMoreThan' : 'inScope', { count: page.total })}
        </p>
        {page.total > 0 && (
          // Plain links carrying the list's filters and sort: the download is the list, not a page of it.
          <nav aria-label={t('downloads')} className="flex gap-3 text-sm">
            <a href={`/cases/export/csv${caseListSearch(filters)}`} className="text-brand-700 underline" download>{t('downloadCsv')}</a>
            <a href={`/cases/export/xlsx${caseListSearch(filters)}`} className="text-brand-700 underline" download>{t('downloadXlsx')}</a>
          </nav>
        )}
      </div>

      {page.rows.length > 0 ? (
        <CaseListTable rows={page.rows} />
      ) : active ? (
        <div className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          <p className="font-medium">{t('emptyFiltered')}</p>
          <p className="mt-1 text-sm">{t('emptyFilteredHint')}</p>
          <Link href="/cases" className="mt-2 inline-block text-brand-700 underline">{t('clear')}</Link>
        </div>
      ) : (
        <EmptyState>{t('empty')}</EmptyState>
      )}

      <CaseListPagination filters={filters} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
    </div>
  );
}
