import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { expenditures } from '../schema';
import type { Viewer } from '@/lib/policy';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { ExpenditureEdit, ExpenditureRemove } from '@/lib/validation/expenditure';

const COLUMNS = {
  id: expenditures.id,
  version: expenditures.version,
  year: expenditures.year,
  category: expenditures.category,
  amountUsd: expenditures.amountUsd,
  note: expenditures.note,
};

/** A year's spending lines (managers): what "spent" and "cost per investigation" sum. */
export async function listExpenditures(viewer: Viewer, year: number) {
  await authorize(viewer, 'expenditure:manage', { action: 'expenditure.list', detail: { year } });
  return getDb().select(COLUMNS).from(expenditures)
    .where(and(eq(expenditures.year, year), isNull(expenditures.archivedAt)))
    .orderBy(asc(expenditures.category), asc(expenditures.createdAt));
}

/** Adds a line (no id) or changes one at the version the form was loaded with. Audited. */
export async function saveExpenditure(viewer: Viewer, input: ExpenditureEdit, ip: string | null) {
  const { id, version, ...fields } = input;
  const action = id ? 'expenditure.update' : 'expenditure.create';
  await authorize(viewer, 'expenditure:manage', { action, entityType: 'expenditure', entityId: id ?? undefined, ip });
  return getDb().transaction(async (tx) => {
    if (!id || !version) {
      const [row] = await tx.insert(expenditures).values({ ...fields, createdBy: viewer.userId }).returning({ id: expenditures.id, version: expenditures.version });
      await writeAudit(tx, viewer, { action, outcome: 'allowed', entityType: 'expenditure', entityId: row!.id, ip, detail: { year: fields.year, category: fields.category } });
      return row!;
    }
    const [row] = await tx.update(expenditures)
      .set({ ...fields, version: sql`${expenditures.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(expenditures.id, id), eq(expenditures.version, version), isNull(expenditures.archivedAt)))
      .returning({ id: expenditures.id, version: expenditures.version });
    if (!row) throw await refusal(tx, id);
    await writeAudit(tx, viewer, { action, outcome: 'allowed', entityType: 'expenditure', entityId: id, ip, detail: { year: fields.year, category: fields.category } });
    return row;
  });
}

/** Removes a line: archived, never deleted, so last year's published figures can be traced. */
export async function removeExpenditure(viewer: Viewer, input: ExpenditureRemove, ip: string | null) {
  await authorize(viewer, 'expenditure:manage', { action: 'expenditure.remove', entityType: 'expenditure', entityId: input.id, ip });
  return getDb().transaction(async (tx) => {
    const [row] = await tx.update(expenditures)
      .set({ archivedAt: sql`now()`, archivedBy: viewer.userId, version: sql`${expenditures.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(expenditures.id, input.id), eq(expenditures.version, input.version), isNull(expenditures.archivedAt)))
      .returning({ id: expenditures.id });
    if (!row) throw await refusal(tx, input.id);
    await writeAudit(tx, viewer, { action: 'expenditure.remove', outcome: 'allowed', entityType: 'expenditure', entityId: input.id, ip });
    return row;
  });
}

/** Why an update matched no row: gone (404) or changed by someone else since (409, with the line as it is). */
async function refusal(tx: Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0], id: string) {
  const [current] = await tx.select(COLUMNS).from(expenditures).where(and(eq(expenditures.id, id), isNull(expenditures.archivedAt)));
  if (!current) return new NotFoundError('expenditure');
  const { version, ...values } = current;
  return new ConflictError('stale_version', { version, current: values });
}
