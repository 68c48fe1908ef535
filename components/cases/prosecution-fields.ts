import { HEARING_KINDS, PROSECUTION_STATUSES } from '@/lib/vocabulary';
import type { RecordingOptions } from '@/db/queries/case-edit-options';
import type { FieldSpec, Option } from './edit-form';

/** Court names by province code: every province has its provincial court, 12 the municipal court. */
export function courtOptions(options: RecordingOptions, courtName: (code: string, province: string) => string): Option[] {
  return options.provinces.map((p) => ({ value: p.value, label: courtName(p.value, p.label) }));
}

// Field names are the schemas' (lib/validation/prosecution.ts).
export const prosecutionFields = (courts: Option[], charges: Option[], status: (s: string) => string): FieldSpec[] => [
  { name: 'courtProvinceCode', type: 'select', options: courts, required: true },
  { name: 'courtCaseNumber', type: 'text' },
  { name: 'status', type: 'select', options: PROSECUTION_STATUSES.map((value) => ({ value, label: status(value) })), required: true },
  { name: 'filedOn', type: 'date', required: true },
  { name: 'verdictOn', type: 'date' },
  { name: 'sentenceYears', type: 'number' },
  { name: 'sentenceMonths', type: 'number' },
  { name: 'fineRiel', type: 'number' },
  { name: 'compensationRiel', type: 'number' },
  { name: 'chargeCodes', type: 'checkboxes', options: charges, required: true },
  { name: 'chargesOther', type: 'text', wide: true },
];

export const hearingFields = (kind: (k: string) => string): FieldSpec[] => [
  { name: 'heldOn', type: 'date', required: true },
  { name: 'kind', type: 'select', options: HEARING_KINDS.map((value) => ({ value, label: kind(value) })), required: true },
  { name: 'outcomeNote', type: 'textarea' },
];
