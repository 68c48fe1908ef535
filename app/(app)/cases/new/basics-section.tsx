'use client';

import { useTranslations } from 'next-intl';
import { CheckboxGroupField, DateField, SelectField, TextAreaField, TextField } from '@/components/forms/fields';
import { MAX_TITLE } from '@/lib/validation/case-input';
import { PRIORITIES, REPORT_CHANNELS } from '@/lib/vocabulary';
import type { CaseFormChoices } from './choices';

export function BasicsSection({ choices, today }: { choices: CaseFormChoices; today: string }) {
  const t = useTranslations('caseForm');
  const tPriority = useTranslations('priority');
  const choose = t('choose');
  return (
    <>
      <section aria-labelledby="section-basics" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="section-basics" className="text-lg font-semibold">{t('sections.basics')}</h2>
        <TextField name="title" label={t('fields.title')} required maxLength={MAX_TITLE} />
        <TextAreaField name="summary" label={t('fields.summary')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="offenceType" label={t('fields.offenceType')} required choices={choices.offenceTypes} placeholder={choose} />
          <DateField name="reportedOn" label={t('fields.reportedOn')} required max={today} />
          <SelectField
            name="reportChannel"
            label={t('fields.reportChannel')}
            required
            placeholder={choose}
            choices={REPORT_CHANNELS.map((c) => ({ value: c, label: t(`reportChannels.${c}`) }))}
          />
          <SelectField
            name="priority"
            label={t('fields.priority')}
            required
            placeholder={choose}
            choices={PRIORITIES.map((p) => ({ value: p, label: tPriority(p) }))}
          />
        </div>
        <CheckboxGroupField name="agencyIds" label={t('fields.agencyIds')} hint={t('fields.agenciesHint')} choices={choices.agencies} />
      </section>

      <section aria-labelledby="section-period" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="section-period" className="text-lg font-semibold">{t('sections.period')}</h2>
        <p className="text-sm text-slate-600">{t('sections.periodHint')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <DateField name="offenceFrom" label={t('fields.offenceFrom')} max={today} />
          <DateField name="offenceTo" label={t('fields.offenceTo')} max={today} />
        </div>
      </section>
    </>
  );
}
