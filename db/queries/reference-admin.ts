import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { pgError, UNIQUE_VIOLATION } from '../pg-error';
import { charges, offenceTypes, placeTypes, relationships, serviceTypes } from '../schema';
import type { Viewer } from '@/lib/policy';
import type { RelationshipGroup } from '@/lib/vocabulary';
import { FieldValidationError, NotFoundError } from '@/lib/errors';
import { codeFromLabel, type ReferenceActive, type ReferenceEdit, type ReferenceList, type ReferenceMove } from '@/lib/validation/admin-lists';

const TABLES = { offenceTypes, relationships, placeTypes, serviceTypes, charges } as const;
// The lists share their columns; one typed table stands for all (relationships adds "group").
const tableOf = (list: ReferenceList) => TABLES[list] as unknown as typeof offenceTypes;

export type ReferenceRow = { code: string; labelEn: string; labelKm: string; active: boolean; sortOrder: number; group: RelationshipGroup | null };

const audit = (list: ReferenceList, code: string) => ({ entityType: 'reference_value', entityId: `${list}:${code}`, detail: { list, code } });

/** Every value of one list, active or not, in the order the forms show them (administrators). */
export async function listReferenceValues(viewer: Viewer | null, list: ReferenceList): Promise<ReferenceRow[]> {
  await authorize(viewer, 'reference:manage', { action: 'reference.admin_list', detail: { list } });
  const table = tableOf(list);
  const rows = await getDb()
    .select({
      code: table.code, labelEn: table.labelEn, labelKm: table.labelKm, active: table.active, sortOrder: table.sortOrder,
      group: list === 'relationships' ? relationships.group : sql<null>`null`,
    })
    .from(table)
    .orderBy(asc(table.sortOrder), asc(table.code));
  return rows as ReferenceRow[];
}

/**
 * Adds a value (its code typed, or made from the English label; codes are unique and never
 * change) or relabels one. Values are never deleted: see setReferenceActive.
 */
export async function saveReferenceValue(viewer: Viewer | null, input: ReferenceEdit, ip: string | null): Promise<{ code: string }> {
  const code = input.code ?? codeFromLabel(input.labelEn);
  const action = input.isNew ? 'reference.create' : 'reference.update';
  const actor = await authorize(viewer, 'reference:manage', { action, ip, ...audit(input.list, code) });
  const table = tableOf(input.list);
  const labels = { labelEn: input.labelEn, labelKm: input.labelKm, ...(input.list === 'relationships' && input.group ? { group: input.group } : {}) };
  try {
    return await getDb().transaction(async (tx) => {
      if (input.isNew) {
        await tx.insert(table).values({
          code,
          ...labels,
          sortOrder: sql`(select coalesce(max(${table.sortOrder}), 0) + 10 from ${table})`,
        } as never);
      } else {
        const [row] = await tx.update(table).set(labels).where(eq(table.code, code)).returning({ code: table.code });
        if (!row) throw new NotFoundError('reference_value');
      }
      await writeAudit(tx, actor, { action, outcome: 'allowed', ip, ...audit(input.list, code) });
      return { code };
    });
  } catch (err) {
    if (pgError(err).code === UNIQUE_VIOLATION) throw new FieldValidationError({ code: 'caseEdit.errors.codeTaken' });
    throw err;
  }
}

/** Takes a value out of the forms' choices, or puts it back. Records that hold it keep showing it. */
export async function setReferenceActive(viewer: Viewer | null, input: ReferenceActive, ip: string | null) {
  const action = input.active ? 'reference.reactivate' : 'reference.deactivate';
  const actor = await authorize(viewer, 'reference:manage', { action, ip, ...audit(input.list, input.code) });
  const table = tableOf(input.list);
  await getDb().transaction(async (tx) => {
    const [row] = await tx.update(table).set({ active: input.active }).where(eq(table.code, input.code)).returning({ code: table.code });
    if (!row) throw new NotFoundError('reference_value');
    await writeAudit(tx, actor, { action, outcome: 'allowed', ip, ...audit(input.list, input.code) });
  });
}

/** Swaps a value with its neighbour above or below; the lists are short, so all of it is locked. */
export async function moveReferenceValue(viewer: Viewer | null, input: ReferenceMove, ip: string | null) {
  const actor = await authorize(viewer, 'reference:manage', { action: 'reference.move', ip, ...audit(input.list, input.code) });
  const table = tableOf(input.list);
  await getDb().transaction(async (tx) => {
    const rows = await tx.select({ code: table.code, sortOrder: table.sortOrder }).from(table)
      .orderBy(asc(table.sortOrder), asc(table.code)).for('update');
    const at = rows.findIndex((r) => r.code === input.code);
    if (at < 0) throw new NotFoundError('reference_value');
    const other = input.direction === 'up' ? at - 1 : at + 1;
    if (other < 0 || other >= rows.length) return;
    // Renumber the whole list so ties (equal sort orders) can't make the swap a no-op.
    const order = rows.map((r) => r.code);
    [order[at], order[other]] = [order[other]!, order[at]!];
    for (const [i, code] of order.entries()) {
      const sortOrder = (i + 1) * 10;
      if (rows.find((r) => r.code === code)!.sortOrder !== sortOrder) await tx.update(table).set({ sortOrder }).where(eq(table.code, code));
    }
    await writeAudit(tx, actor, { action: 'reference.move', outcome: 'allowed', ip, ...audit(input.list, input.code), detail: { list: input.list, code: input.code, direction: input.direction } });
  });
}
