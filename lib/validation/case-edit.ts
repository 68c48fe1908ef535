import { z } from 'zod';
import { CLOSE_REASONS, PRIORITIES, SEXES, SUSPECT_STATUSES } from '@/lib/vocabulary';
import { REOPEN_REASONS, STATUS_MOVES } from '@/lib/lifecycle';

// One schema per edit form on the case page, used by react-hook-form in the browser and
// parsed again in the server action. Field names are the DB columns' camelCase, so the
// "open a case" form's sub-schemas can later be shared. Messages are keys under
// caseEdit.errors, translated by the form. The building blocks are exported for the
// other case-page forms (lib/validation/prosecution.ts).

export const E = (key: string) => ({ error: `caseEdit.errors.${key}` });

/** Today in Cambodia (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function todayInCambodia(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const dateValue = z
  .string(E('invalid'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, E('dateFormat'))
  .refine(isRealDate, E('dateFormat'))
  .refine((s) => s >= '1990-01-01', E('tooEarly'))
  .refine((s) => s <= todayInCambodia(), E('future'));

export const empty = (v: unknown) => v === '' || v === null || v === undefined;

/** A date input: required. */
export const requiredDate = z.preprocess((v) => (empty(v) ? undefined : v), z.string(E('required')).pipe(dateValue));
/** A date input that may be left blank (stored as null). */
export const optionalDate = z.preprocess((v) => (empty(v) ? null : v), dateValue.nullable());

export const requiredText = (max: number) => z.string(E('required')).trim().min(1, E('required')).max(max, E('tooLong'));
export const optionalText = (max: number) =>
  z.preprocess((v) => (empty(v) ? null : typeof v === 'string' ? v.trim() || null : v), z.string(E('invalid')).max(max, E('tooLong')).nullable());

export const optionalInt = (min: number, max: number, key: string) =>
  z.preprocess((v) => (empty(v) ? null : typeof v === 'string' ? Number(v) : v), z.number(E(key)).int(E(key)).min(min, E(key)).max(max, E(key)).nullable());
const requiredInt = (min: number, max: number, key: string) =>
  z.preprocess((v) => (empty(v) ? undefined : typeof v === 'string' ? Number(v) : v), z.number(E(key)).int(E(key)).min(min, E(key)).max(max, E(key)));

export const code = z.string(E('required')).trim().min(1, E('required')).max(60, E('invalid'));
export const uuid = z.uuid(E('invalid'));
export const optionalUuid = z.preprocess((v) => (empty(v) ? null : v), uuid.nullable());
/** The version of the record the form was loaded with. */
export const version = z.coerce.number(E('invalid')).int(E('invalid')).min(1, E('invalid'));

export const afterStart = (start: string | null | undefined, end: string | null | undefined) => !start || !end || end >= start;

/** Which record an edit form changes: a new one (no id) or an existing one at a version. */
export const target = {
  caseId: uuid,
  id: optionalUuid.optional(),
  version: z.preprocess((v) => (empty(v) ? null : v), version.nullable()).optional(),
};
export const targetConsistent = (v: { id?: string | null; version?: number | null }) => Boolean(v.id) === Boolean(v.version);

export const caseBasicsEdit = z
  .object({
    caseId: uuid,
    version,
    title: requiredText(300),
    summary: optionalText(5000),
    offenceType: code,
    priority: z.enum(PRIORITIES, E('required')),
    reportedOn: requiredDate,
    offenceFrom: optionalDate,
    offenceTo: optionalDate,
  })
  .refine((v) => afterStart(v.offenceFrom, v.offenceTo), { ...E('beforeStart'), path: ['offenceTo'] });
export type CaseBasicsEdit = z.infer<typeof caseBasicsEdit>;

export const locationEdit = z
  .object({
    ...target,
    provinceCode: z.string(E('required')).regex(/^\d{2}$/, E('required')),
    district: requiredText(120),
    commune: optionalText(120),
    placeType: code,
    occurredOn: optionalDate,
  })
  .refine(targetConsistent, { ...E('invalid'), path: ['_form'] });
export type LocationEdit = z.infer<typeof locationEdit>;

export const suspectEdit = z
  .object({
    ...target,
    fullName: optionalText(200),
    alias: optionalText(120),
    sex: z.enum(SEXES, E('required')),
    age: optionalInt(7, 120, 'suspectAge'),
    nationality: optionalText(80),
    relationship: code,
    status: z.enum(SUSPECT_STATUSES, E('required')),
    arrestedOn: optionalDate,
    arrestingAgencyId: optionalUuid,
    arrestPlace: optionalText(200),
  })
  .refine(targetConsistent, { ...E('invalid'), path: ['_form'] })
  .refine((v) => v.status !== 'arrested' || v.arrestedOn, { ...E('arrestDateNeeded'), path: ['arrestedOn'] })
  .refine((v) => v.status === 'arrested' || !v.arrestedOn, { ...E('arrestDateOnlyWhenArrested'), path: ['arrestedOn'] })
  .refine((v) => v.status === 'arrested' || !v.arrestingAgencyId, { ...E('arrestDateOnlyWhenArrested'), path: ['arrestingAgencyId'] });
export type SuspectEdit = z.infer<typeof suspectEdit>;

export const victimEdit = z
  .object({
    ...target,
    fullName: optionalText(200),
    dateOfBirth: optionalDate,
    contact: optionalText(300),
    notes: optionalText(5000),
    sex: z.enum(SEXES, E('required')),
    ageAtOffence: requiredInt(0, 17, 'victimAge'),
    nationality: optionalText(80),
  })
  .refine(targetConsistent, { ...E('invalid'), path: ['_form'] });
export type VictimEdit = z.infer<typeof victimEdit>;

export const serviceEdit = z
  .object({
    ...target,
    victimId: uuid,
    serviceType: code,
    provider: optionalText(200),
    startedOn: optionalDate,
    endedOn: optionalDate,
  })
  .refine(targetConsistent, { ...E('invalid'), path: ['_form'] })
  .refine((v) => afterStart(v.startedOn, v.endedOn), { ...E('beforeStart'), path: ['endedOn'] });
export type ServiceEdit = z.infer<typeof serviceEdit>;

export const CHILD_KINDS = ['location', 'suspect', 'victim', 'service'] as const;
export type ChildKind = (typeof CHILD_KINDS)[number];

/** Removing a location, suspect, victim or service: it is archived, never deleted. */
export const childRemove = z.object({
  caseId: uuid,
  kind: z.enum(CHILD_KINDS, E('invalid')),
  id: uuid,
  version,
});
export type ChildRemove = z.infer<typeof childRemove>;

export const statusMove = z
  .object({
    caseId: uuid,
    version,
    move: z.enum(STATUS_MOVES, E('invalid')),
    closeReason: z.preprocess((v) => (empty(v) ? null : v), z.enum(CLOSE_REASONS, E('closeReasonNeeded')).nullable()).optional(),
    reopenReason: z.preprocess((v) => (empty(v) ? null : v), z.enum(REOPEN_REASONS, E('reopenReasonNeeded')).nullable()).optional(),
  })
  .refine((v) => v.move !== 'close' || v.closeReason, { ...E('closeReasonNeeded'), path: ['closeReason'] })
  .refine((v) => v.move !== 'reopen' || v.reopenReason, { ...E('reopenReasonNeeded'), path: ['reopenReason'] });
export type StatusMoveInput = z.infer<typeof statusMove>;

export const caseArchive = z.object({
  caseId: uuid,
  version,
  /** Seen only by managers (archived cases are theirs alone); never put on the timeline. */
  reason: z.string(E('required')).trim().min(3, E('required')).max(500, E('tooLong')),
});
export type CaseArchiveInput = z.infer<typeof caseArchive>;

export const caseRestore = z.object({ caseId: uuid, version });
export type CaseRestoreInput = z.infer<typeof caseRestore>;

/**
 * The quick "record arrest" action on one suspect (liaison officers too): date, arresting
 * agency and place, at the suspect's version. Recording it on an arrested suspect corrects it.
 */
export const arrestRecord = z.object({
  caseId: uuid,
  id: uuid,
  version,
  arrestedOn: requiredDate,
  arrestingAgencyId: z.preprocess((v) => (empty(v) ? undefined : v), z.uuid(E('required'))),
  arrestPlace: optionalText(200),
});
export type ArrestRecord = z.infer<typeof arrestRecord>;
