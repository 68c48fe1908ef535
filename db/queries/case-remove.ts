import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordCaseChange } from '../events';
import { offenceLocations, suspects, victims, victimServices } from '../schema';
import type { Viewer } from '@/lib/policy';
import type { ChildKind, ChildRemove } from '@/lib/validation/case-edit';
import { caseWrite } from './case-write';
import { archiveChild, type ChildTable } from './case-children';
import { LOCATION_FORM_COLUMNS } from './case-locations';
import { SUSPECT_FORM_COLUMNS } from './case-suspects';
import { SERVICE_FORM_COLUMNS } from './case-victims';

const CHILDREN = {
  location: { table: offenceLocations, entityType: 'offence_location', idKey: 'locationId', columns: LOCATION_FORM_COLUMNS },
  suspect: { table: suspects, entityType: 'suspect', idKey: 'suspectId', columns: SUSPECT_FORM_COLUMNS },
  // Not the identity columns: a refused removal shows the victim by code, sex and age.
  victim: { table: victims, entityType: 'victim', idKey: 'victimId', columns: { code: victims.code, sex: victims.sex, ageAtOffence: victims.ageAtOffence } },
  service: { table: victimServices, entityType: 'victim_service', idKey: 'serviceId', columns: SERVICE_FORM_COLUMNS },
} satisfies Record<ChildKind, { table: ChildTable; entityType: string; idKey: string; columns: object }>;

/** Removes a location, suspect, victim or service from a case: archived, never deleted. */
export async function removeChild(viewer: Viewer, input: ChildRemove, ip: string | null) {
  const { caseId, kind, id, version } = input;
  const child = CHILDREN[kind];
  const event = `${kind}_removed`;
  return caseWrite(viewer, 'cases:edit', { caseId, kind: event, entityType: child.entityType, entityId: id, ip }, async (tx) => {
    const { caseVersion, before } = await archiveChild(tx, viewer, child.table, { caseId, id, version }, child.columns);
    if (kind === 'victim') {
      // A removed child's services go with them.
      await tx
        .update(victimServices)
        .set({ archivedAt: sql`now()`, archivedBy: viewer.userId, version: sql`${victimServices.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(victimServices.victimId, id), eq(victimServices.investigationId, caseId), isNull(victimServices.archivedAt)));
    }
    const data: Record<string, unknown> = { [child.idKey]: id };
    if (kind === 'victim') data.code = before.code;
    if (kind === 'service') data.serviceType = before.serviceType;
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: event, data, entityType: child.entityType, entityId: id, ip });
    return { caseVersion };
  });
}
