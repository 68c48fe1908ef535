import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CaseUpdate } from '@/db/queries/home';
import { changeGroups } from '@/lib/change-kinds';
import { StatusBadge } from '@/components/cases/status-badge';
import { formatMoment } from './when';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import { DataTable, EmptyState } from '@/components/ui/data-table';

/** The viewer's cases someone else changed since they last opened them, newest change first. */
export async function CaseUpdates({ rows, total }: { rows: CaseUpdate[]; total: number }) {
  const [t, fmt] = await Promise.all([getTranslations('home'), getFormatLocale()]);
  return (
    <section aria-labelledby="updates-title" className="space-y-3">
      <div>
        <h2 id="updates-title" className="text-lg font-semibold">{t('updatesTitle')}</h2>
        <p className="text-sm text-slate-600">{t('updatesIntro')}</p>
      </div>
      <p className="text-sm font-medium text-slate-700" data-testid="updates-count">
        {t('updatesCount', { count: total })}
        {total > rows.length && <> · {t('showingNewest', { shown: rows.length })}</>}
      </p>
      {rows.length === 0 ? (
        <EmptyState>{t('noUpdates')}</EmptyState>
      ) : (
        <DataTable testId="updates" columns={[t('reference'), t('caseTitle'), t('status'), t('what'), t('when')]}>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2 font-mono whitespace-nowrap">
                    <Link href={`/cases/${row.id}`} className="text-brand-700 underline">{row.reference}</Link>
                  </td>
                  <td className="px-3 py-2">{row.title}</td>
                  <td className="px-3 py-2"><StatusBadge status={row.status} /></td>
                  <td className="px-3 py-2">
                    {t('changes', { count: row.changes, kinds: changeGroups(row.kinds).map((g) => t(`changeKinds.${g}`)).join(', ') })}
                  </td>
                  <td className="px-3 py-2">
                    <time dateTime={row.lastAt.toISOString()} className="whitespace-nowrap">{formatMoment(row.lastAt, fmt)}</time>
                    <span className="block text-slate-600">{t('by', { name: row.lastBy ?? t('someone') })}</span>
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </section>
  );
}
