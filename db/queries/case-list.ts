import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { authorize, caseIdRef, caseVisibleTo } from '../scope';
import { investigationMembers, investigations, offenceLocations, provinces, suspects } from '../schema';
import type { Viewer } from '@/lib/policy';
import { blindQueryTags } from '@/lib/security/field-crypto';
import { SUSPECT_NAME_INDEX } from '../identity-fields';
import { CASE_SORTS, type CaseFilters, type CasePagePosition } from '@/lib/case-filters';
import { decodeCaseCursor, encodeCaseCursor } from '@/lib/case-cursor';
import { caseSortKeys, cursorFor, fitsSort, keysetAfter, orderBy, type SortRow } from './case-list-sort';

export const CASE_PAGE_SIZE = 25;
/**
 * The list counts its matches up to this many and then says "more than": counting is the
 * dearest part of a filtered page at a million cases (5,000 matches of year + province + arrest
 * took 200 ms, 1,000 take 30-70 ms), and keyset pages never need the total.
 */
export const CASE_COUNT_CAP = 1_000;

/** The distinct provinces of a case's offence locations, in one language, as one string. */
const provinceNames = (language: 'en' | 'km') => sql<string | null>`(
  select string_agg(distinct p.${sql.raw(language === 'en' ? 'name_en' : 'name_km')}, ', ')
  from ${offenceLocations} l join ${provinces} p on p.code = l.province_code
  where l.investigation_id = ${caseIdRef} and l.archived_at is null)`;

/** A LIKE pattern that matches the text literally, anywhere: % _ and \ lose their meaning. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The cases with a live suspect whose name or alias holds every word of the query, as one
 * branch of the search's union; null when the query has no word. Names are encrypted, so this
 * compares blind-index tags of whole words (db/identity-fields.ts), through their GIN index.
 */
function suspectNameCases(q: string): SQL | null {
  const words = blindQueryTags(q, SUSPECT_NAME_INDEX);
  if (words.length === 0) return null;
  const each = words.map((tags) => sql`s.name_tags && array[${sql.join(tags.map((t) => sql`${t}`), sql`, `)}]::text[]`);
  return sql`select s.investigation_id from ${suspects} s where s.archived_at is null and ${sql.join(each, sql` and `)}`;
}

const hasArrest = sql`exists (select 1 from ${suspects} s
  where s.investigation_id = ${caseIdRef} and s.archived_at is null and s.arrested_on is not null)`;

/** The WHERE conditions of the filters (scope and archive are added by the caller). */
function filterConditions(filters: Partial<CaseFilters>): SQL[] {
  const conditions: SQL[] = [];
  const { year, status, province, offence, lead, arrest, q } = filters;
  if (year !== undefined) {
    conditions.push(sql`${investigations.openedOn} >= ${`${year}-01-01`}::date and ${investigations.openedOn} < ${`${year + 1}-01-01`}::date`);
  }
  if (status) conditions.push(eq(investigations.status, status));
  if (offence) conditions.push(eq(investigations.offenceType, offence));
  if (province) {
    conditions.push(sql`exists (select 1 from ${offenceLocations} l
      where l.investigation_id = ${caseIdRef} and l.archived_at is null and l.province_code = ${province})`);
  }
  if (lead) {
    conditions.push(sql`exists (select 1 from ${investigationMembers} m
      where m.investigation_id = ${caseIdRef} and m.role = 'lead' and m.user_id = ${lead}::uuid)`);
  }
  if (arrest === 'yes') conditions.push(hasArrest);
  if (arrest === 'no') conditions.push(sql`not ${hasArrest}`);
  if (q) {
    const pattern = containsPattern(q);
    // Victims' names are never searched: a match would tell who was a victim. Suspects'
    // names and the places of the offence are read by everyone on the case.
    // One branch per table, each through its own index (trigram GIN for the ILIKEs, the
    // blind-index GIN for suspects' names), so a rare term finds its few cases without
    // testing every case in turn.
    const branches = [
      sql`select c.id from ${investigations} c where c.reference ilike ${pattern} escape '\\' or c.title ilike ${pattern} escape '\\'`,
      sql`select l.investigation_id from ${offenceLocations} l
        where l.archived_at is null and (l.district ilike ${pattern} escape '\\' or l.commune ilike ${pattern} escape '\\')`,
      suspectNameCases(q),
    ].filter((b): b is SQL => b !== null);
    conditions.push(sql`${caseIdRef} in (${sql.join(branches, sql` union `)})`);
  }
  return conditions;
}

/** The live cases this viewer may see, narrowed by the filters: the one WHERE of every list statement. */
export function caseListWhere(viewer: Viewer, filters: Partial<CaseFilters>): SQL {
  return and(caseVisibleTo(viewer), sql`${investigations.archivedAt} is null`, ...filterConditions(filters))!;
}

export type CaseListQuery = Partial<CaseFilters> & CasePagePosition;
export type CaseListRow = Awaited<ReturnType<typeof listCases>>['rows'][number];

/**
 * The cases in the viewer's scope that match the filters, in the chosen order, a page at a
 * time, with the number of matches. Keyset pagination on (sort key, id) stays fast
 * however deep the page; a cursor made for another sort reads as the first page.
 */
export async function listCases(viewer: Viewer, query: CaseListQuery = {}) {
  await authorize(viewer, 'cases:list', { action: 'case.list' });
  const sort = query.sort ?? CASE_SORTS[0];
  const keys = caseSortKeys(sort);
  const decode = (raw: string | undefined) => {
    const cursor = decodeCaseCursor(raw, sort);
    return cursor && fitsSort(keys, cursor) ? cursor : null;
  };
  const after = decode(query.after);
  const before = !after ? decode(query.before) : null;
  const cursor = after ?? before;
  const where = caseListWhere(viewer, query);
  const pageWhere = cursor ? and(where, keysetAfter(keys, cursor, before ? 'backward' : 'forward')) : where;
  const db = getDb();

  const [fetched, [count]] = await Promise.all([
    db
      .select({
        id: investigations.id,
        reference: investigations.reference,
        title: investigations.title,
        status: investigations.status,
        openedOn: investigations.openedOn,
        refYear: investigations.refYear,
        refSeq: investigations.refSeq,
        provincesEn: provinceNames('en'),
        provincesKm: provinceNames('km'),
      })
      .from(investigations)
      .where(pageWhere)
      .orderBy(...orderBy(keys, before ? 'backward' : 'forward'))
      .limit(CASE_PAGE_SIZE + 1),
    db.select({ total: sql<number>`count(*)::int` }).from(
      db.select({ one: sql`1`.as('one') }).from(investigations).where(where).limit(CASE_COUNT_CAP + 1).as('matches'),
    ),
  ]);

  const hasMore = fetched.length > CASE_PAGE_SIZE;
  const pageRows = fetched.slice(0, CASE_PAGE_SIZE);
  const rows = before ? pageRows.reverse() : pageRows;
  const first = rows[0];
  const last = rows.at(-1);
  const cursorOf = (row: SortRow) => encodeCaseCursor(cursorFor(keys, sort, row));
  return {
    rows: rows.map((r) => ({
      id: r.id, reference: r.reference, title: r.title, status: r.status, openedOn: r.openedOn,
      provincesEn: r.provincesEn, provincesKm: r.provincesKm,
    })),
    total: Math.min(count?.total ?? 0, CASE_COUNT_CAP),
    /** More cases match than `total` says (it stops counting at CASE_COUNT_CAP). */
    moreThanTotal: (count?.total ?? 0) > CASE_COUNT_CAP,
    sort,
    // Going forward there is a next page when we over-fetched; going back there always is.
    nextCursor: last && (before || hasMore) ? cursorOf(last) : null,
    prevCursor: first && (after || (before && hasMore)) ? cursorOf(first) : null,
  };
}
