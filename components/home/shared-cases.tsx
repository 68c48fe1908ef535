import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SharedCase } from '@/db/queries/home';
import { formatDate } from '@/lib/i18n/format';
import { StatusBadge } from '@/components/cases/status-badge';
import { formatMoment } from './when';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import { DataTable, EmptyState } from '@/components/ui/data-table';

type Props = { rows: SharedCase[]; total: number; page: number; pages: number };
const linkClass = 'rounded border border-slate-300 bg-white px-3 py-1';

/**
 * A liaison officer's cases: updated ones first, marked in words (not by colour alone),
 * then by last update; a page at a time.
 */
export async function SharedCases({ rows, total, page, pages }: Props) {
  const [t, fmt] = await Promise.all([getTranslations('home'), getFormatLocale()]);
  return (
    <section aria-labelledby="shared-title" className="space-y-3">
      <h2 id="shared-title" className="text-lg font-semibold">{t('sharedTitle')}</h2>
      <p className="text-sm font-medium text-slate-700" data-testid="shared-count">{t('sharedCount', { count: total })}</p>
      {rows.length === 0 ? (
        <EmptyState>{t('noShared')}</EmptyState>
      ) : (
        <DataTable testId="shared-cases" columns={[t('reference'), t('caseTitle'), t('status'), t('lastUpdate'), t('nextHearing')]}>
              {rows.map((row) => (
                <tr key={row.id} className={`border-t border-slate-100 align-top ${row.updated ? 'bg-amber-50' : ''}`} data-updated={row.updated}>
                  <td className="px-3 py-2 font-mono whitespace-nowrap">
                    <Link href={`/cases/${row.id}`} className="text-brand-700 underline">{row.reference}</Link>
                    {row.updated && (
                      <span className="ml-2 rounded border border-amber-600 px-1.5 py-0.5 font-sans text-xs font-semibold text-amber-900" title={t('updatedHint')}>
                        {t('updated')}<span className="sr-only">: {t('updatedHint')}</span>
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2">{row.title}</td>
                  <td className="px-3 py-2"><StatusBadge status={row.status} /></td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {row.lastUpdate ? <time dateTime={row.lastUpdate.toISOString()}>{formatMoment(row.lastUpdate, fmt)}</time> : t('none')}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{row.nextHearing ? formatDate(row.nextHearing, fmt) : t('none')}</td>
                </tr>
              ))}
        </DataTable>
      )}
      {pages > 1 && (
        <nav aria-label={t('pagination')} className="flex flex-wrap items-center gap-3">
          {page > 1 && <Link href={page === 2 ? '/home' : `/home?page=${Math.min(page - 1, pages)}`} className={linkClass} rel="prev">{t('prev')}</Link>}
          <span className="text-sm text-slate-700">{t('pageOf', { page: Math.min(page, pages), pages })}</span>
          {page < pages && <Link href={`/home?page=${page + 1}`} className={linkClass} rel="next">{t('next')}</Link>}
        </nav>
      )}
    </section>
  );
}
