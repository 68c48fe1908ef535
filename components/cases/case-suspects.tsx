import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/db/queries/case-read';
import { formatDate } from '@/lib/i18n/format';
import { Section } from './section';
import { EditForm } from './edit-form';
import { RecordControls } from './record-controls';
import { formValues, suspectFields } from './field-specs';
import type { CaseEditing } from './editing';

export async function CaseSuspects({ found, editing }: { found: CaseDetail; editing: CaseEditing | null }) {
  const [t, tEdit, locale] = await Promise.all([getTranslations('case'), getTranslations('caseEdit'), getLocale()]);
  const km = locale === 'km';
  const fields = editing ? suspectFields(editing.options, editing.enums) : [];
  return (
    <Section
      id="suspects"
      title={t('suspects')}
      actions={editing && (
        <EditForm form="suspect" fields={fields} values={{ ...formValues({}, fields), status: 'identified' }} target={{ caseId: found.id }}
          action={editing.actions.saveSuspect} openLabel={tEdit('addWhat.suspect')} testId="add-suspect" />
      )}
    >
      {found.suspects.length === 0 ? (
        <p className="text-slate-600">{t('noSuspects')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {found.suspects.map((s, i) => {
            const label = s.alias || s.fullName || `#${i + 1}`;
            return (
              <li key={s.id} className="py-2" data-testid="suspect">
                <p className="font-medium">
                  {s.fullName ?? '—'}{s.alias ? ` (“${s.alias}”)` : ''}
                </p>
                <p className="text-sm text-slate-700">
                  {t(`sex.${s.sex}`)}{s.age !== null ? ` · ${s.age}` : ''}{s.nationality ? ` · ${s.nationality}` : ''}
                  {' · '}{t('relationship')}: {km ? s.relationshipKm : s.relationshipEn}
                  {' · '}{t('suspectStatusLabel')}: <span data-testid="suspect-status">{t(`suspectStatus.${s.status}`)}</span>
                  {s.arrestedOn && <> · {t('arrestedOn')}: {formatDate(s.arrestedOn, locale)}</>}
                  {s.arrestingAgency && <> · {t('arrestingAgency')}: {(km && s.arrestingAgencyKm) || s.arrestingAgency}</>}
                  {s.arrestPlace && <> · {t('arrestPlace')}: {s.arrestPlace}</>}
                </p>
                {editing && (
                  <RecordControls form="suspect" fields={fields} values={formValues(s, fields)} target={{ caseId: found.id, id: s.id, version: s.version }}
                    save={editing.actions.saveSuspect} remove={editing.actions.removeChild} what={label} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
