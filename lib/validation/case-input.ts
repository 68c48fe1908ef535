import { z } from 'zod';
import { PRIORITIES, REPORT_CHANNELS, SEXES, SUSPECT_STATUSES } from '@/lib/vocabulary';
import {
  optionalDate, optionalText, optionalUuid, referenceCode, requiredDate, requiredText, uuidList, wholeNumber,
} from './fields';

/*
 * One schema per form, parsed by react-hook-form in the browser and again by the server.
 * The per-section schemas are exported for the edit forms of a case; error messages are
 * keys of "caseForm.errors" in messages/*.json.
 */

export const MAX_TITLE = 300;
export const LIMITS = { locations: 20, suspects: 30, victims: 30, services: 20, agencies: 50 } as const;

const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'required' });

export const locationInput = z.object({
  provinceCode: z.string({ error: 'required' }).trim().regex(/^\d{2}$/, { error: 'required' }),
  district: requiredText(100),
  commune: optionalText(100),
  placeType: referenceCode,
  occurredOn: optionalDate,
});

export const suspectInput = z.object({
  fullName: optionalText(200),
  alias: optionalText(200),
  sex: enumOf(SEXES),
  age: wholeNumber({ min: 7, max: 120, rangeError: 'suspectAgeRange', required: false }),
  nationality: optionalText(100),
  relationship: referenceCode,
  status: enumOf(SUSPECT_STATUSES),
  arrestedOn: optionalDate,
  arrestingAgencyId: optionalUuid,
});

export const serviceInput = z.object({
  serviceType: referenceCode,
  provider: optionalText(200),
  startedOn: optionalDate,
  endedOn: optionalDate,
});

export const victimInput = z.object({
  fullName: optionalText(200),
  sex: enumOf(SEXES),
  ageAtOffence: wholeNumber({ min: 0, max: 17, rangeError: 'victimAgeRange', required: true }),
  dateOfBirth: optionalDate,
  nationality: optionalText(100),
  services: z.array(serviceInput).max(LIMITS.services, { error: 'tooMany' }),
});

export const basicsInput = z.object({
  title: requiredText(MAX_TITLE),
  summary: optionalText(5000),
  offenceType: referenceCode,
  reportedOn: requiredDate,
  reportChannel: enumOf(REPORT_CHANNELS),
  priority: enumOf(PRIORITIES),
  agencyIds: uuidList(LIMITS.agencies),
  offenceFrom: optionalDate,
  offenceTo: optionalDate,
});

const caseFields = basicsInput.extend({
  locations: z.array(locationInput).min(1, { error: 'atLeastOneLocation' }).max(LIMITS.locations, { error: 'tooMany' }),
  suspects: z.array(suspectInput).max(LIMITS.suspects, { error: 'tooMany' }),
  victims: z.array(victimInput).min(1, { error: 'atLeastOneVictim' }).max(LIMITS.victims, { error: 'tooMany' }),
});

type Issue = { path: (string | number)[]; message: string };

/** Services end on or after they start. */
export function serviceRules(service: z.infer<typeof serviceInput>): Issue[] {
  return service.startedOn && service.endedOn && service.endedOn < service.startedOn
    ? [{ path: ['endedOn'], message: 'endBeforeStart' }]
    : [];
}

/** An arrest date exactly when the suspect is arrested; an arresting agency only then. */
export function suspectRules(suspect: z.infer<typeof suspectInput>, offenceFrom: string | null): Issue[] {
  const issues: Issue[] = [];
  const arrested = suspect.status === 'arrested';
  if (arrested && !suspect.arrestedOn) issues.push({ path: ['arrestedOn'], message: 'arrestDateRequired' });
  if (!arrested && suspect.arrestedOn) issues.push({ path: ['arrestedOn'], message: 'arrestDateNeedsArrested' });
  if (!arrested && suspect.arrestingAgencyId) issues.push({ path: ['arrestingAgencyId'], message: 'agencyNeedsArrested' });
  if (suspect.arrestedOn && offenceFrom && suspect.arrestedOn < offenceFrom) {
    issues.push({ path: ['arrestedOn'], message: 'beforeOffencePeriod' });
  }
  return issues;
}

/** An offence location's date lies within the offence period. */
export function locationRules(location: z.infer<typeof locationInput>, offenceFrom: string | null, offenceTo: string | null): Issue[] {
  const on = location.occurredOn;
  if (on && offenceFrom && on < offenceFrom) return [{ path: ['occurredOn'], message: 'beforeOffencePeriod' }];
  if (on && offenceTo && on > offenceTo) return [{ path: ['occurredOn'], message: 'afterOffencePeriod' }];
  return [];
}

export type CaseFields = z.infer<typeof caseFields>;

export function caseRules(input: CaseFields): Issue[] {
  const issues: Issue[] = [];
  const under = (prefix: (string | number)[], list: Issue[]) => list.forEach((i) => issues.push({ ...i, path: [...prefix, ...i.path] }));
  if (input.offenceFrom && input.offenceTo && input.offenceTo < input.offenceFrom) {
    issues.push({ path: ['offenceTo'], message: 'endBeforeStart' });
  }
  input.locations.forEach((l, i) => under(['locations', i], locationRules(l, input.offenceFrom, input.offenceTo)));
  input.suspects.forEach((s, i) => under(['suspects', i], suspectRules(s, input.offenceFrom)));
  input.victims.forEach((v, i) => v.services.forEach((s, j) => under(['victims', i, 'services', j], serviceRules(s))));
  return issues;
}

const withCaseRules = (value: CaseFields, ctx: z.RefinementCtx) => {
  for (const issue of caseRules(value)) ctx.addIssue({ code: 'custom', ...issue });
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Cross-field rules also run when some field failed, so the user sees every problem in one
 * round, as long as the lists they walk are there (they only compare strings).
 */
const rulesApply = { when: ({ value }: { value: unknown }) =>
  isObject(value) && [value.locations, value.suspects, value.victims].every((list) => Array.isArray(list) && list.every(isObject))
  && (value.victims as Record<string, unknown>[]).every((v) => Array.isArray(v.services) && v.services.every(isObject)) };

/** A whole new case: every section, with the rules that cross them. */
export const caseInput = caseFields.superRefine(withCaseRules, rulesApply);

/** The "Open a case" form: the case plus the key that makes a replayed submission harmless. */
export const newCaseInput = caseFields
  .extend({ submissionKey: z.uuid({ error: 'invalid' }) })
  .superRefine(withCaseRules, rulesApply);

export type CaseInput = z.output<typeof caseInput>;
export type NewCaseInput = z.output<typeof newCaseInput>;
export type NewCaseFormValues = z.input<typeof newCaseInput>;
export type LocationInput = z.output<typeof locationInput>;
export type SuspectInput = z.output<typeof suspectInput>;
export type VictimInput = z.output<typeof victimInput>;
export type ServiceInput = z.output<typeof serviceInput>;
