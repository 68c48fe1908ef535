import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { IMPORT_COLUMNS } from '@/lib/case-import/format';
import { DataTable } from '@/components/ui/data-table';
import { ImportForm } from '@/components/cases/import-form';

export default async function ImportCasesPage() {
  await requirePermission('cases:import');
  const t = await getTranslations('caseImport');
  return (
    <div className="space-y-6">
      <div>
        <Link href="/cases" className="text-sm text-brand-700 underline">{t('back')}</Link>
        <h1 className="mt-1 text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t('intro')}</p>
      </div>

      <ImportForm />

      <section aria-labelledby="format-heading" className="space-y-3">
        <h2 id="format-heading" className="text-xl font-semibold">{t('formatTitle')}</h2>
        <ul className="max-w-3xl list-disc space-y-1 pl-5 text-slate-700">
          <li>{t('format.rows')}</li>
          <li>{t('format.together')}</li>
          <li>{t('format.caseColumns')}</li>
          <li>{t('format.values')}</li>
          <li>{t('format.again')}</li>
          <li>{t('format.allOrNothing')}</li>
        </ul>
        <a href="/cases/import/template" className="inline-block rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50" download>
          {t('template')}
        </a>
        <DataTable columns={[t('column'), t('meaning')]} testId="import-columns">
          {IMPORT_COLUMNS.map((column) => (
            <tr key={column} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2 font-mono text-xs">{column}</td>
              <td className="px-3 py-2">{t(`columns.${column}` as never)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
