import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseListRow } from '@/db/queries/case-list';
import { StatusBadge } from '@/components/cases/status-badge';
import { formatDate } from '@/lib/i18n/format';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import { DataTable } from '@/components/ui/data-table';

export async function CaseListTable({ rows }: { rows: CaseListRow[] }) {
  const [t, locale] = await Promise.all([getTranslations('caseList'), getLocale()]);
  const fmt = await getFormatLocale();
  return (
    <DataTable columns={[t('reference'), t('caseTitle'), t('statusColumn'), t('provinceColumn'), t('opened')]}>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100">
              <td className="px-3 py-2 font-mono whitespace-nowrap">
                <Link href={`/cases/${row.id}`} className="text-brand-700 underline">{row.reference}</Link>
              </td>
              <td className="px-3 py-2">{row.title}</td>
              <td className="px-3 py-2"><StatusBadge status={row.status} /></td>
              <td className="px-3 py-2">{(locale === 'km' ? row.provincesKm : row.provincesEn) ?? '—'}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDate(row.openedOn, fmt)}</td>
            </tr>
          ))}
    </DataTable>
  );
}
