import type { Tx } from './client';
import { writeAudits } from './audit';
import { caseEvents } from './schema';
import type { Viewer } from '@/lib/policy';

export type CaseChange = {
  investigationId: string;
  /** What happened, e.g. 'case_opened', 'suspect_updated', 'status_changed'. */
  kind: string;
  /**
   * Shown on the timeline to everyone who may read the case, liaison officers included:
   * ids, codes and field names only, never a victim's identity or free-text notes.
   */
  data?: Record<string, unknown>;
  entityType?: string;
  entityId?: string;
  ip: string | null;
};

/** Every write that changes a case records its timeline event and audit row in the same transaction. */
export async function recordCaseChange(tx: Tx, viewer: Viewer, change: CaseChange): Promise<void> {
  await recordCaseChanges(tx, viewer, [change]);
}

/** Several changes of one actor, each with its timeline event and audit row, in two statements. */
export async function recordCaseChanges(tx: Tx, viewer: Viewer, changes: readonly CaseChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(caseEvents).values(changes.map((change) => ({
    investigationId: change.investigationId,
    actorId: viewer.userId,
    kind: change.kind,
    data: change.data ?? {},
  })));
  await writeAudits(tx, viewer, changes.map((change) => ({
    action: `case.${change.kind}`,
    outcome: 'allowed' as const,
    entityType: change.entityType ?? 'investigation',
    entityId: change.entityId ?? change.investigationId,
    investigationId: change.investigationId,
    ip: change.ip,
  })));
}
