import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { recordCaseChange } from '../events';
import { authorize } from '../scope';
import { sealIdentity } from '../identity-fields';
import {
  agencies, investigationAgencies, investigationMembers, investigations, offenceLocations, offenceTypes, placeTypes,
  provinces, relationships, serviceTypes, suspects, victimServices, victims,
} from '../schema';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError } from '@/lib/errors';
import type { CaseInput } from '@/lib/validation/case-input';
import { todayIso } from '@/lib/validation/fields';
import type { FieldErrors } from '@/lib/validation/field-errors';

/** The input passed the form's schema but names something the database doesn't offer. */

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

/** Each chosen code, agency and province must exist and (for lists) be active. */
async function checkReferences(tx: Tx, input: CaseInput): Promise<void> {
  const errors: FieldErrors = {};
  const check = async (
    found: (values: string[]) => Promise<{ value: string }[]>,
    fields: [path: string, value: string | null][],
  ) => {
    const wanted = [...new Set(fields.map(([, v]) => v).filter((v): v is string => v !== null))];
    if (wanted.length === 0) return;
    const ok = new Set((await found(wanted)).map((r) => r.value));
    for (const [path, value] of fields) if (value !== null && !ok.has(value)) errors[path] ??= 'unknownValue';
  };
  // The reference tables share their columns; typed as one so a single helper serves all.
  const activeCodes = (list: unknown) => (values: string[]) => {
    const table = list as typeof offenceTypes;
    return tx.select({ value: table.code }).from(table).where(and(inArray(table.code, values), eq(table.active, true)));
  };

  await check(activeCodes(offenceTypes), [['offenceType', input.offenceType]]);
  await check(activeCodes(placeTypes), input.locations.map((l, i) => [`locations.${i}.placeType`, l.placeType]));
  await check(activeCodes(relationships), input.suspects.map((s, i) => [`suspects.${i}.relationship`, s.relationship]));
  await check(activeCodes(serviceTypes), input.victims.flatMap((v, i) => v.services.map((s, j): [string, string] => [`victims.${i}.services.${j}.serviceType`, s.serviceType])));
  await check(
    (values) => tx.select({ value: provinces.code }).from(provinces).where(inArray(provinces.code, values)),
    input.locations.map((l, i) => [`locations.${i}.provinceCode`, l.provinceCode]),
  );
  await check(
    (values) => tx.select({ value: agencies.id }).from(agencies).where(and(inArray(agencies.id, values), eq(agencies.active, true))),
    [
      ...input.agencyIds.map((id): [string, string] => ['agencyIds', id]),
      ...input.suspects.map((s, i): [string, string | null] => [`suspects.${i}.arrestingAgencyId`, s.arrestingAgencyId]),
    ],
  );
  if (Object.keys(errors).length > 0) throw new FieldValidationError(errors);
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
  // Every creation in a year waits here for the one before it to commit, so max + 1 is
  // free even in a year with no case yet (where a row lock would have nothing to lock).
  await tx.execute(sql`select pg_advisory_xact_lock(${REFERENCE_LOCK_CLASS}::int, ${year}::int)`);

  const replayed = await existingSubmission(tx, viewer, submissionKey);
  if (replayed) return { id: replayed, created: false };
  await checkReferences(tx, input);

  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${investigations.refSeq}), 0)::int + 1` })
    .from(investigations)
    .where(eq(investigations.refYear, year));
  const reference = caseReference(year, next);
  const author = { createdBy: viewer.userId };

  const [created] = await tx
    .insert(investigations)
    .values({
      reference,
      refYear: year,
      refSeq: next,
      title: input.title,
      summary: input.summary,
      offenceType: input.offenceType,
      reportChannel: input.reportChannel,
      priority: input.priority,
      status: 'reported',
      reportedOn: input.reportedOn,
      openedOn,
      offenceFrom: input.offenceFrom,
      offenceTo: input.offenceTo,
      submissionKey,
      updatedBy: viewer.userId,
      ...author,
    })
    .returning({ id: investigations.id });
  const investigationId = created!.id;

  await tx.insert(investigationMembers).values({ investigationId, userId: viewer.userId, role: 'lead', addedBy: viewer.userId });
  if (input.agencyIds.length > 0) {
    await tx.insert(investigationAgencies).values([...new Set(input.agencyIds)].map((agencyId) => ({ investigationId, agencyId, sharedBy: viewer.userId })));
  }
  await tx.insert(offenceLocations).values(input.locations.map((l) => ({ investigationId, ...l, ...author })));

  // Ids chosen here so that the encrypted identity fields can be bound to their rows.
  const suspectIds = input.suspects.length === 0 ? [] : await tx
    .insert(suspects)
    .values(input.suspects.map((s) => {
      const id = randomUUID();
      return { id, investigationId, ...sealIdentity('suspects', id, s), ...author };
    }))
    .returning({ id: suspects.id });

  const victimRows = await tx
    .insert(victims)
    .values(input.victims.map((v, i) => {
      const id = randomUUID();
      return {
        id,
        investigationId,
        code: victimCode(year, next, i + 1),
        ...sealIdentity('victims', id, { fullName: v.fullName, dateOfBirth: v.dateOfBirth }),
        sex: v.sex,
        ageAtOffence: v.ageAtOffence,
        nationality: v.nationality,
        ...author,
      };
    }))
    .returning({ id: victims.id, code: victims.code });
  const services = input.victims.flatMap((v, i) => v.services.map((s) => ({ victimId: victimRows[i]!.id, investigationId, ...s, ...author })));
  if (services.length > 0) await tx.insert(victimServices).values(services);

  await recordCaseChange(tx, viewer, {
    investigationId,
    kind: 'case_opened',
    data: {
      reference,
      locations: input.locations.length,
      suspects: input.suspects.length,
      victims: victimRows.map((v) => v.code),
      services: services.length,
      agencies: input.agencyIds.length,
    },
    ip,
  });
  for (const s of suspectIds) {
    await writeAudit(tx, viewer, { action: 'suspect.create', outcome: 'allowed', entityType: 'suspect', entityId: s.id, investigationId, ip });
  }
  for (const v of victimRows) {
    await writeAudit(tx, viewer, { action: 'victim.create', outcome: 'allowed', entityType: 'victim', entityId: v.id, investigationId, ip, detail: { code: v.code } });
  }
  return { id: investigationId, created: true };
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
