import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '../client';
import { recordCaseChange } from '../events';
import { writeAudit } from '../audit';
import { archivedVisibleTo, authorize, caseVisibleTo } from '../scope';
import { investigations } from '../schema';
import type { Viewer } from '@/lib/policy';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { CaseBasicsEdit } from '@/lib/validation/case-edit';
import { caseEditableBy, caseWrite, changedFields, type ConflictDetail } from './case-write';

const basicsColumns = {
  title: investigations.title,
  summary: investigations.summary,
  offenceType: investigations.offenceType,
  priority: investigations.priority,
  reportedOn: investigations.reportedOn,
  offenceFrom: investigations.offenceFrom,
  offenceTo: investigations.offenceTo,
};

/**
 * Locks the case row for this transaction if the viewer may edit it, and refuses a stale
 * version with the case as it is now. Used by every write on the case itself.
 */
export async function lockCaseAt(tx: Tx, viewer: Viewer, caseId: string, version: number, columns: Record<string, PgColumn>) {
  const [row] = await tx
    .select({ ...columns, version: investigations.version, archivedAt: investigations.archivedAt })
    .from(investigations)
    .where(and(eq(investigations.id, caseId), caseVisibleTo(viewer), archivedVisibleTo(viewer)))
    .for('update');
  if (!row) throw new NotFoundError('investigation');
  const { archivedAt, version: current, ...values } = row as Record<string, unknown> & { archivedAt: Date | null; version: number };
  if (current !== version) {
    throw new ConflictError('stale_version', { version: current, current: { ...values, archived: archivedAt !== null } } satisfies ConflictDetail);
  }
  return { archivedAt, values };
}

/**
 * The basics of a case as the edit form starts from them, with the case's version, if the
 * viewer may edit it: for a partial update (the REST API's PATCH), which sends only changes.
 */
export async function readCaseBasics(viewer: Viewer, caseId: string) {
  await authorize(viewer, 'cases:edit', { action: 'case.case_updated', entityType: 'investigation', entityId: caseId });
  const [row] = await getDb()
    .select({ ...basicsColumns, version: investigations.version })
    .from(investigations)
    .where(and(eq(investigations.id, caseId), caseEditableBy(viewer)));
  if (!row) {
    await writeAudit(getDb(), viewer, { action: 'case.case_updated', outcome: 'denied', entityType: 'investigation', entityId: caseId, detail: { reason: 'not_found_or_out_of_scope' } });
    throw new NotFoundError('investigation');
  }
  return row;
}

/** Title, summary, offence type, priority and dates of a case. */
export async function updateCaseBasics(viewer: Viewer, input: CaseBasicsEdit, ip: string | null) {
  const { caseId, version, ...fields } = input;
  return caseWrite(viewer, 'cases:edit', { caseId, kind: 'case_updated', ip }, async (tx) => {
    const { archivedAt, values } = await lockCaseAt(tx, viewer, caseId, version, basicsColumns);
    if (archivedAt) throw new NotFoundError('investigation');
    const [row] = await tx
      .update(investigations)
      .set({ ...fields, version: sql`${investigations.version} + 1`, updatedAt: sql`now()`, updatedBy: viewer.userId })
      .where(and(eq(investigations.id, caseId), eq(investigations.version, version), caseEditableBy(viewer)))
      .returning({ version: investigations.version });
    if (!row) throw new NotFoundError('investigation');
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'case_updated', data: { fields: changedFields(values, fields) }, ip });
    return { version: row.version };
  });
}
