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

/** The blind-index tags of each word of a search (suspects' names are encrypted; db/identity-fields.ts). */
function nameTagsMatch(q: string): SQL | null {
  const words = blindQueryTags(q, SUSPECT_NAME_INDEX);
  if (words.length === 0) return null;
  return sql.join(words.map((tags) => sql`s.name_tags && array[${sql.join(tags.map((t) => sql`${t}`), sql`, `)}]::text[]`), sql` and `);
}

const textMatch = (column: SQL, pattern: string) => sql`${column} ilike ${pattern} escape '\\'`;

/**
 * What a search matches, per table, written once for both plans below. Victims' names are
 * never searched: a match would tell who was a victim. Suspects' names and places are read by
 * everyone on the case. `c` is the investigations row's reference in the statement.
 */
function searchMatches(q: string) {
  const pattern = containsPattern(q);
  const names = nameTagsMatch(q);
  return {
    caseText: (c: SQL) => sql`(${textMatch(sql`${c}.reference`, pattern)} or ${textMatch(sql`${c}.title`, pattern)})`,
    place: sql`l.archived_at is null and (${textMatch(sql`l.district`, pattern)} or ${textMatch(sql`l.commune`, pattern)})`,
    suspect: names ? sql`s.archived_at is null and ${names}` : null,
  };
}

/** The search's sources, one per table, each through its own index (trigram GIN for the ILIKEs, the blind-index GIN for names). */
function searchBranches(q: string): SQL[] {
  const m = searchMatches(q);
  return [
    sql`select c.id from ${investigations} c where ${m.caseText(sql`c`)}`,
    sql`select l.investigation_id from ${offenceLocations} l where ${m.place}`,
    ...(m.suspect ? [sql`select s.investigation_id from ${suspects} s where ${m.suspect}`] : []),
  ];
}

/**
 * How a search is planned. 'union': the matching ids from each index, then those cases; cheap
 * for a rare term at any size. 'perCase': each case tested in the list's order until the page
 * is full; cheap for a common term (a word in 10 % of titles fills a page after 260 cases),
 * a full scan for a rare one. listCases picks by the number of matches.
 */
type SearchPlan = 'union' | 'perCase';

function searchCondition(q: string, plan: SearchPlan): SQL {
  if (plan === 'union') return sql`${caseIdRef} in (${sql.join(searchBranches(q), sql` union `)})`;
  const m = searchMatches(q);
  return sql`(${m.caseText(sql`${investigations}`)}
    or exists (select 1 from ${offenceLocations} l where l.investigation_id = ${caseIdRef} and ${m.place})
    ${m.suspect ? sql`or exists (select 1 from ${suspects} s where s.investigation_id = ${caseIdRef} and ${m.suspect})` : sql``})`;
}

/** Rows matching the term before scope, counted up to this many: above it the term is common. */
const COMMON_TERM_ROWS = 2_000;

/**
 * The plans for a search's page and count. The page: 'union' for a rare term (by an exact
 * count of its matching rows up to COMMON_TERM_ROWS), else 'perCase'. The count goes on to
 * CASE_COUNT_CAP + 1 cases: through the union it costs about the number of matches n, case by
 * case about CAP × cases / n, so 'perCase' only when n² > CAP × cases, by the planner's own
 * estimates (a wrong estimate costs time, never a wrong answer: both plans are exact).
 * At a million cases, "Tuol Kouk" (16,000 places) counts through the union in 48 ms and case by
 * case in 112; "trafficking" (100,000 titles) in 205 and 43.
 */
export async function searchPlansFor(q: string): Promise<{ page: SearchPlan; count: SearchPlan }> {
  const db = getDb();
  const matches = sql`select 1 from (${sql.join(searchBranches(q), sql` union all `)}) matches`;
  const [probe] = await db.select({ n: sql<number>`count(*)::int` }).from(sql`(${matches} limit ${COMMON_TERM_ROWS + 1}) capped`);
  if ((probe?.n ?? 0) <= COMMON_TERM_ROWS) return { page: 'union', count: 'union' };
  const [explained, [cases]] = await Promise.all([
    db.execute(sql`explain (format json) ${matches}`),
    db.select({ n: sql<number>`greatest(reltuples, 0)::float8` }).from(sql`pg_class`).where(sql`oid = 'investigations'::regclass`),
  ]);
  const estimated = estimatedRows(explained.rows[0]);
  return { page: 'perCase', count: estimated ** 2 > (CASE_COUNT_CAP + 1) * (cases?.n ?? 0) ? 'perCase' : 'union' };
}

/** The planner's row estimate from one row of EXPLAIN (FORMAT JSON), however the driver typed it. */
function estimatedRows(row: Record<string, unknown> | undefined): number {
  const raw = row?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  return plan?.[0]?.Plan?.['Plan Rows'] ?? 0;
}

const hasArrest = sql`exists (select 1 from ${suspects} s
  where s.investigation_id = ${caseIdRef} and s.archived_at is null and s.arrested_on is not null)`;

/** The WHERE conditions of the filters (scope and archive are added by the caller). */
function filterConditions(filters: Partial<CaseFilters>, plan: SearchPlan): SQL[] {
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
  if (q) conditions.push(searchCondition(q, plan));
  return conditions;
}

/** The live cases this viewer may see, narrowed by the filters: the one WHERE of every list statement. */
export function caseListWhere(viewer: Viewer, filters: Partial<CaseFilters>, plan: SearchPlan = 'union'): SQL {
  return and(caseVisibleTo(viewer), sql`${investigations.archivedAt} is null`, ...filterConditions(filters, plan))!;
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
  // The page and the count may want different plans for a common term: the page stops at 26
  // cases, the count goes on to 1,001.
  const plans = query.q ? await searchPlansFor(query.q) : { page: 'union' as const, count: 'union' as const };
  const where = caseListWhere(viewer, query, plans.count);
  const listed = caseListWhere(viewer, query, plans.page);
  const pageWhere = cursor ? and(listed, keysetAfter(keys, cursor, before ? 'backward' : 'forward')) : listed;
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
