import { PRIORITIES, SEXES, SUSPECT_STATUSES } from '@/lib/vocabulary';
import type { EditOptions, RecordingOptions } from '@/db/queries/case-edit-options';
import type { FieldSpec, Option } from './edit-form';

/** Labels of the fixed vocabularies, translated by the page. */
export type EnumLabels = { priority: Option[]; sex: Option[]; suspectStatus: Option[] };

export function enumOptions(t: { priority: (k: string) => string; sex: (k: string) => string; suspectStatus: (k: string) => string }): EnumLabels {
  return {
    priority: PRIORITIES.map((value) => ({ value, label: t.priority(value) })),
    sex: SEXES.map((value) => ({ value, label: t.sex(value) })),
    suspectStatus: SUSPECT_STATUSES.map((value) => ({ value, label: t.suspectStatus(value) })),
  };
}

// Field names are the schemas' (lib/validation/case-edit.ts), which are the columns' camelCase.
export const basicsFields = (o: EditOptions, e: EnumLabels): FieldSpec[] => [
  { name: 'title', type: 'text', required: true, wide: true },
  { name: 'summary', type: 'textarea' },
  { name: 'offenceType', type: 'select', options: o.offenceTypes, required: true },
  { name: 'priority', type: 'select', options: e.priority, required: true },
  { name: 'reportedOn', type: 'date', required: true },
  { name: 'offenceFrom', type: 'date' },
  { name: 'offenceTo', type: 'date' },
];

export const locationFields = (o: EditOptions): FieldSpec[] => [
  { name: 'provinceCode', type: 'select', options: o.provinces, required: true },
  { name: 'district', type: 'text', required: true },
  { name: 'commune', type: 'text' },
  { name: 'placeType', type: 'select', options: o.placeTypes, required: true },
  { name: 'occurredOn', type: 'date' },
];

export const suspectFields = (o: EditOptions, e: EnumLabels): FieldSpec[] => [
  { name: 'fullName', type: 'text' },
  { name: 'alias', type: 'text' },
  { name: 'sex', type: 'select', options: e.sex, required: true },
  { name: 'age', type: 'number' },
  { name: 'nationality', type: 'text' },
  { name: 'relationship', type: 'select', options: o.relationships, required: true },
  { name: 'status', type: 'select', options: e.suspectStatus, required: true },
  { name: 'arrestedOn', type: 'date' },
  { name: 'arrestingAgencyId', type: 'select', options: o.agencies },
  { name: 'arrestPlace', type: 'text' },
];

export const victimFields = (e: EnumLabels): FieldSpec[] => [
  { name: 'fullName', type: 'text' },
  { name: 'dateOfBirth', type: 'date' },
  { name: 'sex', type: 'select', options: e.sex, required: true },
  { name: 'ageAtOffence', type: 'number', required: true },
  { name: 'nationality', type: 'text' },
  { name: 'contact', type: 'text' },
  { name: 'notes', type: 'textarea' },
];

export const serviceFields = (o: EditOptions): FieldSpec[] => [
  { name: 'serviceType', type: 'select', options: o.serviceTypes, required: true },
  { name: 'provider', type: 'text' },
  { name: 'startedOn', type: 'date' },
  { name: 'endedOn', type: 'date' },
];

/** A record's values as the form's strings ('' for nothing). */
export function formValues(record: Record<string, unknown>, fields: FieldSpec[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, record[f.name] === null || record[f.name] === undefined ? '' : String(record[f.name])]));
}

/** The quick "record arrest" form on one suspect. */
export const arrestFields = (o: RecordingOptions): FieldSpec[] => [
  { name: 'arrestedOn', type: 'date', required: true },
  { name: 'arrestingAgencyId', type: 'select', options: o.agencies, required: true },
  { name: 'arrestPlace', type: 'text' },
];
