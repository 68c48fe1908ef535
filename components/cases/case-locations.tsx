import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/db/queries/case-read';
import { formatDate } from '@/lib/i18n/format';
import { Section } from './section';
import { EditForm } from './edit-form';
import { RecordControls } from './record-controls';
import { formValues, locationFields } from './field-specs';
import type { CaseEditing } from './editing';
import { getFormatLocale } from '@/lib/i18n/format-locale';

export async function CaseLocations({ found, editing }: { found: CaseDetail; editing: CaseEditing | null }) {
  const [t, tEdit, locale] = await Promise.all([getTranslations('case'), getTranslations('caseEdit'), getLocale()]);
  const fmt = await getFormatLocale();
  const km = locale === 'km';
  const fields = editing ? locationFields(editing.options) : [];
  return (
    <Section
      id="locations"
      title={t('locations')}
      actions={editing && (
        <EditForm form="location" fields={fields} values={formValues({}, fields)} target={{ caseId: found.id }}
          action={editing.actions.saveLocation} openLabel={tEdit('addWhat.location')} testId="add-location" />
      )}
    >
      {found.locations.length === 0 ? (
        <p className="text-slate-600">{t('noLocations')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {found.locations.map((l) => {
            const label = [km ? l.provinceKm : l.provinceEn, l.district, l.commune].filter(Boolean).join(', ');
            return (
              <li key={l.id} className="py-2" data-testid="location">
                <p>
                  {label} · {km ? l.placeKm : l.placeEn}
                  {l.occurredOn ? ` · ${formatDate(l.occurredOn, fmt)}` : ''}
                </p>
                {editing && (
                  <RecordControls form="location" fields={fields} values={formValues(l, fields)} target={{ caseId: found.id, id: l.id, version: l.version }}
                    save={editing.actions.saveLocation} remove={editing.actions.removeChild} what={label} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
