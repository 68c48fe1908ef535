import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/db/queries/case-read';
import { formatDate, formatRiel } from '@/lib/i18n/format';
import type { ProsecutionStatus } from '@/lib/vocabulary';
import { Section } from './section';
import { EditForm, type FormValues } from './edit-form';
import { formValues } from './field-specs';
import { courtOptions, hearingFields, prosecutionFields } from './prosecution-fields';
import type { CaseRecording } from './editing';
import { getFormatLocale } from '@/lib/i18n/format-locale';

type Prosecution = CaseDetail['prosecutions'][number];

const TONE: Record<ProsecutionStatus, string> = {
  charged: 'bg-slate-100 text-slate-800',
  pre_trial_detention: 'bg-amber-100 text-amber-900',
  on_trial: 'bg-sky-100 text-sky-900',
  convicted: 'bg-emerald-100 text-emerald-900',
  acquitted: 'bg-rose-100 text-rose-900',
  dismissed: 'bg-rose-100 text-rose-900',
  appealed: 'bg-indigo-100 text-indigo-900',
};

/**
 * The prosecutions of each suspect, with their hearings. Every reader of the case sees
 * them (suspects are not victims); those who record for the police and the courts get the
 * forms, liaison officers included. The server checks role, scope and version again.
 */
export async function CaseProsecutions({ found, recording }: { found: CaseDetail; recording: CaseRecording | null }) {
  const [t, tEdit, locale] = await Promise.all([getTranslations('prosecutions'), getTranslations('caseEdit'), getLocale()]);
  const fmt = await getFormatLocale();
  const km = locale === 'km';
  const courtName = (code: string, province: string) => (code === '12' ? t('courtPhnomPenh') : t('court', { province }));
  const save = recording?.actions.saveProsecution;
  const saveHearing = recording?.actions.saveHearing;
  const fields = recording ? prosecutionFields(courtOptions(recording.options, courtName), recording.options.charges, (s) => t(`statuses.${s}` as never)) : [];
  const hFields = hearingFields((k) => t(`hearingKinds.${k}` as never));

  const suspectLabel = (i: number) => {
    const s = found.suspects[i]!;
    return s.alias || s.fullName || `#${i + 1}`;
  };
  const groups = found.suspects.map((s, i) => ({ key: s.id, suspectId: s.id, label: suspectLabel(i), items: found.prosecutions.filter((p) => p.suspectId === s.id) }));
  // A prosecution whose suspect was since removed from the case is still shown, read-only.
  const orphans = found.prosecutions.filter((p) => !found.suspects.some((s) => s.id === p.suspectId));
  if (orphans.length > 0) groups.push({ key: 'removed', suspectId: '', label: '—', items: orphans });

  const sentence = (p: Prosecution) => {
    if (p.sentenceYears === null && p.sentenceMonths === null) return null;
    const parts = [p.sentenceYears ? t('years', { count: p.sentenceYears }) : null, p.sentenceMonths ? t('months', { count: p.sentenceMonths }) : null].filter(Boolean);
    return parts.length > 0 ? parts.join(' ') : t('noSentence');
  };
  const riel = (n: number | null) => (n === null ? null : formatRiel(n, fmt));
  const newValues = (): FormValues => ({
    ...formValues({}, fields), courtProvinceCode: found.locations[0]?.provinceCode ?? '', status: 'charged', chargeCodes: [],
  });

  return (
    <Section id="prosecutions" title={t('title')}>
      {groups.length === 0 && <p className="text-slate-600">{found.prosecutions.length === 0 ? t('noSuspects') : t('none')}</p>}
      <div className="space-y-4">
        {groups.map((g) => (
          <div key={g.key} data-testid="prosecution-group">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium">{t('suspect', { label: g.label })}</h3>
              {save && g.suspectId && (
                <EditForm form="prosecution" fields={fields} values={newValues()} target={{ caseId: found.id, suspectId: g.suspectId }}
                  action={save} openLabel={tEdit('addWhat.prosecution')} openAriaLabel={t('addFor', { label: g.label })} testId="add-prosecution" />
              )}
            </div>
            {g.items.length === 0 ? (
              <p className="text-sm text-slate-600">{t('none')}</p>
            ) : (
              <ul className="mt-2 space-y-3">
                {g.items.map((p) => {
                  const court = courtName(p.courtProvinceCode, km ? p.courtProvinceKm : p.courtProvinceEn);
                  const what = p.courtCaseNumber ? `${p.courtCaseNumber}, ${court}` : court;
                  const facts: [string, string | null][] = [
                    [t('caseNumber'), p.courtCaseNumber],
                    [t('charges'), [...p.charges.map((c) => (km ? c.labelKm : c.labelEn)), p.chargesOther].filter(Boolean).join('; ') || null],
                    [t('filedOn'), formatDate(p.filedOn, fmt)],
                    [t('verdictOn'), p.verdictOn ? formatDate(p.verdictOn, fmt) : null],
                    [t('sentence'), sentence(p)],
                    [t('fine'), riel(p.fineRiel)],
                    [t('compensation'), riel(p.compensationRiel)],
                  ];
                  return (
                    <li key={p.id} className="rounded border border-slate-200 p-3" data-testid="prosecution">
                      <p className="flex flex-wrap items-center gap-2">
                        <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONE[p.status]}`} data-testid="prosecution-status">{t(`statuses.${p.status}`)}</span>
                        <span className="font-medium">{court}</span>
                      </p>
                      <dl className="mt-1 grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-2">
                        {facts.filter(([, value]) => value).map(([label, value]) => (
                          <div key={label} className="flex gap-1"><dt className="text-slate-600">{label}:</dt><dd>{value}</dd></div>
                        ))}
                      </dl>
                      <h4 className="mt-2 text-sm font-medium">{t('hearings')}</h4>
                      {p.hearings.length === 0 ? (
                        <p className="text-sm text-slate-600">{t('noHearings')}</p>
                      ) : (
                        <ul className="text-sm">
                          {p.hearings.map((h) => (
                            <li key={h.id} data-testid="hearing" className="py-0.5">
                              {formatDate(h.heldOn, fmt)} · {t.has(`hearingKinds.${h.kind}` as never) ? t(`hearingKinds.${h.kind}` as never) : h.kind}
                              {h.outcomeNote && <> · {h.outcomeNote}</>}
                              {saveHearing && (
                                <EditForm form="hearing" fields={hFields} values={formValues(h, hFields)} target={{ caseId: found.id, prosecutionId: p.id, id: h.id, version: h.version }}
                                  action={saveHearing} openLabel={tEdit('edit')} openAriaLabel={t('editHearingLabel', { date: formatDate(h.heldOn, fmt) })} />
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                      <div className="mt-2 flex flex-wrap gap-2">
                        {save && g.suspectId && (
                          <EditForm form="prosecution" fields={fields} values={{ ...formValues(p, fields), chargeCodes: p.charges.map((c) => c.code) }}
                            target={{ caseId: found.id, suspectId: p.suspectId, id: p.id, version: p.version }}
                            action={save} openLabel={t('update')} openAriaLabel={t('updateLabel', { what })} testId="update-prosecution" />
                        )}
                        {saveHearing && (
                          <EditForm form="hearing" fields={hFields} values={formValues({}, hFields)} target={{ caseId: found.id, prosecutionId: p.id }}
                            action={saveHearing} openLabel={tEdit('addWhat.hearing')} openAriaLabel={t('addHearingLabel', { what })} testId="add-hearing" />
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        ))}
      </div>
    </Section>
  );
}
