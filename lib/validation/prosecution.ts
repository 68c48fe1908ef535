import { z } from 'zod';
import { HEARING_KINDS, PROSECUTION_STATUSES, type ProsecutionStatus } from '@/lib/vocabulary';
import { DECIDED_PROSECUTION_STATUSES } from '@/lib/lifecycle';
import {
  afterStart, code, E, empty, isRealDate, optionalDate, optionalInt, optionalText, requiredDate, target, targetConsistent, todayInCambodia, uuid,
} from './case-edit';

// The prosecution and hearing forms of the case page (same conventions as case-edit.ts:
// one schema per form, parsed in the browser and again on the server, message keys under
// caseEdit.errors).

/** The largest fine or compensation accepted, in riel: far above any real order, below 2^53. */
export const MAX_RIEL = 1_000_000_000_000;

const decided = (s: ProsecutionStatus) => (DECIDED_PROSECUTION_STATUSES as readonly string[]).includes(s);
/** Statuses that carry a verdict: the decided ones and an appeal against a verdict. */
const hasVerdict = (s: ProsecutionStatus) => decided(s) || s === 'appealed';
const sentenced = (s: ProsecutionStatus) => s === 'convicted' || s === 'appealed';

/** Checkboxes give an array, one string, or false/undefined when none is ticked. */
const chargeCodes = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []),
  z.array(code, E('invalid')).max(30, E('invalid')).transform((codes) => [...new Set(codes)]),
);

export const prosecutionEdit = z
  .object({
    ...target,
    suspectId: uuid,
    courtProvinceCode: z.string(E('required')).regex(/^\d{2}$/, E('required')),
    courtCaseNumber: optionalText(60),
    chargeCodes,
    chargesOther: optionalText(500),
    status: z.enum(PROSECUTION_STATUSES, E('required')),
    filedOn: requiredDate,
    verdictOn: optionalDate,
    sentenceYears: optionalInt(0, 99, 'sentenceYears'),
    sentenceMonths: optionalInt(0, 11, 'sentenceMonths'),
    fineRiel: optionalInt(0, MAX_RIEL, 'riel'),
    compensationRiel: optionalInt(0, MAX_RIEL, 'riel'),
  })
  .refine(targetConsistent, { ...E('invalid'), path: ['_form'] })
  .refine((v) => v.chargeCodes.length > 0 || v.chargesOther, { ...E('chargeNeeded'), path: ['chargeCodes'] })
  .refine((v) => afterStart(v.filedOn, v.verdictOn), { ...E('verdictBeforeFiling'), path: ['verdictOn'] })
  .refine((v) => !decided(v.status) || v.verdictOn, { ...E('verdictDateNeeded'), path: ['verdictOn'] })
  .refine((v) => hasVerdict(v.status) || !v.verdictOn, { ...E('verdictOnlyWhenDecided'), path: ['verdictOn'] })
  .refine((v) => sentenced(v.status) || v.sentenceYears === null, { ...E('sentenceOnlyWhenConvicted'), path: ['sentenceYears'] })
  .refine((v) => sentenced(v.status) || v.sentenceMonths === null, { ...E('sentenceOnlyWhenConvicted'), path: ['sentenceMonths'] });
export type ProsecutionEdit = z.infer<typeof prosecutionEdit>;

/** How far ahead a hearing may be scheduled. */
export const HEARING_HORIZON_YEARS = 3;

function latestHearingDay(now = new Date()): string {
  const today = todayInCambodia(now);
  return `${Number(today.slice(0, 4)) + HEARING_HORIZON_YEARS}${today.slice(4)}`;
}

/** A hearing may be one already held or one scheduled (the liaison's "next hearing"). */
const hearingDate = z.preprocess(
  (v) => (empty(v) ? undefined : v),
  z
    .string(E('required'))
    .regex(/^\d{4}-\d{2}-\d{2}$/, E('dateFormat'))
    .refine(isRealDate, E('dateFormat'))
    .refine((s) => s >= '1990-01-01', E('tooEarly'))
    .refine((s) => s <= latestHearingDay(), E('tooFarAhead')),
);

export const hearingEdit = z
  .object({
    ...target,
    prosecutionId: uuid,
    heldOn: hearingDate,
    kind: z.enum(HEARING_KINDS, E('required')),
    /** Shown on the case page only, never put on the timeline. */
    outcomeNote: optionalText(2000),
  })
  .refine(targetConsistent, { ...E('invalid'), path: ['_form'] });
export type HearingEdit = z.infer<typeof hearingEdit>;
