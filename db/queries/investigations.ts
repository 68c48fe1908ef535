import 'server-only';
import { z } from 'zod';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { archivedVisibleTo, authorize, caseIdRef, caseVisibleTo } from '../scope';
import { investigations, offenceLocations, offenceTypes, provinces, suspects, victims } from '../schema';
import type { Viewer } from '@/lib/policy';
import { NotFoundError } from '@/lib/errors';
import { decodeCursor, encodeCursor, type PageCursor } from '@/lib/pagination';

export const CASE_PAGE_SIZE = 25;

/** The distinct provinces of a case's offence locations, in one language, as one string. */
const provinceNames = (language: 'en' | 'km') => sql<string | null>`(
  select string_agg(distinct p.${sql.raw(language === 'en' ? 'name_en' : 'name_km')}, ', ')
  from ${offenceLocations} l join ${provinces} p on p.code = l.province_code
  where l.investigation_id = ${caseIdRef} and l.archived_at is null)`;

export type CaseListRow = Awaited<ReturnType<typeof listCases>>['rows'][number];

/**
 * The cases in the viewer's scope, newest first, a page at a time. Keyset pagination on
 * (opened_on, id) stays fast however deep the page.
 */
export async function listCases(viewer: Viewer, page: { after?: string; before?: string } = {}) {
  await authorize(viewer, 'cases:list', { action: 'case.list' });
  const db = getDb();
  const scope = and(caseVisibleTo(viewer), sql`${investigations.archivedAt} is null`)!;
  const after = page.after ? decodeCursor(page.after) : null;
  const before = !after && page.before ? decodeCursor(page.before) : null;

  let where: SQL = scope;
  if (after) where = and(scope, sql`(${investigations.openedOn}, ${investigations.id}) < (${after.date}::date, ${after.id}::uuid)`)!;
  if (before) where = and(scope, sql`(${investigations.openedOn}, ${investigations.id}) > (${before.date}::date, ${before.id}::uuid)`)!;
  const order = before
    ? [sql`${investigations.openedOn} asc`, sql`${investigations.id} asc`]
    : [desc(investigations.openedOn), desc(investigations.id)];

  const [fetched, [count]] = await Promise.all([
    db
      .select({
        id: investigations.id,
        reference: investigations.reference,
        title: investigations.title,
        status: investigations.status,
        openedOn: investigations.openedOn,
        provincesEn: provinceNames('en'),
        provincesKm: provinceNames('km'),
      })
      .from(investigations)
      .where(where)
      .orderBy(...order)
      .limit(CASE_PAGE_SIZE + 1),
    db.select({ total: sql<number>`count(*)::int` }).from(investigations).where(scope),
  ]);

  const hasMore = fetched.length > CASE_PAGE_SIZE;
  const pageRows = fetched.slice(0, CASE_PAGE_SIZE);
  const rows = before ? pageRows.reverse() : pageRows;
  const first = rows[0];
  const last = rows.at(-1);
  const cursorOf = (r: { openedOn: string; id: string }): PageCursor => ({ date: r.openedOn, id: r.id });
  return {
    rows,
    total: count?.total ?? 0,
    // Going forward there is a next page when we over-fetched; going back there always is.
    nextCursor: last && (before || hasMore) ? encodeCursor(cursorOf(last)) : null,
    prevCursor: first && (after || (before && hasMore)) ? encodeCursor(cursorOf(first)) : null,
  };
}

/**
 * One case, if the viewer may see it. Out of scope and nonexistent look the same (404).
 * The view is audited in the same transaction as the read.
 */
export async function getCase(viewer: Viewer, id: string, ip: string | null) {
  await authorize(viewer, 'cases:read', { action: 'case.view', entityType: 'investigation', entityId: id, ip });
  const found = !z.uuid().safeParse(id).success ? null : await getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: investigations.id,
        reference: investigations.reference,
        title: investigations.title,
        status: investigations.status,
        closeReason: investigations.closeReason,
        priority: investigations.priority,
        openedOn: investigations.openedOn,
        reportedOn: investigations.reportedOn,
        archivedAt: investigations.archivedAt,
        offenceEn: offenceTypes.labelEn,
        offenceKm: offenceTypes.labelKm,
        suspectCount: sql<number>`(select count(*)::int from ${suspects} s where s.investigation_id = ${caseIdRef} and s.archived_at is null)`,
        arrestedCount: sql<number>`(select count(*)::int from ${suspects} s where s.investigation_id = ${caseIdRef} and s.archived_at is null and s.arrested_on is not null)`,
        victimCount: sql<number>`(select count(*)::int from ${victims} v where v.investigation_id = ${caseIdRef} and v.archived_at is null)`,
      })
      .from(investigations)
      .innerJoin(offenceTypes, eq(offenceTypes.code, investigations.offenceType))
      .where(and(eq(investigations.id, id), caseVisibleTo(viewer), archivedVisibleTo(viewer)));

    if (!row) return null;

    const locations = await tx
      .select({
        id: offenceLocations.id,
        provinceEn: provinces.nameEn,
        provinceKm: provinces.nameKm,
        district: offenceLocations.district,
        commune: offenceLocations.commune,
        occurredOn: offenceLocations.occurredOn,
      })
      .from(offenceLocations)
      .innerJoin(provinces, eq(provinces.code, offenceLocations.provinceCode))
      .where(and(eq(offenceLocations.investigationId, id), sql`${offenceLocations.archivedAt} is null`))
      .orderBy(offenceLocations.occurredOn);

    await writeAudit(tx, viewer, { action: 'case.view', outcome: 'allowed', entityType: 'investigation', entityId: id, investigationId: id, ip });
    return { ...row, locations };
  });
  if (!found) {
    // After the read's transaction: the embedded database has one connection, and a denial
    // must be recorded whatever happens to the read.
    await writeAudit(getDb(), viewer, { action: 'case.view', outcome: 'denied', entityType: 'investigation', entityId: id, ip, detail: { reason: 'not_found_or_out_of_scope' } });
    throw new NotFoundError('investigation');
  }
  return found;
}
