'use client';

import { useTranslations } from 'next-intl';
import { DateField, SelectField, TextField } from '@/components/forms/fields';
import { RepeatingSection } from '@/components/forms/repeating-section';
import { LIMITS, type NewCaseFormValues } from '@/lib/validation/case-input';
import type { CaseFormChoices } from './choices';
import { emptyLocation } from './empty-values';

export function LocationsSection({ choices, today }: { choices: CaseFormChoices; today: string }) {
  const t = useTranslations('caseForm');
  return (
    <section aria-labelledby="section-locations" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="section-locations" className="text-lg font-semibold">{t('sections.locations')}</h2>
      <RepeatingSection<NewCaseFormValues>
        name="locations"
        min={1}
        max={LIMITS.locations}
        itemLegend={(n) => t('items.location', { n })}
        addLabel={t('actions.addLocation')}
        removeLabel={(n) => t('actions.removeLocation', { n })}
        newItem={emptyLocation}
      >
        {(_, p) => (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name={`${p}.provinceCode`} label={t('fields.provinceCode')} required choices={choices.provinces} placeholder={t('choose')} />
            <TextField name={`${p}.district`} label={t('fields.district')} required />
            <TextField name={`${p}.commune`} label={t('fields.commune')} />
            <SelectField name={`${p}.placeType`} label={t('fields.placeType')} required choices={choices.placeTypes} placeholder={t('choose')} />
            <DateField name={`${p}.occurredOn`} label={t('fields.occurredOn')} max={today} />
          </div>
        )}
      </RepeatingSection>
    </section>
  );
}
