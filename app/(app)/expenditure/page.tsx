import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { listExpenditures } from '@/db/queries/expenditures';
import { EXPENDITURE_CATEGORIES } from '@/lib/vocabulary';
import { formatUsd } from '@/lib/i18n/format';
import { inputClass, labelClass } from '@/components/ui/field';
import { EditForm, type FieldSpec } from '@/components/cases/edit-form';
import { CaseCommand } from '@/components/cases/case-command';
import { removeExpenditureAction, saveExpenditureAction } from './actions';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import { EmptyState } from '@/components/ui/data-table';

const FIRST_YEAR = 2010;

export default async function ExpenditurePage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const viewer = await requirePermission('expenditure:manage');
  const [t, tEdit, fmt] = await Promise.all([getTranslations('expenditure'), getTranslations('caseEdit'), getFormatLocale()]);
  const thisYear = new Date().getUTCFullYear();
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 1990 && asked <= thisYear + 1 ? asked : thisYear - 1;
  const lines = await listExpenditures(viewer, year);
  const total = lines.reduce((sum, l) => sum + Number(l.amountUsd), 0);
  const years = Array.from({ length: thisYear + 2 - Math.min(FIRST_YEAR, year) }, (_, i) => thisYear + 1 - i);

  const fields: FieldSpec[] = [
    { name: 'year', type: 'number', required: true },
    { name: 'category', type: 'select', required: true, options: EXPENDITURE_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })) },
    { name: 'amountUsd', type: 'text', required: true },
    { name: 'note', type: 'text', wide: true },
  ];

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title', { year })}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      <form method="get" action="/expenditure" className="flex items-end gap-3">
        <div>
          <label htmlFor="expenditure-year" className={labelClass}>{t('year')}</label>
          <select id="expenditure-year" name="year" defaultValue={String(year)} className={inputClass}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">{t('show')}</button>
      </form>

      <EditForm form="expenditure" fields={fields} values={{ year: String(year), category: '', amountUsd: '', note: '' }} target={{}}
        action={saveExpenditureAction} openLabel={t('add')} testId="add-expenditure" />

      {lines.length === 0 ? (
        <EmptyState>{t('none', { year })}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="expenditure-lines">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t('category')}</th>
                <th scope="col" className="px-3 py-2 text-right">{t('amount')}</th>
                <th scope="col" className="px-3 py-2">{t('note')}</th>
                <th scope="col" className="px-3 py-2">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => {
                const what = { category: t(`categories.${l.category}`), amount: formatUsd(Number(l.amountUsd), fmt, true) };
                return (
                  <tr key={l.id} className="border-t border-slate-100 align-top" data-testid="expenditure-line">
                    <td className="px-3 py-2">{what.category}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatUsd(Number(l.amountUsd), fmt, true)}</td>
                    <td className="px-3 py-2">{l.note ?? '—'}</td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap gap-2">
                        <EditForm form="expenditure" fields={fields} target={{ id: l.id, version: l.version }}
                          values={{ year: String(l.year), category: l.category, amountUsd: l.amountUsd, note: l.note ?? '' }}
                          action={saveExpenditureAction} openLabel={tEdit('edit')} openAriaLabel={t('editLabel', what)} />
                        <CaseCommand action={removeExpenditureAction} payload={{ id: l.id, version: l.version }}
                          label={tEdit('remove')} ariaLabel={t('removeLabel', what)} pendingLabel={t('removing')}
                          confirmLabel={t('confirmRemove')} hint={t('removeHint')} />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-slate-300 font-semibold">
                <th scope="row" className="px-3 py-2">{t('total')}</th>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="expenditure-total">{formatUsd(total, fmt, true)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}
