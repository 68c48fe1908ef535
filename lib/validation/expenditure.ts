import { z } from 'zod';
import { EXPENDITURE_CATEGORIES } from '@/lib/vocabulary';
import { E, empty, optionalText, optionalUuid, version } from './case-edit';

/** US dollars and cents as typed ("1,250.50" is refused: no separators), kept as a string for numeric(14,2). */
const amount = z.preprocess(
  (v) => (empty(v) ? undefined : typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v),
  z.string(E('required')).regex(/^\d{1,12}(\.\d{1,2})?$/, E('amount')),
);

/** One line of a year's spending: new (no id) or an existing one at its version. */
export const expenditureEdit = z
  .object({
    id: optionalUuid.optional(),
    version: z.preprocess((v) => (empty(v) ? null : v), version.nullable()).optional(),
    year: z.coerce.number(E('year')).int(E('year')).min(1990, E('year')).max(2200, E('year')),
    category: z.enum(EXPENDITURE_CATEGORIES, E('required')),
    amountUsd: amount,
    note: optionalText(500),
  })
  .refine((v) => Boolean(v.id) === Boolean(v.version), { ...E('invalid'), path: ['_form'] });
export type ExpenditureEdit = z.infer<typeof expenditureEdit>;

export const expenditureRemove = z.object({ id: z.uuid(E('invalid')), version });
export type ExpenditureRemove = z.infer<typeof expenditureRemove>;
