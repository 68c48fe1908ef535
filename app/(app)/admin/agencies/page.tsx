import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { listAgencies } from '@/db/queries/agencies';
import { AGENCY_KINDS } from '@/lib/vocabulary';
import { EditForm, type FieldSpec } from '@/components/cases/edit-form';
import { CaseCommand } from '@/components/cases/case-command';
import { saveAgencyAction, setAgencyActiveAction } from './actions';
import { DataTable, EmptyState } from '@/components/ui/data-table';

export default async function AgenciesPage() {
  const viewer = await requirePermission('agencies:manage');
  const [t, rows] = await Promise.all([getTranslations('agencies'), listAgencies(viewer)]);
  const fields: FieldSpec[] = [
    { name: 'name', type: 'text', required: true, label: t('name'), wide: true },
    { name: 'nameKm', type: 'text', label: t('nameKm'), wide: true },
    { name: 'kind', type: 'select', required: true, label: t('kind'), options: AGENCY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
  ];

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      <EditForm form="agency" fields={fields} values={{ name: '', nameKm: '', kind: '' }} target={{}}
        action={saveAgencyAction} openLabel={t('add')} testId="add-agency" />
      {rows.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <DataTable testId="agencies" columns={[t('name'), t('nameKm'), t('kind'), t('status'), t('actions')]}>
              {rows.map((a) => (
                <tr key={a.id} className="border-t border-slate-100 align-top" data-testid="agency-row">
                  <td className="px-3 py-2">{a.name}</td>
                  <td className="px-3 py-2" lang="km">{a.nameKm ?? '—'}</td>
                  <td className="px-3 py-2">{t(`kinds.${a.kind}`)}</td>
                  <td className="px-3 py-2">{a.active ? t('active') : t('inactive')}</td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap gap-2">
                      <EditForm form="agency" fields={fields} target={{ id: a.id, version: a.version }}
                        values={{ name: a.name, nameKm: a.nameKm ?? '', kind: a.kind }}
                        action={saveAgencyAction} openLabel={t('rename')} openAriaLabel={t('renameLabel', { name: a.name })} />
                      {a.active ? (
                        <CaseCommand action={setAgencyActiveAction} payload={{ id: a.id, version: a.version, active: 'false' }}
                          label={t('deactivate')} ariaLabel={t('deactivateLabel', { name: a.name })} pendingLabel={t('working')}
                          confirmLabel={t('confirmDeactivate')} hint={t('deactivateHint')} />
                      ) : (
                        <CaseCommand action={setAgencyActiveAction} payload={{ id: a.id, version: a.version, active: 'true' }}
                          label={t('reactivate')} ariaLabel={t('reactivateLabel', { name: a.name })} pendingLabel={t('working')} />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </div>
  );
}
