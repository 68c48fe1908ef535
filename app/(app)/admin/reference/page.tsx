import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { listReferenceValues } from '@/db/queries/reference-admin';
import { isReferenceList, REFERENCE_LISTS, type ReferenceList } from '@/lib/validation/admin-lists';
import { RELATIONSHIP_GROUPS } from '@/lib/vocabulary';
import { EditForm, type FieldSpec } from '@/components/cases/edit-form';
import { CaseCommand } from '@/components/cases/case-command';
import { moveReferenceAction, saveReferenceAction, setReferenceActiveAction } from './actions';
import { MoveButtons } from './move-buttons';
import { DataTable } from '@/components/ui/data-table';

export default async function ReferenceListsPage({ searchParams }: { searchParams: Promise<{ list?: string }> }) {
  const viewer = await requirePermission('reference:manage');
  const asked = (await searchParams).list;
  const list: ReferenceList = isReferenceList(asked) ? asked : 'offenceTypes';
  const [t, locale, rows] = await Promise.all([getTranslations('referenceLists'), getLocale(), listReferenceValues(viewer, list)]);
  const withGroup = list === 'relationships';
  const labelFields: FieldSpec[] = [
    { name: 'labelEn', type: 'text', required: true, label: t('labelEn') },
    { name: 'labelKm', type: 'text', required: true, label: t('labelKm') },
    ...(withGroup
      ? [{ name: 'group', type: 'select', required: true, label: t('group'), options: RELATIONSHIP_GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) })) } satisfies FieldSpec]
      : []),
  ];
  const addFields: FieldSpec[] = [...labelFields, { name: 'code', type: 'text', label: t('codeHint') }];
  const shownLabel = (r: { labelEn: string; labelKm: string }) => (locale === 'km' ? r.labelKm : r.labelEn);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      <nav aria-label={t('listsLabel')}>
        <ul className="flex flex-wrap gap-2">
          {REFERENCE_LISTS.map((l) => (
            <li key={l}>
              <Link href={`/admin/reference?list=${l}`} aria-current={l === list ? 'page' : undefined}
                className="block rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white">
                {t(`lists.${l}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="text-xl font-semibold">{t(`lists.${list}`)}</h2>
      <EditForm key={list} form="referenceValue" fields={addFields} values={{ labelEn: '', labelKm: '', code: '', ...(withGroup ? { group: '' } : {}) }}
        target={{ list, isNew: 'true' }} action={saveReferenceAction} openLabel={t('add')} testId="add-reference-value" />
      <DataTable testId="reference-values" columns={[t('order'), t('code'), t('labelEn'), t('labelKm'), ...(withGroup ? [t('group')] : []), t('status'), t('actions')]}>
            {rows.map((r, i) => (
              <tr key={r.code} className="border-t border-slate-100 align-top" data-testid="reference-row" data-code={r.code}>
                <td className="px-3 py-2">
                  <MoveButtons list={list} code={r.code} label={shownLabel(r)} first={i === 0} last={i === rows.length - 1} action={moveReferenceAction} />
                </td>
                <td className="px-3 py-2 font-mono text-xs">{r.code}</td>
                <td className="px-3 py-2">{r.labelEn}</td>
                <td className="px-3 py-2" lang="km">{r.labelKm}</td>
                {withGroup && <td className="px-3 py-2">{r.group ? t(`groups.${r.group}`) : '—'}</td>}
                <td className="px-3 py-2">{r.active ? t('active') : t('inactive')}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-2">
                    <EditForm form="referenceValue" fields={labelFields} target={{ list, isNew: 'false', code: r.code }}
                      values={{ labelEn: r.labelEn, labelKm: r.labelKm, ...(withGroup ? { group: r.group ?? '' } : {}) }}
                      action={saveReferenceAction} openLabel={t('relabel')} openAriaLabel={t('relabelLabel', { label: shownLabel(r) })} />
                    {r.active ? (
                      <CaseCommand action={setReferenceActiveAction} payload={{ list, code: r.code, active: 'false' }}
                        label={t('deactivate')} ariaLabel={t('deactivateLabel', { label: shownLabel(r) })} pendingLabel={t('working')}
                        confirmLabel={t('confirmDeactivate')} hint={t('deactivateHint')} />
                    ) : (
                      <CaseCommand action={setReferenceActiveAction} payload={{ list, code: r.code, active: 'true' }}
                        label={t('reactivate')} ariaLabel={t('reactivateLabel', { label: shownLabel(r) })} pendingLabel={t('working')} />
                    )}
                  </div>
                </td>
              </tr>
            ))}
      </DataTable>
    </div>
  );
}
