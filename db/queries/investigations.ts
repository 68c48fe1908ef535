import 'server-only';
import { and, desc, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { authorize, caseIdRef, caseVisibleTo } from '../scope';
import { investigations, offenceLocations, provinces } from '../schema';
import type { Viewer } from '@/lib/policy';
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

// The case page's read lives in case-read.ts; re-exported so existing imports keep working.
export { getCase } from './case-read';
