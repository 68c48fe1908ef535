import 'server-only';
import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { archivedVisibleTo, authorize, caseIdRef, caseVisibleTo } from '../scope';
import { investigations, offenceLocations, offenceTypes, provinces, suspects, victims } from '../schema';
import type { Viewer } from '@/lib/policy';
import { NotFoundError } from '@/lib/errors';

export { CASE_PAGE_SIZE, listCases, type CaseListQuery, type CaseListRow } from './case-list';

/**
 * One case, if the viewer may see it. Out of scope and nonexistent look the same (404).
 * The view is audited in the same transaction as the read.
 */
export async function getCase(viewer: Viewer, id: string, ip: string | null) {
  await authorize(viewer, 'cases:read', { action: 'case.view', entityType: 'investigation', entityId: id, ip });
  const found = !z.uuid().safeParse(id).success ? null : await getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: investigations.id,
        reference: investigations.reference,
        title: investigations.title,
        status: investigations.status,
        closeReason: investigations.closeReason,
        priority: investigations.priority,
        openedOn: investigations.openedOn,
        reportedOn: investigations.reportedOn,
        archivedAt: investigations.archivedAt,
        offenceEn: offenceTypes.labelEn,
        offenceKm: offenceTypes.labelKm,
        suspectCount: sql<number>`(select count(*)::int from ${suspects} s where s.investigation_id = ${caseIdRef} and s.archived_at is null)`,
        arrestedCount: sql<number>`(select count(*)::int from ${suspects} s where s.investigation_id = ${caseIdRef} and s.archived_at is null and s.arrested_on is not null)`,
        victimCount: sql<number>`(select count(*)::int from ${victims} v where v.investigation_id = ${caseIdRef} and v.archived_at is null)`,
      })
      .from(investigations)
      .innerJoin(offenceTypes, eq(offenceTypes.code, investigations.offenceType))
      .where(and(eq(investigations.id, id), caseVisibleTo(viewer), archivedVisibleTo(viewer)));

    if (!row) return null;

    const locations = await tx
      .select({
        id: offenceLocations.id,
        provinceEn: provinces.nameEn,
        provinceKm: provinces.nameKm,
        district: offenceLocations.district,
        commune: offenceLocations.commune,
        occurredOn: offenceLocations.occurredOn,
      })
      .from(offenceLocations)
      .innerJoin(provinces, eq(provinces.code, offenceLocations.provinceCode))
      .where(and(eq(offenceLocations.investigationId, id), sql`${offenceLocations.archivedAt} is null`))
      .orderBy(offenceLocations.occurredOn);

    await writeAudit(tx, viewer, { action: 'case.view', outcome: 'allowed', entityType: 'investigation', entityId: id, investigationId: id, ip });
    return { ...row, locations };
  });
  if (!found) {
    // After the read's transaction: the embedded database has one connection, and a denial
    // must be recorded whatever happens to the read.
    await writeAudit(getDb(), viewer, { action: 'case.view', outcome: 'denied', entityType: 'investigation', entityId: id, ip, detail: { reason: 'not_found_or_out_of_scope' } });
    throw new NotFoundError('investigation');
  }
  return found;
}
