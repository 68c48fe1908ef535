import { z } from 'zod';
import { AGENCY_KINDS, RELATIONSHIP_GROUPS } from '@/lib/vocabulary';
import { E, empty, optionalText, optionalUuid, requiredText, version } from './case-edit';

/** The reference lists an administrator maintains, by the name used in URLs and forms. */
export const REFERENCE_LISTS = ['offenceTypes', 'relationships', 'placeTypes', 'serviceTypes', 'charges'] as const;
export type ReferenceList = (typeof REFERENCE_LISTS)[number];
export const isReferenceList = (v: unknown): v is ReferenceList => (REFERENCE_LISTS as readonly unknown[]).includes(v);

/** A new agency (no id) or a rename of one at the version the form was loaded with. */
export const agencyEdit = z
  .object({
    id: optionalUuid.optional(),
    version: z.preprocess((v) => (empty(v) ? null : v), version.nullable()).optional(),
    name: requiredText(200),
    nameKm: optionalText(200),
    kind: z.enum(AGENCY_KINDS, E('required')),
  })
  .refine((v) => Boolean(v.id) === Boolean(v.version), { ...E('invalid'), path: ['_form'] });
export type AgencyEdit = z.infer<typeof agencyEdit>;

export const agencyActive = z.object({ id: z.uuid(E('invalid')), version, active: z.enum(['true', 'false'], E('invalid')).transform((v) => v === 'true') });
export type AgencyActive = z.infer<typeof agencyActive>;

/** Lower-case letters, digits and underscores: what the seeded codes look like. */
const CODE_PATTERN = /^[a-z][a-z0-9_]{0,59}$/;

/** A code from an English label: "Boarding school" -> "boarding_school". */
export function codeFromLabel(label: string): string {
  const base = label.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
  return /^[a-z]/.test(base) ? base : `v_${base}`.replace(/_+$/, '');
}

const list = z.enum(REFERENCE_LISTS, E('invalid'));
const optionalCode = z.preprocess(
  (v) => (empty(v) ? null : typeof v === 'string' ? v.trim() || null : v),
  z.string(E('invalid')).regex(CODE_PATTERN, E('codeFormat')).nullable(),
);
const group = z.preprocess((v) => (empty(v) ? null : v), z.enum(RELATIONSHIP_GROUPS, E('required')).nullable());

/**
 * A new value (isNew, the code generated from the English label when left blank) or a
 * relabel of an existing one (its code). A relationship value needs its report group.
 */
export const referenceEdit = z
  .object({
    list,
    isNew: z.enum(['true', 'false'], E('invalid')).transform((v) => v === 'true'),
    code: optionalCode,
    labelEn: requiredText(200),
    labelKm: requiredText(200),
    group: group.optional(),
  })
  .refine((v) => v.isNew || Boolean(v.code), { ...E('required'), path: ['code'] })
  .refine((v) => v.list !== 'relationships' || Boolean(v.group), { ...E('required'), path: ['group'] });
export type ReferenceEdit = z.infer<typeof referenceEdit>;

export const referenceActive = z.object({ list, code: z.string(E('invalid')).regex(CODE_PATTERN, E('invalid')), active: z.enum(['true', 'false'], E('invalid')).transform((v) => v === 'true') });
export type ReferenceActive = z.infer<typeof referenceActive>;

export const referenceMove = z.object({ list, code: z.string(E('invalid')).regex(CODE_PATTERN, E('invalid')), direction: z.enum(['up', 'down'], E('invalid')) });
export type ReferenceMove = z.infer<typeof referenceMove>;
