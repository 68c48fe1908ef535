import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../client';
import { offenceLocations, prosecutions, suspects, victims, victimServices } from '../schema';
import type { Viewer } from '@/lib/policy';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { openIdentity, sealIdentity, type IdentityTable } from '../identity-fields';
import { changedFields, parentCaseEditableBy, touchCase, type ConflictDetail } from './case-write';

/** The records that hang off a case: each has an id, its case, a version and archive columns. */
export type ChildTable = typeof offenceLocations | typeof suspects | typeof victims | typeof victimServices | typeof prosecutions;

// A union of tables defeats drizzle's per-table typing of select/update; these helpers only
// touch the columns they all share, so the casts below are safe.
type AnyTable = typeof suspects;
const asAny = (table: ChildTable) => table as unknown as AnyTable;

/** The table's name when it holds encrypted identity fields. */
function identityTable(table: ChildTable): IdentityTable | null {
  return table === victims ? 'victims' : table === suspects ? 'suspects' : null;
}

function childWhere(viewer: Viewer, table: AnyTable, caseId: string, id: string): SQL {
  return and(eq(table.id, id), eq(table.investigationId, caseId), isNull(table.archivedAt), parentCaseEditableBy(viewer, caseId))!;
}

/**
 * Locks a live record of an editable case and refuses a stale version with the record as
 * it is now (the columns of its edit form).
 */
export async function lockChildAt(
  tx: Tx, viewer: Viewer, table: ChildTable, caseId: string, id: string, version: number, columns: Record<string, PgColumn>,
): Promise<Record<string, unknown>> {
  const t = asAny(table);
  const [row] = (await tx
    .select({ ...columns, version: t.version })
    .from(t)
    .where(childWhere(viewer, t, caseId, id))
    .for('update')) as (Record<string, unknown> & { version: number })[];
  if (!row) throw new NotFoundError(table === victims ? 'victim' : 'record');
  const { version: current, ...stored } = row;
  const identity = identityTable(table);
  const values = identity ? openIdentity(identity, id, stored) : stored;
  if (current !== version) throw new ConflictError('stale_version', { version: current, current: values } satisfies ConflictDetail);
  return values;
}

/** Changes a record at the version the form started from, and bumps its case. */
export async function updateChild(
  tx: Tx, viewer: Viewer, table: ChildTable, target: { caseId: string; id: string; version: number },
  fields: Record<string, unknown>, columns: Record<string, PgColumn>,
) {
  const t = asAny(table);
  const before = await lockChildAt(tx, viewer, table, target.caseId, target.id, target.version, columns);
  const identity = identityTable(table);
  const [row] = await tx
    .update(t)
    .set({ ...(identity ? sealIdentity(identity, target.id, fields) : fields), version: sql`${t.version} + 1`, updatedAt: sql`now()` })
    .where(and(childWhere(viewer, t, target.caseId, target.id), eq(t.version, target.version)))
    .returning({ version: t.version });
  if (!row) throw new NotFoundError('record');
  const caseVersion = await touchCase(tx, viewer, target.caseId);
  return { version: row.version, caseVersion, before, changed: changedFields(before, fields) };
}

/** Adds a record to an editable case (the case is bumped, and so locked, first). */
export async function insertChild(
  tx: Tx, viewer: Viewer, table: ChildTable, caseId: string,
  values: Record<string, unknown> | (() => Promise<Record<string, unknown>>),
) {
  const caseVersion = await touchCase(tx, viewer, caseId);
  const resolved = typeof values === 'function' ? await values() : values;
  const t = asAny(table);
  // The id is chosen here so that encrypted fields can be bound to their row.
  const id = randomUUID();
  const identity = identityTable(table);
  const [row] = await tx
    .insert(t)
    .values({ ...(identity ? sealIdentity(identity, id, resolved) : resolved), id, investigationId: caseId, createdBy: viewer.userId } as AnyTable['$inferInsert'])
    .returning({ id: t.id, version: t.version });
  return { id: row!.id, version: row!.version, caseVersion };
}

/** Removes a record from a case: archived, never deleted. */
export async function archiveChild(
  tx: Tx, viewer: Viewer, table: ChildTable, target: { caseId: string; id: string; version: number }, columns: Record<string, PgColumn>,
) {
  const t = asAny(table);
  const before = await lockChildAt(tx, viewer, table, target.caseId, target.id, target.version, columns);
  await tx
    .update(t)
    .set({ archivedAt: sql`now()`, archivedBy: viewer.userId, version: sql`${t.version} + 1`, updatedAt: sql`now()` })
    .where(and(childWhere(viewer, t, target.caseId, target.id), eq(t.version, target.version)));
  const caseVersion = await touchCase(tx, viewer, target.caseId);
  return { caseVersion, before };
}
