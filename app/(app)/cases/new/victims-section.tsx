'use client';

import { useTranslations } from 'next-intl';
import type { ArrayPath } from 'react-hook-form';
import { DateField, NumberField, SelectField, TextField } from '@/components/forms/fields';
import { RepeatingSection } from '@/components/forms/repeating-section';
import { LIMITS, type NewCaseFormValues } from '@/lib/validation/case-input';
import { SEXES } from '@/lib/vocabulary';
import type { CaseFormChoices } from './choices';
import { emptyService, emptyVictim } from './empty-values';

export function VictimsSection({ choices, today }: { choices: CaseFormChoices; today: string }) {
  const t = useTranslations('caseForm');
  const sexes = SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }));
  return (
    <section aria-labelledby="section-victims" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="section-victims" className="text-lg font-semibold">{t('sections.victims')}</h2>
      <p className="text-sm text-slate-600">{t('fields.victimIdentityHint')}</p>
      <RepeatingSection<NewCaseFormValues>
        name="victims"
        min={1}
        max={LIMITS.victims}
        itemLegend={(n) => t('items.victim', { n })}
        addLabel={t('actions.addVictim')}
        removeLabel={(n) => t('actions.removeVictim', { n })}
        newItem={emptyVictim}
      >
        {(_, p) => (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name={`${p}.fullName`} label={t('fields.fullName')} />
              <SelectField name={`${p}.sex`} label={t('fields.sex')} required choices={sexes} placeholder={t('choose')} />
              <NumberField name={`${p}.ageAtOffence`} label={t('fields.ageAtOffence')} required min={0} max={17} />
              <DateField name={`${p}.dateOfBirth`} label={t('fields.dateOfBirth')} max={today} />
              <TextField name={`${p}.nationality`} label={t('fields.nationality')} />
            </div>
            <h3 className="text-sm font-semibold">{t('fields.services')}</h3>
            <RepeatingSection<NewCaseFormValues>
              name={`${p}.services` as ArrayPath<NewCaseFormValues>}
              max={LIMITS.services}
              itemLegend={(n) => t('items.service', { n })}
              addLabel={t('actions.addService')}
              removeLabel={(n) => t('actions.removeService', { n })}
              emptyText={t('noServices')}
              newItem={emptyService as never}
            >
              {(__, sp) => (
                <div className="grid gap-4 sm:grid-cols-2">
                  <SelectField name={`${sp}.serviceType`} label={t('fields.serviceType')} required choices={choices.serviceTypes} placeholder={t('choose')} />
                  <TextField name={`${sp}.provider`} label={t('fields.provider')} />
                  <DateField name={`${sp}.startedOn`} label={t('fields.startedOn')} max={today} />
                  <DateField name={`${sp}.endedOn`} label={t('fields.endedOn')} max={today} />
                </div>
              )}
            </RepeatingSection>
          </>
        )}
      </RepeatingSection>
    </section>
  );
}
