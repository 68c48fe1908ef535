import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { charges, hearings, investigations, prosecutionCharges, prosecutions, provinces, suspects } from '../schema';
import { recordCaseChange } from '../events';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, NotFoundError } from '@/lib/errors';
import { DECIDED_PROSECUTION_STATUSES } from '@/lib/lifecycle';
import type { HearingEdit, ProsecutionEdit } from '@/lib/validation/prosecution';
import { assertNotBeforeOffencePeriod, caseEditableBy, caseWrite, changedFields, touchCase, type ConflictDetail } from './case-write';
import { insertChild, updateChild } from './case-children';
import { autoAdvanceCase } from './case-lifecycle';

/** The columns of the prosecution form (the charges are a set of their own). */
export const PROSECUTION_FORM_COLUMNS = {
  suspectId: prosecutions.suspectId,
  courtProvinceCode: prosecutions.courtProvinceCode,
  courtCaseNumber: prosecutions.courtCaseNumber,
  chargesOther: prosecutions.chargesOther,
  status: prosecutions.status,
  filedOn: prosecutions.filedOn,
  verdictOn: prosecutions.verdictOn,
  sentenceYears: prosecutions.sentenceYears,
  sentenceMonths: prosecutions.sentenceMonths,
  fineRiel: prosecutions.fineRiel,
  compensationRiel: prosecutions.compensationRiel,
};

const decided = (s: unknown) => (DECIDED_PROSECUTION_STATUSES as readonly unknown[]).includes(s);
const err = (key: string) => `caseEdit.errors.${key}`;

/**
 * Records a prosecution of a suspect of the case (no id) or changes one at its version,
 * with its set of charges, in one transaction. Liaison officers may, on a case shared with
 * them. Filing one carries the case on to 'referred_to_court'; a prosecution becoming
 * decided is recorded as 'verdict_recorded'.
 */
export async function saveProsecution(viewer: Viewer, input: ProsecutionEdit, ip: string | null) {
  const { caseId, id, version, chargeCodes, ...fields } = input;
  const kind = id ? 'prosecution_updated' : 'prosecution_filed';
  return caseWrite(viewer, 'cases:record-prosecution', { caseId, kind, entityType: 'prosecution', entityId: id ?? undefined, ip }, async (tx) => {
    await lockEditableCase(tx, viewer, caseId);
    await checkReferences(tx, caseId, fields, chargeCodes, id ?? null);
    // Timeline data: ids, codes, dates and the sentence; never names, the court case number or free text.
    const facts = {
      suspectId: fields.suspectId, courtProvinceCode: fields.courtProvinceCode, status: fields.status, chargeCodes,
      filedOn: fields.filedOn, verdictOn: fields.verdictOn, sentenceYears: fields.sentenceYears, sentenceMonths: fields.sentenceMonths,
    };
    const event = (eventKind: string, prosecutionId: string, extra: Record<string, unknown> = {}) =>
      recordCaseChange(tx, viewer, { investigationId: caseId, kind: eventKind, data: { prosecutionId, ...facts, ...extra }, entityType: 'prosecution', entityId: prosecutionId, ip });

    if (id && version) {
      const saved = await updateChild(tx, viewer, prosecutions, { caseId, id, version }, fields, PROSECUTION_FORM_COLUMNS);
      const chargesChanged = await replaceCharges(tx, id, chargeCodes);
      const changed = chargesChanged ? [...saved.changed, 'chargeCodes'] : saved.changed;
      await event(decided(fields.status) && !decided(saved.before.status) ? 'verdict_recorded' : 'prosecution_updated', id, { fields: changed });
      return { id, version: saved.version, caseVersion: saved.caseVersion, caseStatus: null };
    }

    const added = await insertChild(tx, viewer, prosecutions, caseId, fields);
    await replaceCharges(tx, added.id, chargeCodes);
    await event('prosecution_filed', added.id);
    if (decided(fields.status)) await event('verdict_recorded', added.id);
    const caseStatus = await autoAdvanceCase(tx, viewer, caseId, 'referred_to_court', 'charge', ip);
    return { ...added, caseStatus };
  });
}

/**
 * Adds a hearing to a prosecution of the case (no id) or changes one at its version. Its
 * outcome note stays on the hearing: the timeline gets the kind and the date only.
 */
export async function saveHearing(viewer: Viewer, input: HearingEdit, ip: string | null) {
  const { caseId, id, version, prosecutionId, ...fields } = input;
  const kind = id ? 'hearing_updated' : 'hearing_added';
  return caseWrite(viewer, 'cases:record-prosecution', { caseId, kind, entityType: 'hearing', entityId: id ?? undefined, ip }, async (tx) => {
    const caseVersion = await touchCase(tx, viewer, caseId);
    const [prosecution] = await tx.select({ filedOn: prosecutions.filedOn }).from(prosecutions)
      .where(and(eq(prosecutions.id, prosecutionId), eq(prosecutions.investigationId, caseId), isNull(prosecutions.archivedAt)));
    if (!prosecution) throw new NotFoundError('prosecution');
    if (fields.heldOn < prosecution.filedOn) throw new FieldValidationError({ heldOn: err('hearingBeforeFiling') });
    const facts = { prosecutionId, hearingKind: fields.kind, heldOn: fields.heldOn };

    if (id && version) {
      const where = and(eq(hearings.id, id), eq(hearings.prosecutionId, prosecutionId), isNull(hearings.archivedAt));
      const [before] = await tx.select({ heldOn: hearings.heldOn, kind: hearings.kind, outcomeNote: hearings.outcomeNote, version: hearings.version })
        .from(hearings).where(where).for('update');
      if (!before) throw new NotFoundError('hearing');
      const { version: current, ...values } = before;
      if (current !== version) throw new ConflictError('stale_version', { version: current, current: values } satisfies ConflictDetail);
      const [row] = await tx.update(hearings)
        .set({ ...fields, version: sql`${hearings.version} + 1`, updatedAt: sql`now()` })
        .where(and(where, eq(hearings.version, version)))
        .returning({ version: hearings.version });
      await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { ...facts, hearingId: id, fields: changedFields(values, fields) }, entityType: 'hearing', entityId: id, ip });
      return { id, version: row!.version, caseVersion };
    }

    const [row] = await tx.insert(hearings).values({ prosecutionId, ...fields, createdBy: viewer.userId }).returning({ id: hearings.id, version: hearings.version });
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { ...facts, hearingId: row!.id }, entityType: 'hearing', entityId: row!.id, ip });
    return { id: row!.id, version: row!.version, caseVersion };
  });
}

/** Locks the case if the viewer may edit it, before anything about it is looked up. */
async function lockEditableCase(tx: Tx, viewer: Viewer, caseId: string): Promise<void> {
  const [row] = await tx.select({ id: investigations.id }).from(investigations)
    .where(and(eq(investigations.id, caseId), caseEditableBy(viewer))).for('update');
  if (!row) throw new NotFoundError('investigation');
}

/**
 * What only the database can check, as field errors: the suspect is one of this case's,
 * the court and the charges exist (a charge withdrawn from the list stays allowed on a
 * prosecution that already has it), and the filing is not before the offence.
 */
async function checkReferences(
  tx: Tx, caseId: string, fields: Pick<ProsecutionEdit, 'suspectId' | 'courtProvinceCode' | 'filedOn'>, chargeCodes: string[], prosecutionId: string | null,
): Promise<void> {
  const errors: Record<string, string> = {};
  const [suspect] = await tx.select({ id: suspects.id }).from(suspects)
    .where(and(eq(suspects.id, fields.suspectId), eq(suspects.investigationId, caseId), isNull(suspects.archivedAt)));
  if (!suspect) errors.suspectId = err('suspectNotInCase');
  const [province] = await tx.select({ code: provinces.code }).from(provinces).where(eq(provinces.code, fields.courtProvinceCode));
  if (!province) errors.courtProvinceCode = err('invalid');
  if (chargeCodes.length > 0) {
    const known = await tx.select({ code: charges.code, active: charges.active }).from(charges).where(inArray(charges.code, chargeCodes));
    const held = prosecutionId ? (await chargesOf(tx, prosecutionId)) : [];
    const ok = (c: string) => known.some((k) => k.code === c && (k.active || held.includes(c)));
    if (!chargeCodes.every(ok)) errors.chargeCodes = err('invalid');
  }
  if (Object.keys(errors).length > 0) throw new FieldValidationError(errors);
  await assertNotBeforeOffencePeriod(tx, caseId, { filedOn: fields.filedOn });
}

async function chargesOf(tx: Tx, prosecutionId: string): Promise<string[]> {
  const rows = await tx.select({ code: prosecutionCharges.chargeCode }).from(prosecutionCharges).where(eq(prosecutionCharges.prosecutionId, prosecutionId));
  return rows.map((r) => r.code);
}

/** Makes the prosecution's charges exactly these; true if the set changed. */
async function replaceCharges(tx: Tx, prosecutionId: string, codes: string[]): Promise<boolean> {
  const before = await chargesOf(tx, prosecutionId);
  const removed = before.filter((c) => !codes.includes(c));
  const added = codes.filter((c) => !before.includes(c));
  if (removed.length > 0) {
    await tx.delete(prosecutionCharges).where(and(eq(prosecutionCharges.prosecutionId, prosecutionId), inArray(prosecutionCharges.chargeCode, removed)));
  }
  if (added.length > 0) await tx.insert(prosecutionCharges).values(added.map((chargeCode) => ({ prosecutionId, chargeCode })));
  return removed.length + added.length > 0;
}
