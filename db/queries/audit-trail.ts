import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { authorize, caseVisibleTo } from '../scope';
import { auditEvents, investigations, users } from '../schema';
import type { Viewer } from '@/lib/policy';
import { NotFoundError } from '@/lib/errors';
import { CASE_REFERENCE_PATTERN, isUuid, type AuditCursor, type AuditFilters } from '@/lib/audit-filters';

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; the page says so when a filter matches more. */
export const AUDIT_EXPORT_LIMIT = 100_000;

export type AuditRow = {
  id: number;
  at: Date;
  /** The time as PostgreSQL keeps it (microseconds), for the keyset cursor. */
  cursorAt: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: 'allowed' | 'denied' | 'failed';
  entityType: string | null;
  entityId: string | null;
  caseReference: string | null;
  detail: Record<string, unknown> | null;
};

/** What "record" matches: the case with that reference or id (its own rows and its children's), or any entity id. */
async function recordCondition(record: string): Promise<SQL> {
  if (CASE_REFERENCE_PATTERN.test(record)) {
    const [found] = await getDb().select({ id: investigations.id }).from(investigations).where(eq(investigations.reference, record.toUpperCase()));
    return found ? byCase(found.id) : eq(auditEvents.entityId, record);
  }
  return isUuid(record) ? byCase(record.toLowerCase()) : eq(auditEvents.entityId, record);
}

/** A case's rows: those tagged with it, and refusals that only name it (out of scope, so not tagged). */
const byCase = (id: string) => sql`(${auditEvents.investigationId} = ${id}::uuid or ${auditEvents.entityId} = ${id})`;

// Cambodia keeps UTC+7 all year: a day in the filter is a day in Phnom Penh.
const dayStart = (d: string) => sql`${`${d}T00:00:00+07:00`}::timestamptz`;

async function conditions(filters: AuditFilters, after: AuditCursor | null): Promise<SQL[]> {
  const where: SQL[] = [];
  if (filters.actor) where.push(eq(auditEvents.actorId, filters.actor));
  if (filters.action) where.push(sql`(${auditEvents.action} = ${filters.action} or ${auditEvents.action} like ${`${filters.action.replace(/[_%]/g, '\\$&')}.%`})`);
  if (filters.record) where.push(await recordCondition(filters.record));
  if (filters.outcome) where.push(eq(auditEvents.outcome, filters.outcome));
  if (filters.from) where.push(sql`${auditEvents.at} >= ${dayStart(filters.from)}`);
  if (filters.to) where.push(sql`${auditEvents.at} < ${dayStart(filters.to)} + interval '1 day'`);
  if (after) where.push(sql`(${auditEvents.at}, ${auditEvents.id}) < (${after.at}::timestamptz, ${after.id})`);
  return where;
}

async function selectRows(filters: AuditFilters, after: AuditCursor | null, limit: number): Promise<AuditRow[]> {
  return getDb()
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      cursorAt: sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      actorId: auditEvents.actorId,
      actorName: users.name,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      caseReference: investigations.reference,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(investigations, eq(investigations.id, auditEvents.investigationId))
    .where(and(...(await conditions(filters, after))))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}

export type AuditPage = { rows: AuditRow[]; next: AuditCursor | null };

/** One page of the audit trail, newest first (managers and administrators). */
export async function listAuditEvents(viewer: Viewer | null, filters: AuditFilters, after: AuditCursor | null = null, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  await authorize(viewer, 'audit:read', { action: 'audit.list' });
  const rows = await selectRows(filters, after, pageSize + 1);
  const more = rows.length > pageSize;
  const shown = more ? rows.slice(0, pageSize) : rows;
  const last = shown.at(-1);
  return { rows: shown, next: more && last ? { at: last.cursorAt, id: last.id } : null };
}

/**
 * Every row the filters match (up to the export limit), newest first, for the CSV. The
 * export itself is audited after the read, so it is not in the file it writes.
 */
export async function exportAuditEvents(viewer: Viewer | null, filters: AuditFilters, ip: string | null): Promise<{ rows: AuditRow[]; truncated: boolean }> {
  const actor = await authorize(viewer, 'audit:read', { action: 'audit.export', ip });
  const rows = await selectRows(filters, null, AUDIT_EXPORT_LIMIT + 1);
  const truncated = rows.length > AUDIT_EXPORT_LIMIT;
  await writeAudit(getDb(), actor, { action: 'audit.export', outcome: 'allowed', entityType: 'audit_trail', ip, detail: { ...filters, rows: Math.min(rows.length, AUDIT_EXPORT_LIMIT) } });
  return { rows: truncated ? rows.slice(0, AUDIT_EXPORT_LIMIT) : rows, truncated };
}

/** The people who appear in the trail, for the "person" filter. */
export async function auditPeople(viewer: Viewer | null) {
  await authorize(viewer, 'audit:read', { action: 'audit.people' });
  return getDb().select({ id: users.id, name: users.name, role: users.role }).from(users).orderBy(asc(users.name));
}

/**
 * "Who accessed this record": the case's audit rows (managers: audit:read and the case in
 * scope). Looking at the log is itself recorded first, so it shows at the top.
 */
export async function caseAccessLog(viewer: Viewer | null, caseId: string, after: AuditCursor | null, ip: string | null) {
  const actor = await authorize(viewer, 'audit:read', { action: 'case.access_log', entityType: 'investigation', entityId: caseId, ip });
  const found = isUuid(caseId)
    ? (await getDb().select({ id: investigations.id, reference: investigations.reference }).from(investigations)
      .where(and(eq(investigations.id, caseId), caseVisibleTo(actor))))[0]
    : undefined;
  if (!found) {
    await writeAudit(getDb(), actor, { action: 'case.access_log', outcome: 'denied', entityType: 'investigation', entityId: caseId, ip, detail: { reason: 'not_found_or_out_of_scope' } });
    throw new NotFoundError('investigation');
  }
  if (!after) await writeAudit(getDb(), actor, { action: 'case.access_log', outcome: 'allowed', entityType: 'investigation', entityId: found.id, investigationId: found.id, ip });
  return { reference: found.reference, caseId: found.id, ...(await listAuditEvents(actor, { record: found.id }, after)) };
}
