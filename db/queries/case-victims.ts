import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { recordCaseChange } from '../events';
import { investigations, victims, victimServices } from '../schema';
import type { Viewer } from '@/lib/policy';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { ServiceEdit, VictimEdit } from '@/lib/validation/case-edit';
import { caseWrite, parentCaseEditableBy } from './case-write';
import { insertChild, updateChild } from './case-children';

export const VICTIM_FORM_COLUMNS = {
  fullName: victims.fullName,
  dateOfBirth: victims.dateOfBirth,
  contact: victims.contact,
  notes: victims.notes,
  sex: victims.sex,
  ageAtOffence: victims.ageAtOffence,
  nationality: victims.nationality,
};

export const SERVICE_FORM_COLUMNS = {
  victimId: victimServices.victimId,
  serviceType: victimServices.serviceType,
  provider: victimServices.provider,
  startedOn: victimServices.startedOn,
  endedOn: victimServices.endedOn,
};

/** The next pseudonymous code of a case (V-2021-0042-3); the case row is locked by then. */
async function nextVictimCode(tx: Tx, caseId: string): Promise<string> {
  const [row] = await tx
    .select({
      year: investigations.refYear,
      seq: investigations.refSeq,
      n: sql<number>`(select count(*)::int from ${victims} v where v.investigation_id = ${caseId})`,
    })
    .from(investigations)
    .where(eq(investigations.id, caseId));
  if (!row) throw new NotFoundError('investigation');
  return `V-${row.year}-${String(row.seq).padStart(4, '0')}-${row.n + 1}`;
}

/**
 * Adds a child victim to a case (no id) or changes one at its version. Only those who may
 * read a victim's identity may edit victims (the same roles as 'cases:edit'). The timeline
 * names the victim by code and lists changed field names, never values.
 */
export async function saveVictim(viewer: Viewer, input: VictimEdit, ip: string | null) {
  const { caseId, id, version, ...fields } = input;
  const kind = id ? 'victim_updated' : 'victim_added';
  try {
    return await caseWrite(viewer, 'cases:edit', { caseId, kind, entityType: 'victim', entityId: id ?? undefined, ip }, async (tx) => {
      if (id && version) {
        const saved = await updateChild(tx, viewer, victims, { caseId, id, version }, fields, { ...VICTIM_FORM_COLUMNS, code: victims.code });
        await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { victimId: id, code: saved.before.code, fields: saved.changed }, entityType: 'victim', entityId: id, ip });
        return { id, version: saved.version, caseVersion: saved.caseVersion };
      }
      let code = '';
      const added = await insertChild(tx, viewer, victims, caseId, async () => {
        code = await nextVictimCode(tx, caseId);
        return { ...fields, code };
      });
      await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { victimId: added.id, code }, entityType: 'victim', entityId: added.id, ip });
      return added;
    });
  } catch (err) {
    // The refused save shows the victim as it is now, identity included: that is a read.
    if (err instanceof ConflictError && id) {
      await writeAudit(getDb(), viewer, { action: 'victim.view_identity', outcome: 'allowed', entityType: 'victim', entityId: id, investigationId: caseId, ip, detail: { reason: 'conflict' } });
    }
    throw err;
  }
}

/** Adds a service to a victim of the case (no id) or changes one at its version. */
export async function saveService(viewer: Viewer, input: ServiceEdit, ip: string | null) {
  const { caseId, id, version, ...fields } = input;
  const kind = id ? 'service_updated' : 'service_added';
  return caseWrite(viewer, 'cases:edit', { caseId, kind, entityType: 'victim_service', entityId: id ?? undefined, ip }, async (tx) => {
    const [victim] = await tx
      .select({ id: victims.id, code: victims.code })
      .from(victims)
      .where(and(eq(victims.id, fields.victimId), eq(victims.investigationId, caseId), isNull(victims.archivedAt), parentCaseEditableBy(viewer, caseId)));
    if (!victim) throw new NotFoundError('victim');
    const facts = { victimId: victim.id, code: victim.code, serviceType: fields.serviceType };
    if (id && version) {
      const saved = await updateChild(tx, viewer, victimServices, { caseId, id, version }, fields, SERVICE_FORM_COLUMNS);
      await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { serviceId: id, fields: saved.changed, ...facts }, entityType: 'victim_service', entityId: id, ip });
      return { id, version: saved.version, caseVersion: saved.caseVersion };
    }
    const added = await insertChild(tx, viewer, victimServices, caseId, fields);
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { serviceId: added.id, ...facts }, entityType: 'victim_service', entityId: added.id, ip });
    return added;
  });
}
