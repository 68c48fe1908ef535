import 'server-only';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordCaseChange } from '../events';
import { caseVisibleTo } from '../scope';
import { investigations } from '../schema';
import type { Viewer } from '@/lib/policy';
import { NotFoundError } from '@/lib/errors';
import type { CaseArchiveInput, CaseRestoreInput } from '@/lib/validation/case-edit';
import { caseWrite } from './case-write';
import { lockCaseAt } from './case-update';

/**
 * Archives a case (managers): it leaves lists and figures and stays readable by managers.
 * The reason is kept on the case, not on the timeline, which liaison officers may read.
 */
export async function archiveCase(viewer: Viewer, input: CaseArchiveInput, ip: string | null) {
  const { caseId, version, reason } = input;
  return caseWrite(viewer, 'cases:archive', { caseId, kind: 'case_archived', ip }, async (tx) => {
    const { archivedAt } = await lockCaseAt(tx, viewer, caseId, version, { status: investigations.status });
    if (archivedAt) throw new NotFoundError('investigation');
    const [row] = await tx
      .update(investigations)
      .set({ archivedAt: sql`now()`, archivedBy: viewer.userId, archiveReason: reason, version: sql`${investigations.version} + 1`, updatedAt: sql`now()`, updatedBy: viewer.userId })
      .where(and(eq(investigations.id, caseId), eq(investigations.version, version), isNull(investigations.archivedAt), caseVisibleTo(viewer)))
      .returning({ version: investigations.version });
    if (!row) throw new NotFoundError('investigation');
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'case_archived', ip });
    return { version: row.version };
  });
}

/** Brings an archived case back into lists and figures (managers). */
export async function restoreCase(viewer: Viewer, input: CaseRestoreInput, ip: string | null) {
  const { caseId, version } = input;
  return caseWrite(viewer, 'cases:archive', { caseId, kind: 'case_restored', ip }, async (tx) => {
    const { archivedAt } = await lockCaseAt(tx, viewer, caseId, version, { status: investigations.status });
    if (!archivedAt) throw new NotFoundError('investigation');
    const [row] = await tx
      .update(investigations)
      .set({ archivedAt: null, archivedBy: null, archiveReason: null, version: sql`${investigations.version} + 1`, updatedAt: sql`now()`, updatedBy: viewer.userId })
      .where(and(eq(investigations.id, caseId), eq(investigations.version, version), isNotNull(investigations.archivedAt), caseVisibleTo(viewer)))
      .returning({ version: investigations.version });
    if (!row) throw new NotFoundError('investigation');
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'case_restored', ip });
    return { version: row.version };
  });
}
