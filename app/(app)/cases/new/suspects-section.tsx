'use client';

import { useTranslations } from 'next-intl';
import { DateField, NumberField, SelectField, TextField } from '@/components/forms/fields';
import { RepeatingSection } from '@/components/forms/repeating-section';
import { LIMITS, type NewCaseFormValues } from '@/lib/validation/case-input';
import { SEXES, SUSPECT_STATUSES } from '@/lib/vocabulary';
import type { CaseFormChoices } from './choices';
import { emptySuspect } from './empty-values';

export function SuspectsSection({ choices, today }: { choices: CaseFormChoices; today: string }) {
  const t = useTranslations('caseForm');
  const sexes = SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }));
  const statuses = SUSPECT_STATUSES.map((s) => ({ value: s, label: t(`suspectStatuses.${s}`) }));
  return (
    <section aria-labelledby="section-suspects" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="section-suspects" className="text-lg font-semibold">{t('sections.suspects')}</h2>
      <RepeatingSection<NewCaseFormValues>
        name="suspects"
        max={LIMITS.suspects}
        itemLegend={(n) => t('items.suspect', { n })}
        addLabel={t('actions.addSuspect')}
        removeLabel={(n) => t('actions.removeSuspect', { n })}
        emptyText={t('noSuspects')}
        newItem={emptySuspect}
      >
        {(_, p) => (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name={`${p}.fullName`} label={t('fields.fullName')} />
            <TextField name={`${p}.alias`} label={t('fields.alias')} />
            <SelectField name={`${p}.sex`} label={t('fields.sex')} required choices={sexes} placeholder={t('choose')} />
            <NumberField name={`${p}.age`} label={t('fields.age')} min={7} max={120} />
            <TextField name={`${p}.nationality`} label={t('fields.nationality')} />
            <SelectField name={`${p}.relationship`} label={t('fields.relationship')} required choices={choices.relationships} placeholder={t('choose')} />
            <SelectField name={`${p}.status`} label={t('fields.status')} required choices={statuses} placeholder={t('choose')} />
            <DateField name={`${p}.arrestedOn`} label={t('fields.arrestedOn')} hint={t('fields.arrestHint')} max={today} />
            <SelectField name={`${p}.arrestingAgencyId`} label={t('fields.arrestingAgencyId')} hint={t('fields.arrestHint')} choices={choices.agencies} placeholder={t('choose')} />
          </div>
        )}
      </RepeatingSection>
    </section>
  );
}
