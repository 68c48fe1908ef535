import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/db/queries/case-read';
import { formatDate } from '@/lib/i18n/format';
import { Section } from './section';
import { EditForm } from './edit-form';
import { RecordControls } from './record-controls';
import { formValues, serviceFields, victimFields } from './field-specs';
import type { CaseEditing } from './editing';
import { VictimCountsTable } from './victim-counts-table';
import { getFormatLocale } from '@/lib/i18n/format-locale';

/**
 * The children of a case, by pseudonymous code, with their identity and services: only for
 * roles allowed the identity. Others get counts by sex and age band, which is all the read
 * returns to them (db/queries/case-read.ts).
 */
export async function CaseVictims({ found, editing }: { found: CaseDetail; editing: CaseEditing | null }) {
  const [t, tEdit, locale] = await Promise.all([getTranslations('case'), getTranslations('caseEdit'), getLocale()]);
  const fmt = await getFormatLocale();
  const km = locale === 'km';
  const vFields = editing ? victimFields(editing.enums) : [];
  const sFields = editing ? serviceFields(editing.options) : [];
  return (
    <Section
      id="victims"
      title={t('victims')}
      actions={editing && (
        <EditForm form="victim" fields={vFields} values={formValues({}, vFields)} target={{ caseId: found.id }}
          action={editing.actions.saveVictim} openLabel={tEdit('addWhat.victim')} testId="add-victim" />
      )}
    >
      {!found.identityShown && <p className="mb-2 text-sm text-slate-600">{t('identityHidden')}</p>}
      {found.victimCounts ? (
        found.victimCounts.length === 0 ? <p className="text-slate-600">{t('noVictims')}</p> : <VictimCountsTable counts={found.victimCounts} />
      ) : found.victims.length === 0 ? (
        <p className="text-slate-600">{t('noVictims')}</p>
      ) : (
        <ul className="space-y-3">
          {found.victims.map((v) => (
            <li key={v.id} className="rounded border border-slate-100 p-3" data-testid="victim">
              <p>
                <span className="font-mono font-medium">{v.code}</span>
                {' · '}{t(`sex.${v.sex}`)} · {t('ageAtOffence')}: {v.ageAtOffence}{v.nationality ? ` · ${v.nationality}` : ''}
              </p>
              {v.identity && (
                <dl className="mt-1 grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-2">
                  <div><dt className="inline text-slate-500">{t('name')}: </dt><dd className="inline">{v.identity.fullName ?? '—'}</dd></div>
                  <div><dt className="inline text-slate-500">{t('dateOfBirth')}: </dt><dd className="inline">{v.identity.dateOfBirth ?? '—'}</dd></div>
                  <div><dt className="inline text-slate-500">{t('contact')}: </dt><dd className="inline">{v.identity.contact ?? '—'}</dd></div>
                  {v.identity.notes && <div className="sm:col-span-2"><dt className="inline text-slate-500">{t('notes')}: </dt><dd className="inline">{v.identity.notes}</dd></div>}
                </dl>
              )}
              {editing && (
                <RecordControls form="victim" fields={vFields} values={formValues({ ...v, ...v.identity }, vFields)} target={{ caseId: found.id, id: v.id, version: v.version }}
                    save={editing.actions.saveVictim} remove={editing.actions.removeChild} what={v.code} />
              )}
              <h3 className="mt-2 text-sm font-semibold">{t('services')}</h3>
              {v.services.length === 0 ? (
                <p className="text-sm text-slate-600">{t('noServices')}</p>
              ) : (
                <ul className="text-sm">
                  {v.services.map((s) => {
                    const label = `${km ? s.serviceKm : s.serviceEn} (${v.code})`;
                    return (
                      <li key={s.id} className="py-1">
                        {km ? s.serviceKm : s.serviceEn}
                        {s.provider ? ` · ${s.provider}` : ''}
                        {s.startedOn ? ` · ${formatDate(s.startedOn, fmt)}` : ''}
                        {s.endedOn ? ` – ${formatDate(s.endedOn, fmt)}` : ''}
                        {editing && (
                          <RecordControls form="service" fields={sFields} values={formValues(s, sFields)} target={{ caseId: found.id, victimId: v.id, id: s.id, version: s.version }}
                              save={editing.actions.saveService} remove={editing.actions.removeChild} what={label} />
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              {editing && (
                <div className="mt-2">
                  <EditForm form="service" fields={sFields} values={formValues({}, sFields)} target={{ caseId: found.id, victimId: v.id }}
                    action={editing.actions.saveService} openLabel={tEdit('addWhat.service')} openAriaLabel={`${tEdit('addWhat.service')} (${v.code})`} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
