import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { randomUUID } from 'node:crypto';
import { writeAudits } from '../audit';
import { recordCaseChanges } from '../events';
import { authorize } from '../scope';
import { sealIdentity } from '../identity-fields';
import {
  agencies, investigationAgencies, investigationMembers, investigations, offenceLocations, offenceTypes, placeTypes,
  provinces, relationships, serviceTypes, suspects, victimServices, victims,
} from '../schema';
import type { Viewer } from '@/lib/policy';
import type { CaseStatus, CloseReason } from '@/lib/vocabulary';
import { ConflictError, FieldValidationError } from '@/lib/errors';
import type { CaseInput } from '@/lib/validation/case-input';
import { todayIso } from '@/lib/validation/fields';
import type { FieldErrors } from '@/lib/validation/field-errors';

// Advisory lock space for case references: (this class id, year).
const REFERENCE_LOCK_CLASS = 0x43505552; // "CPUR"
const SUBMISSION_KEY_CONSTRAINT = 'investigations_submission_key_unique';

export const caseReference = (year: number, seq: number) => `CPU-${year}-${String(seq).padStart(4, '0')}`;
export const victimCode = (year: number, seq: number, n: number) => `V-${year}-${String(seq).padStart(4, '0')}-${n}`;

/** The code ("23505") and constraint of a database error, through drizzle's wrapper. */
function pgError(err: unknown): { code?: string; constraint?: string } {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string') return e;
  }
  return {};
}

/** The values a new case may name: active reference codes, the provinces, active agencies. */
export type ReferenceSets = Record<'offenceTypes' | 'placeTypes' | 'relationships' | 'serviceTypes' | 'provinces' | 'agencies', ReadonlySet<string>>;

export async function activeReferenceSets(executor: Tx | ReturnType<typeof getDb>): Promise<ReferenceSets> {
  // The reference tables share their columns; typed as one so a single helper serves all.
  const activeCodes = async (list: unknown) => {
    const table = list as typeof offenceTypes;
    const rows = await executor.select({ value: table.code }).from(table).where(eq(table.active, true));
    return new Set(rows.map((r) => r.value));
  };
  // One after another: inside a transaction there is one connection.
  const offence = await activeCodes(offenceTypes);
  const place = await activeCodes(placeTypes);
  const relationship = await activeCodes(relationships);
  const service = await activeCodes(serviceTypes);
  const province = await executor.select({ value: provinces.code }).from(provinces);
  const agency = await executor.select({ value: agencies.id }).from(agencies).where(eq(agencies.active, true));
  return {
    offenceTypes: offence, placeTypes: place, relationships: relationship, serviceTypes: service,
    provinces: new Set(province.map((r) => r.value)), agencies: new Set(agency.map((r) => r.value)),
  };
}

/** Each chosen code, agency and province must exist and (for lists) be active: field path -> 'unknownValue'. */
export function referenceErrors(input: CaseInput, sets: ReferenceSets): FieldErrors {
  const errors: FieldErrors = {};
  const check = (set: ReadonlySet<string>, fields: [path: string, value: string | null][]) => {
    for (const [path, value] of fields) if (value !== null && !set.has(value)) errors[path] ??= 'unknownValue';
  };
  check(sets.offenceTypes, [['offenceType', input.offenceType]]);
  check(sets.placeTypes, input.locations.map((l, i) => [`locations.${i}.placeType`, l.placeType]));
  check(sets.relationships, input.suspects.map((s, i) => [`suspects.${i}.relationship`, s.relationship]));
  check(sets.serviceTypes, input.victims.flatMap((v, i) => v.services.map((s, j): [string, string] => [`victims.${i}.services.${j}.serviceType`, s.serviceType])));
  check(sets.provinces, input.locations.map((l, i) => [`locations.${i}.provinceCode`, l.provinceCode]));
  check(sets.agencies, [
    ...input.agencyIds.map((id): [string, string] => ['agencyIds', id]),
    ...input.suspects.map((s, i): [string, string | null] => [`suspects.${i}.arrestingAgencyId`, s.arrestingAgencyId]),
  ]);
  return errors;
}

async function checkReferences(tx: Tx, input: CaseInput): Promise<void> {
  const errors = referenceErrors(input, await activeReferenceSets(tx));
  if (Object.keys(errors).length > 0) throw new FieldValidationError(errors);
}

/**
 * Takes the year's reference lock and gives the next free sequence number. Every creation in
 * a year waits here for the one before it to commit, so max + 1 is free even in a year with
 * no case yet (where a row lock would have nothing to lock).
 */
export async function nextReferenceSeq(tx: Tx, year: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REFERENCE_LOCK_CLASS}::int, ${year}::int)`);
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${investigations.refSeq}), 0)::int + 1` })
    .from(investigations)
    .where(eq(investigations.refYear, year));
  return next;
}

async function existingSubmission(executor: Tx | ReturnType<typeof getDb>, viewer: Viewer, submissionKey: string) {
  const [row] = await executor
    .select({ id: investigations.id, createdBy: investigations.createdBy })
    .from(investigations)
    .where(eq(investigations.submissionKey, submissionKey));
  if (!row) return null;
  // A key is the submitter's own: someone else's key never reveals their case.
  if (row.createdBy !== viewer.userId) throw new ConflictError('submission_key_taken');
  return row.id;
}

async function insertCase(tx: Tx, viewer: Viewer, input: CaseInput, submissionKey: string, ip: string | null): Promise<{ id: string; created: boolean }> {
  const openedOn = todayIso();
  const year = Number(openedOn.slice(0, 4));
  const refSeq = await nextReferenceSeq(tx, year);

  const replayed = await existingSubmission(tx, viewer, submissionKey);
  if (replayed) return { id: replayed, created: false };
  await checkReferences(tx, input);

  const [id] = await insertCaseRecords(tx, viewer, [{ input, refYear: year, refSeq, openedOn, submissionKey }], ip);
  return { id: id!, created: true };
}

/** A checked case ready to be written, with its reference already chosen. */
export type NewCaseRecord = {
  input: CaseInput;
  refYear: number;
  refSeq: number;
  openedOn: string;
  status?: CaseStatus;
  closeReason?: CloseReason | null;
  closedAt?: Date | null;
  submissionKey?: string | null;
  externalRef?: string | null;
};

// Rows per INSERT: well under PostgreSQL's 65,535 parameters at 20 columns a row.
const ROWS_PER_INSERT = 1000;

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/**
 * Writes cases with everything they hold: the case, its lead (the creator), shared agencies,
 * locations, suspects, victims and their services, the timeline event and the audit rows.
 * One way for the "Open a case" form (one case) and the import (many, in few statements).
 * Returns the new cases' ids in order.
 */
export async function insertCaseRecords(tx: Tx, viewer: Viewer, cases: readonly NewCaseRecord[], ip: string | null): Promise<string[]> {
  const author = { createdBy: viewer.userId };
  const ids = cases.map(() => randomUUID());
  const investigationRows = cases.map((c, n) => ({
    id: ids[n]!,
    reference: caseReference(c.refYear, c.refSeq),
    refYear: c.refYear,
    refSeq: c.refSeq,
    title: c.input.title,
    summary: c.input.summary,
    offenceType: c.input.offenceType,
    reportChannel: c.input.reportChannel,
    priority: c.input.priority,
    status: c.status ?? 'reported',
    closeReason: c.closeReason ?? null,
    closedAt: c.closedAt ?? null,
    reportedOn: c.input.reportedOn,
    openedOn: c.openedOn,
    offenceFrom: c.input.offenceFrom,
    offenceTo: c.input.offenceTo,
    submissionKey: c.submissionKey ?? null,
    externalRef: c.externalRef ?? null,
    updatedBy: viewer.userId,
    ...author,
  }));
  // Row ids chosen here so that the encrypted identity fields can be bound to their rows.
  const victimRows = cases.flatMap((c, n) => c.input.victims.map((v, i) => {
    const id = randomUUID();
    return {
      id,
      investigationId: ids[n]!,
      code: victimCode(c.refYear, c.refSeq, i + 1),
      ...sealIdentity('victims', id, { fullName: v.fullName, dateOfBirth: v.dateOfBirth }),
      sex: v.sex,
      ageAtOffence: v.ageAtOffence,
      nationality: v.nationality,
      ...author,
    };
  }));
  const suspectRows = cases.flatMap((c, n) => c.input.suspects.map((s) => {
    const id = randomUUID();
    return { id, investigationId: ids[n]!, ...sealIdentity('suspects', id, s), ...author };
  }));
  let victimIndex = 0;
  const serviceRows = cases.flatMap((c, n) => c.input.victims.flatMap((v) => {
    const victimId = victimRows[victimIndex++]!.id;
    return v.services.map((s) => ({ victimId, investigationId: ids[n]!, ...s, ...author }));
  }));

  await insertAll(investigationRows, (rows) => tx.insert(investigations).values(rows));
  await insertAll(ids, (chunk) => tx.insert(investigationMembers).values(chunk.map((investigationId) => ({ investigationId, userId: viewer.userId, role: 'lead' as const, addedBy: viewer.userId }))));
  await insertAll(cases.flatMap((c, n) => [...new Set(c.input.agencyIds)].map((agencyId) => ({ investigationId: ids[n]!, agencyId, sharedBy: viewer.userId }))),
    (rows) => tx.insert(investigationAgencies).values(rows));
  await insertAll(cases.flatMap((c, n) => c.input.locations.map((l) => ({ investigationId: ids[n]!, ...l, ...author }))),
    (rows) => tx.insert(offenceLocations).values(rows));
  await insertAll(suspectRows, (rows) => tx.insert(suspects).values(rows));
  await insertAll(victimRows, (rows) => tx.insert(victims).values(rows));
  await insertAll(serviceRows, (rows) => tx.insert(victimServices).values(rows));

  await recordCaseChanges(tx, viewer, cases.map((c, n) => ({
    investigationId: ids[n]!,
    kind: 'case_opened',
    data: {
      reference: investigationRows[n]!.reference,
      locations: c.input.locations.length,
      suspects: c.input.suspects.length,
      victims: c.input.victims.map((_, i) => victimCode(c.refYear, c.refSeq, i + 1)),
      services: c.input.victims.reduce((sum, v) => sum + v.services.length, 0),
      agencies: c.input.agencyIds.length,
      ...(c.externalRef ? { imported: true } : {}),
    },
    ip,
  })));
  await insertAll([
    ...suspectRows.map((s) => ({ action: 'suspect.create', outcome: 'allowed' as const, entityType: 'suspect', entityId: s.id, investigationId: s.investigationId, ip })),
    ...victimRows.map((v) => ({ action: 'victim.create', outcome: 'allowed' as const, entityType: 'victim', entityId: v.id, investigationId: v.investigationId, ip, detail: { code: v.code } })),
  ], (entries) => writeAudits(tx, viewer, entries));
  return ids;
}

/**
 * Opens a case with everything the form holds, in one transaction: the case, its lead (the
 * creator), shared agencies, locations, suspects, victims and their services, the timeline
 * event and the audit rows. A replay of the same submission key returns the case it made.
 */
export async function createInvestigation(
  viewer: Viewer,
  input: CaseInput,
  { submissionKey, ip }: { submissionKey: string; ip: string | null },
): Promise<{ id: string; created: boolean }> {
  await authorize(viewer, 'cases:create', { action: 'case.create', ip });
  const db = getDb();
  try {
    return await db.transaction(async (tx) => {
      const before = await existingSubmission(tx, viewer, submissionKey);
      if (before) return { id: before, created: false };
      return insertCase(tx, viewer, input, submissionKey, ip);
    });
  } catch (err) {
    // Two requests with one key in different years' locks (around midnight on 31 December).
    const { code, constraint } = pgError(err);
    if (code === '23505' && constraint === SUBMISSION_KEY_CONSTRAINT) {
      const id = await existingSubmission(db, viewer, submissionKey);
      if (id) return { id, created: false };
    }
    throw err;
  }
}
