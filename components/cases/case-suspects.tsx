import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/db/queries/case-read';
import { formatDate } from '@/lib/i18n/format';
import { Section } from './section';
import { EditForm } from './edit-form';
import { RecordControls } from './record-controls';
import { arrestFields, formValues, suspectFields } from './field-specs';
import type { CaseEditing, CaseRecording } from './editing';
import { getFormatLocale } from '@/lib/i18n/format-locale';

export async function CaseSuspects({ found, editing, recording }: { found: CaseDetail; editing: CaseEditing | null; recording: CaseRecording | null }) {
  const [t, tEdit, locale] = await Promise.all([getTranslations('case'), getTranslations('caseEdit'), getLocale()]);
  const fmt = await getFormatLocale();
  const km = locale === 'km';
  const fields = editing ? suspectFields(editing.options, editing.enums) : [];
  const recordArrest = recording?.actions.recordArrest;
  const arrest = recording ? arrestFields(recording.options) : [];
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
                  {s.arrestedOn && <> · {t('arrestedOn')}: {formatDate(s.arrestedOn, fmt)}</>}
                  {s.arrestingAgency && <> · {t('arrestingAgency')}: {(km && s.arrestingAgencyKm) || s.arrestingAgency}</>}
                  {s.arrestPlace && <> · {t('arrestPlace')}: {s.arrestPlace}</>}
                </p>
                {recordArrest && (
                  <div className="mt-1">
                    <EditForm form="arrest" fields={arrest} values={formValues(s, arrest)} target={{ caseId: found.id, id: s.id, version: s.version }}
                      action={recordArrest} testId="record-arrest"
                      openLabel={s.arrestedOn ? tEdit('correctArrest') : tEdit('recordArrest')}
                      openAriaLabel={s.arrestedOn ? tEdit('correctArrestLabel', { what: label }) : tEdit('recordArrestLabel', { what: label })} />
                  </div>
                )}
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
