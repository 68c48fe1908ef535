import { getTranslations } from 'next-intl/server';
import { isEmptyTable, type FigureTable } from '@/lib/metrics-tables';
import { LazyFigureChart } from './lazy-figure-chart';
import type { ChartVariant } from './chart-variants';
import { FigureTableView } from './figure-table-view';
import { getFormatLocale } from '@/lib/i18n/format-locale';

/**
 * One chart with its title, what it counts, the figures as a table (the text alternative,
 * open by a click or a key) and a CSV download of that same table.
 */
export async function ChartCard({ table, variant, csvHref }: { table: FigureTable; variant: ChartVariant; csvHref: string }) {
  const [t, fmt] = await Promise.all([getTranslations('dashboard'), getFormatLocale()]);
  const empty = isEmptyTable(table);
  const headingId = `chart-${table.key}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`chart-${table.key}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">{table.title}</h2>
        <a href={csvHref} download className="text-sm text-brand-700 underline">{t('downloadCsv')}<span className="sr-only">: {table.title}</span></a>
      </div>
      <p className="text-sm text-slate-600">{t(`charts.${table.key}.definition`)}</p>
      {empty ? (
        <p className="mt-3 rounded border border-dashed border-slate-300 p-4 text-slate-600">{t('chartEmpty')}</p>
      ) : (
        <>
          <LazyFigureChart table={table} variant={variant} locale={fmt} />
          {table.key === 'provinces' && table.marked.length > 0 && <p className="text-sm text-slate-700">{t('charts.provinces.marked')}</p>}
        </>
      )}
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-brand-700 underline">{t('showTable')}</summary>
        <FigureTableView table={table} locale={fmt} caption={table.title} />
      </details>
    </section>
  );
}
