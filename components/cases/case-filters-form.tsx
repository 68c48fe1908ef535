'use client';

import { useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import {
  CASE_SORTS, SEARCH_MAX_LENGTH, caseListSearch, parseCaseFilters, type CaseFilters, type CaseListOptions, type FilterOption,
} from '@/lib/case-filters';
import { CASE_STATUSES } from '@/lib/vocabulary';
import { inputClass, labelClass } from '@/components/ui/field';
import { formatYear } from '@/lib/i18n/format';

/** `numberLocale`: the reader's digits (lib/i18n/format-locale), for the years. */
type Props = { filters: CaseFilters; options: CaseListOptions; active: boolean; numberLocale: string };

/**
 * A plain GET form: without JavaScript it submits to /cases like any form. With it, the
 * empty fields are left out of the URL and the page changes without a full reload.
 */
export function CaseFiltersForm({ filters, options, active, numberLocale }: Props) {
  const t = useTranslations('caseList');
  const tStatus = useTranslations('caseStatus');
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
    startTransition(() => router.push(`/cases${caseListSearch(parseCaseFilters(raw))}`));
  }

  // A year outside the data is still the filter applied: show it selected.
  const years = filters.year === undefined || options.years.includes(filters.year)
    ? options.years
    : [...options.years, filters.year].sort((a, b) => b - a);

  const select = (name: keyof CaseFilters, label: string, any: string | null, choices: FilterOption[]) => (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={String(filters[name] ?? '')} className={inputClass}>
        {any !== null && <option value="">{any}</option>}
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </div>
  );

  return (
    <form
      method="get"
      action="/cases"
      role="search"
      aria-label={t('filtersLabel')}
      onSubmit={onSubmit}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div>
        <label htmlFor="filter-q" className={labelClass}>{t('search')}</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          maxLength={SEARCH_MAX_LENGTH}
          defaultValue={filters.q ?? ''}
          aria-describedby="filter-q-hint"
          className={inputClass}
        />
        <p id="filter-q-hint" className="mt-1 text-sm text-slate-600">{t('searchHint')}</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {select('year', t('year'), t('anyYear'), years.map((y) => ({ value: String(y), label: formatYear(y, numberLocale) })))}
        {select('status', t('status'), t('anyStatus'), CASE_STATUSES.map((s) => ({ value: s, label: tStatus(s) })))}
        {select('province', t('province'), t('anyProvince'), options.provinces)}
        {select('offence', t('offence'), t('anyOffence'), options.offences)}
        {select('lead', t('lead'), t('anyLead'), options.leads)}
        {select('arrest', t('arrest'), t('anyArrest'), [
          { value: 'yes', label: t('arrestYes') },
          { value: 'no', label: t('arrestNo') },
        ])}
        {select('sort', t('sort'), null, CASE_SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) })))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60"
        >
          {pending ? t('applying') : t('apply')}
        </button>
        {active && <Link href="/cases" className="text-brand-700 underline">{t('clear')}</Link>}
      </div>
    </form>
  );
}
