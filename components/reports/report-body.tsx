import { getLocale } from 'next-intl/server';
import type { ReportContent } from '@/lib/report/report-content';
import { isEmptyTable } from '@/lib/metrics-tables';
import { CHART_VARIANTS } from '@/components/dashboard/chart-variants';
import { FigureChart } from '@/components/dashboard/figure-chart';
import { FigureTableView } from '@/components/dashboard/figure-table-view';

/** The report as a document: narrative, then the figures, each chart with its table. Prints as it reads. */
export async function ReportBody({ content, emptyText }: { content: ReportContent; emptyText: string }) {
  const locale = await getLocale();
  const tables = new Map(content.tables.map((t) => [t.key, t]));
  const headlines = tables.get('headlines')!;
  return (
    <article className="space-y-8 rounded-lg border border-slate-200 bg-white p-8 print:border-0 print:p-0" data-testid="report">
      <header className="space-y-1 border-b border-slate-200 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-600">{content.unit}</p>
        <h2 className="text-3xl font-semibold">{content.title}</h2>
        <p className="text-sm text-slate-700" data-testid="report-status">{content.statusNote}</p>
      </header>
      {content.sections.map((s) => (
        <section key={s.key} aria-labelledby={`report-${s.key}`} className="space-y-2">
          <h3 id={`report-${s.key}`} className="text-xl font-semibold">{s.heading}</h3>
          {s.text.trim()
            ? s.text.split(/\n\s*\n/).map((p, i) => <p key={i} className="whitespace-pre-line leading-relaxed">{p.trim()}</p>)
            : <p className="text-slate-500 italic">{emptyText}</p>}
        </section>
      ))}
      <section aria-labelledby="report-figures" className="space-y-6 print:break-before-page">
        <h3 id="report-figures" className="text-xl font-semibold">{content.figuresHeading}</h3>
        <FigureTableView table={headlines} locale={locale} caption={headlines.title} />
        {CHART_VARIANTS.map(([key, variant]) => {
          const table = tables.get(key)!;
          return (
            <figure key={key} className="space-y-2 break-inside-avoid" data-testid={`report-${key}`}>
              <figcaption className="text-lg font-semibold">{table.title}</figcaption>
              {!isEmptyTable(table) && <FigureChart table={table} variant={variant} locale={locale} />}
              <FigureTableView table={table} locale={locale} caption={table.title} />
            </figure>
          );
        })}
      </section>
    </article>
  );
}
