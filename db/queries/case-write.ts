import 'server-only';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { authorize, caseVisibleTo } from '../scope';
import { investigations } from '../schema';
import type { Permission, Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, NotFoundError } from '@/lib/errors';

/**
 * Shared shape of every write on a case page.
 *
 * Versions (decision): each record carries its own version, and every change to a case's
 * location, suspect, victim or service also bumps the case's version and updated_at in the
 * same transaction. An edit of a child record is checked against that record's version
 * (two people editing different suspects don't collide); an edit of the case itself
 * (basics, status, archive) is checked against the case's version, so it is refused if
 * anything in the case changed since the form was loaded.
 */
export type CaseWrite = {
  caseId: string;
  /** The timeline kind; the audit action is `case.<kind>`. */
  kind: string;
  entityType?: string;
  entityId?: string;
  ip: string | null;
};

/** What a refused save sends back to the form: the record as it is now. */
export type ConflictDetail = { version: number; current: Record<string, unknown> };

/**
 * Runs a case write: the role check (audited when refused), then the work in one
 * transaction. A refusal for scope (404) or a stale version (409) is audited after the
 * rolled-back transaction, on its own connection: the embedded database has only one.
 */
export async function caseWrite<T>(viewer: Viewer, permission: Permission, write: CaseWrite, work: (tx: Tx) => Promise<T>): Promise<T> {
  const audit = { action: `case.${write.kind}`, entityType: write.entityType ?? 'investigation', entityId: write.entityId ?? write.caseId, ip: write.ip };
  await authorize(viewer, permission, audit);
  try {
    return await getDb().transaction(work);
  } catch (err) {
    if (err instanceof NotFoundError) {
      await writeAudit(getDb(), viewer, { ...audit, outcome: 'denied', detail: { reason: 'not_found_or_out_of_scope' } });
    } else if (err instanceof ConflictError) {
      await writeAudit(getDb(), viewer, { ...audit, outcome: 'failed', investigationId: write.caseId, detail: { reason: err.message } });
    }
    throw err;
  }
}

/** "The viewer may edit this case": in scope and not archived, for the WHERE of the very statement. */
export function caseEditableBy(viewer: Viewer): SQL {
  return and(caseVisibleTo(viewer), isNull(investigations.archivedAt))!;
}

/** The same condition for a statement on a child table, about the case `caseId`. */
export function parentCaseEditableBy(viewer: Viewer, caseId: string): SQL {
  return sql`exists (select 1 from ${investigations} where ${investigations}.${sql.identifier('id')} = ${caseId}
    and ${investigations}.${sql.identifier('archived_at')} is null and ${caseVisibleTo(viewer)})`;
}

/**
 * Bumps the case's version after a change to one of its records. The scope is in the
 * statement itself; no row means the case is out of scope or archived.
 */
export async function touchCase(tx: Tx, viewer: Viewer, caseId: string): Promise<number> {
  const [row] = await tx
    .update(investigations)
    .set({ version: sql`${investigations.version} + 1`, updatedAt: sql`now()`, updatedBy: viewer.userId })
    .where(and(eq(investigations.id, caseId), caseEditableBy(viewer)))
    .returning({ version: investigations.version });
  if (!row) throw new NotFoundError('investigation');
  return row.version;
}

/** Field names whose values differ, for the timeline ("title, priority changed"). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((k) => !sameValue(before[k], after[k]));
}

function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v instanceof Date ? v.toISOString() : v);
  return norm(a) === norm(b);
}

/**
 * Offence locations and arrests can't predate the case's offence period. Called after the
 * write, inside its transaction: the write has already proved the case is in scope, and
 * throwing rolls it back.
 */
export async function assertNotBeforeOffencePeriod(tx: Tx, caseId: string, dates: Record<string, string | null | undefined>): Promise<void> {
  const [row] = await tx.select({ offenceFrom: investigations.offenceFrom }).from(investigations).where(eq(investigations.id, caseId));
  const from = row?.offenceFrom;
  if (!from) return;
  const errors: Record<string, string> = {};
  for (const [field, date] of Object.entries(dates)) {
    if (date && date < from) errors[field] = 'caseEdit.errors.beforeOffencePeriod';
  }
  if (Object.keys(errors).length > 0) throw new FieldValidationError(errors);
}
