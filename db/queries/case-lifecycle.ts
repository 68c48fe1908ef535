import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { recordCaseChange } from '../events';
import { caseEvents, investigations } from '../schema';
import type { Viewer } from '@/lib/policy';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { autoAdvanceTarget, MOVE_PERMISSION, moveTarget } from '@/lib/lifecycle';
import type { StatusMoveInput } from '@/lib/validation/case-edit';
import { caseEditableBy, caseWrite, type ConflictDetail } from './case-write';
import { lockCaseAt } from './case-update';

/** The stage a closed case was closed from: the latest timeline move onto 'closed'. */
async function stageBeforeClose(tx: Tx, caseId: string): Promise<string | null> {
  const [row] = await tx
    .select({ from: sql<string | null>`${caseEvents.data}->>'from'` })
    .from(caseEvents)
    .where(and(eq(caseEvents.investigationId, caseId), sql`${caseEvents.data}->>'to' = 'closed'`))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id))
    .limit(1);
  return row?.from ?? null;
}

/**
 * Moves a case along its lifecycle (lib/lifecycle.ts): advance one stage, close with a
 * reason, or (managers) reopen with a reason. One transaction: the version-checked update,
 * its 'status_changed' timeline event and its audit row.
 */
export async function moveCaseStatus(viewer: Viewer, input: StatusMoveInput, ip: string | null) {
  const { caseId, version, move } = input;
  return caseWrite(viewer, MOVE_PERMISSION[move], { caseId, kind: 'status_changed', ip }, async (tx) => {
    const { archivedAt, values } = await lockCaseAt(tx, viewer, caseId, version, { status: investigations.status, closeReason: investigations.closeReason });
    if (archivedAt) throw new NotFoundError('investigation');
    const from = values.status as (typeof investigations.$inferSelect)['status'];
    const to = moveTarget(from, move, move === 'reopen' ? await stageBeforeClose(tx, caseId) : null);
    if (!to) throw new ConflictError('move_not_allowed', { version, current: values } satisfies ConflictDetail);

    const reason = move === 'close' ? input.closeReason! : move === 'reopen' ? input.reopenReason! : null;
    const [row] = await tx
      .update(investigations)
      .set({
        status: to,
        closeReason: move === 'close' ? input.closeReason! : null,
        closedAt: move === 'close' ? sql`now()` : null,
        version: sql`${investigations.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: viewer.userId,
      })
      .where(and(eq(investigations.id, caseId), eq(investigations.version, version), caseEditableBy(viewer)))
      .returning({ version: investigations.version });
    if (!row) throw new NotFoundError('investigation');
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'status_changed', data: { from, to, move, ...(reason ? { reason } : {}) }, ip });
    return { version: row.version, status: to };
  });
}

/**
 * Inside a write that recorded an arrest or a charge: carries the case forward to the stage
 * that fact reaches (lib/lifecycle autoAdvanceTarget), as a 'status_changed' event with
 * move 'auto' and the cause. The caller's write has already proved the case editable by
 * the viewer; the update repeats the scope. Returns the new status, or null if unchanged.
 */
export async function autoAdvanceCase(
  tx: Tx, viewer: Viewer, caseId: string, reached: 'suspect_arrested' | 'referred_to_court', cause: 'arrest' | 'charge', ip: string | null,
) {
  const [current] = await tx.select({ status: investigations.status }).from(investigations)
    .where(and(eq(investigations.id, caseId), caseEditableBy(viewer))).for('update');
  if (!current) throw new NotFoundError('investigation');
  const to = autoAdvanceTarget(current.status, reached);
  if (!to) return null;
  await tx.update(investigations)
    .set({ status: to, version: sql`${investigations.version} + 1`, updatedAt: sql`now()`, updatedBy: viewer.userId })
    .where(and(eq(investigations.id, caseId), caseEditableBy(viewer)));
  await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'status_changed', data: { from: current.status, to, move: 'auto', cause }, ip });
  return to;
}
