import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { listReports } from '@/db/queries/annual-reports';
import { inputClass, labelClass } from '@/components/ui/field';
import { DataTable, EmptyState } from '@/components/ui/data-table';

export default async function ReportsPage() {
  const viewer = await requirePermission('reports:read');
  const [t, reports] = await Promise.all([getTranslations('reports'), listReports(viewer)]);
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: 15 }, (_, i) => thisYear - i);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('listTitle')}</h1>
      <p className="text-slate-700">{t('listIntro')}</p>
      {/* Opening a year's page offers to start its report: no write from a GET. */}
      <form method="get" action="/reports/go" className="flex items-end gap-3">
        <div>
          <label htmlFor="report-year" className={labelClass}>{t('startFor')}</label>
          <select id="report-year" name="year" defaultValue={String(thisYear - 1)} className={inputClass}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">{t('open')}</button>
      </form>
      {reports.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <DataTable columns={[t('year'), t('latest'), t('status')]}>
              {reports.map((r) => (
                <tr key={r.year} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2"><Link className="text-brand-700 underline" href={`/reports/${r.year}`}>{r.year}</Link></th>
                  <td className="px-3 py-2">{r.versionNo}</td>
                  <td className="px-3 py-2">{t(r.status)}</td>
                </tr>
              ))}
        </DataTable>
      )}
    </div>
  );
}
