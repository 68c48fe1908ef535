import type { Db, Tx } from './client';
import { auditEvents } from './schema';
import type { Viewer } from '@/lib/policy';
import type { AuditOutcome } from '@/lib/vocabulary';

export type AuditEntry = {
  action: string;
  outcome: AuditOutcome;
  entityType?: string;
  entityId?: string;
  investigationId?: string;
  ip?: string | null;
  /** Ids and codes only: never names, notes or other case contents. */
  detail?: Record<string, unknown>;
};

/** Who acted: a signed-in viewer (with the API token it came through, if any), or nobody. */
type AuditActor = (Pick<Viewer, 'userId' | 'role'> & { apiTokenId?: string }) | null;

/** Writes one audit row with whatever executor the change itself uses (same transaction). */
export async function writeAudit(executor: Db | Tx, viewer: AuditActor, entry: AuditEntry) {
  await writeAudits(executor, viewer, [entry]);
}

/** Several audit rows of one actor in one statement (a bulk import writes thousands). */
export async function writeAudits(executor: Db | Tx, viewer: AuditActor, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await executor.insert(auditEvents).values(entries.map((entry) => ({
    actorId: viewer?.userId ?? null,
    actorRole: viewer?.role ?? null,
    action: entry.action,
    outcome: entry.outcome,
    entityType: entry.entityType,
    // Ids come from URLs too: keep whatever was asked for, but bounded.
    entityId: entry.entityId?.slice(0, 100),
    investigationId: entry.investigationId,
    ip: entry.ip ?? null,
    detail: entry.detail,
    apiTokenId: viewer?.apiTokenId ?? null,
  })));
}
