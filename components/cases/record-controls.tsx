import { getTranslations } from 'next-intl/server';
import type { ActionResult } from '@/lib/actions/validated-action';
import { EditForm, type FieldSpec, type FormName } from './edit-form';
import { CaseCommand } from './case-command';

type Action = (raw: unknown) => Promise<ActionResult<unknown>>;

/** "Edit" and "Remove" for one record of a case section; removing archives it. */
export async function RecordControls({ form, fields, values, target, save, remove, what }: {
  form: FormName & ('location' | 'suspect' | 'victim' | 'service');
  fields: FieldSpec[];
  values: Record<string, string>;
  /** The record, and for a service the child it belongs to. */
  target: { caseId: string; id: string; version: number; victimId?: string };
  save: Action;
  remove: Action;
  /** How the record is named to screen readers ("Edit Phnom Penh, Chamkar Mon"). */
  what: string;
}) {
  const t = await getTranslations('caseEdit');
  const { caseId, id, version } = target;
  return (
    <div className="mt-1 flex flex-wrap gap-2">
      <EditForm form={form} fields={fields} values={values} target={target} action={save}
        openLabel={t('edit')} openAriaLabel={t('editLabel', { what })} />
      <CaseCommand action={remove} payload={{ caseId, kind: form, id, version }}
        label={t('remove')} ariaLabel={t('removeLabel', { what })} pendingLabel={t('removing')}
        confirmLabel={t('confirmRemove')} hint={t('removeHint')} />
    </div>
  );
}
