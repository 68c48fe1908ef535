import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { can } from '@/lib/policy';
import { listCases } from '@/db/queries/investigations';
import { StatusBadge } from '@/components/cases/status-badge';
import { formatDate } from '@/lib/i18n/format';

type Search = { after?: string | string[]; before?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission('cases:list');
  const params = await searchParams;
  const [t, locale, page] = await Promise.all([
    getTranslations('cases'),
    getLocale(),
    listCases(viewer, { after: one(params.after), before: one(params.before) }),
  ]);

  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        {can(viewer, 'cases:create') && <Link href="/cases/new" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-900">{(await getTranslations('caseForm'))('newCase')}</Link>}
        <p className="text-sm text-slate-600" data-testid="case-count">{t('count', { count: page.total })}</p>
      </div>

      {page.rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t('reference')}</th>
                <th scope="col" className="px-3 py-2">{t('caseTitle')}</th>
                <th scope="col" className="px-3 py-2">{t('status')}</th>
                <th scope="col" className="px-3 py-2">{t('province')}</th>
                <th scope="col" className="px-3 py-2">{t('opened')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100">
                  <td className="px-3 py-2 font-mono whitespace-nowrap">
                    <Link href={`/cases/${row.id}`} className="text-brand-700 underline">{row.reference}</Link>
                  </td>
                  <td className="px-3 py-2">{row.title}</td>
                  <td className="px-3 py-2"><StatusBadge status={row.status} /></td>
                  <td className="px-3 py-2">{(locale === 'km' ? row.provincesKm : row.provincesEn) ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDate(row.openedOn, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label={t('pagination')} className="flex gap-3">
        {page.prevCursor && (
          <>
            <Link href="/cases" className="rounded border border-slate-300 bg-white px-3 py-1">{t('first')}</Link>
            <Link href={`/cases?before=${page.prevCursor}`} className="rounded border border-slate-300 bg-white px-3 py-1" rel="prev">{t('newer')}</Link>
          </>
        )}
        {page.nextCursor && (
          <Link href={`/cases?after=${page.nextCursor}`} className="rounded border border-slate-300 bg-white px-3 py-1" rel="next">{t('older')}</Link>
        )}
      </nav>
    </div>
  );
}
