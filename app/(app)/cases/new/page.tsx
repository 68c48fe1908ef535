import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { caseFormOptions, type Option } from '@/db/queries/reference-lists';
import { todayIso } from '@/lib/validation/fields';
import { NewCaseForm } from './case-form';
import type { CaseFormChoices } from './choices';

export default async function NewCasePage() {
  const viewer = await requirePermission('cases:create');
  const [t, locale, options] = await Promise.all([getTranslations('caseForm'), getLocale(), caseFormOptions(viewer)]);
  const localize = (list: Option[]) => list.map((o) => ({ value: o.value, label: locale === 'km' ? o.labelKm : o.labelEn }));
  const choices: CaseFormChoices = {
    offenceTypes: localize(options.offenceTypes),
    placeTypes: localize(options.placeTypes),
    relationships: localize(options.relationships),
    serviceTypes: localize(options.serviceTypes),
    provinces: localize(options.provinces),
    agencies: localize(options.agencies),
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <NewCaseForm choices={choices} today={todayIso()} />
    </div>
  );
}
