import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import { authorize } from '../scope';
import { cachedFigures, dataVersionOf, figuresCacheKey, storeFigures } from './figures-cache';
import type { Viewer } from '@/lib/policy';
import {
  change, ratio, RESOLVED_CLOSE_REASONS, RESOLVED_STAGES, SENTENCE_BUCKETS, type Headline, type SentenceBucket,
} from '@/lib/metrics';
import { AGE_BANDS, type RelationshipGroup, type Sex } from '@/lib/vocabulary';

/**
 * The one source of every yearly figure (DESIGN.md "Metrics"): the dashboard, the annual
 * report and its exports all read this module. Everything is counted in SQL, in one
 * snapshot (a repeatable-read transaction), never by loading rows into JavaScript.
 *
 * Which records belong to year Y:
 * - "Y's cases": opened in Y, not archived, matching the filters. Offence types, locations,
 *   relationships, victims and services are about Y's cases.
 * - Arrests count by arrest date (the CPU's own definition): suspects arrested in Y, in
 *   live cases matching the filters, whenever the case was opened.
 * - Court figures count by court date: prosecutions filed in Y; decisions and convictions
 *   by verdict date in Y.
 * - Spending is per year for the whole unit: it is not split by province or offence type,
 *   so with a filter "spent" is the unit's and cost per investigation is not given.
 */
export type MetricFilters = { year: number; province?: string | null; offenceType?: string | null };

export type Headlines = Record<Headline, number | null>;

export type YearFigures = {
  filters: MetricFilters;
  headlines: Headlines;
  previous: Headlines;
  changes: Record<Headline, ReturnType<typeof change>>;
  byMonth: { month: number; investigations: number }[];
  offenceTypes: { code: string; labelEn: string; labelKm: string; investigations: number }[];
  relationships: { code: string; labelEn: string; labelKm: string; group: RelationshipGroup; suspects: number }[];
  relationshipGroups: { group: RelationshipGroup; suspects: number }[];
  provinces: { code: string; nameEn: string; nameKm: string; locations: number }[];
  victims: { sex: Sex; band: string; victims: number }[];
  services: { code: string; labelEn: string; labelKm: string; services: number }[];
  prosecutions: {
    funnel: { charged: number; decided: number; convicted: number };
    byStatus: { status: string; prosecutions: number }[];
    sentences: { bucket: SentenceBucket; convictions: number }[];
  };
  years: { year: number; investigations: number; suspectsArrested: number; arrestRate: number | null }[];
};

/** The figures of a year for the dashboard: managers and investigators (aggregates, no case contents). */
export async function getYearFigures(viewer: Viewer, filters: MetricFilters): Promise<YearFigures> {
  await authorize(viewer, 'dashboard:read', { action: 'dashboard.view', detail: { ...filters } });
  return computeYearFigures(getDb(), filters);
}

/**
 * The figures without a viewer, in their own snapshot: for code that has already authorized, and tests.
 * Served from the figures cache when nothing a figure reads has changed since they were
 * computed (figures-cache.ts); otherwise computed from the rows and cached.
 */
export async function computeYearFigures(db: Db, filters: MetricFilters): Promise<YearFigures> {
  const key = figuresCacheKey(filters);
  const { figures, version, cached } = await db.transaction(async (tx) => {
    const version = await dataVersionOf(tx);
    const hit = await cachedFigures<YearFigures>(tx, key, version);
    return hit ? { figures: hit, version, cached: true } : { figures: await readYearFigures(tx, filters), version, cached: false };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  if (!cached) await storeFigures(db, key, version, figures);
  return { ...figures, filters };
}

/** The figures inside a transaction the caller holds (publishing a report freezes what this reads). */
export async function readYearFigures(tx: Tx, filters: MetricFilters): Promise<YearFigures> {
  const [headlines, previous] = [await readHeadlines(tx, filters), await readHeadlines(tx, { ...filters, year: filters.year - 1 })];
  const changes = Object.fromEntries(
    (Object.keys(headlines) as Headline[]).map((k) => [k, change(headlines[k], previous[k])]),
  ) as YearFigures['changes'];
  const relationships = await readRelationships(tx, filters);
  return {
    filters,
    headlines,
    previous,
    changes,
    byMonth: await readByMonth(tx, filters),
    offenceTypes: await readOffenceTypes(tx, filters),
    relationships,
    relationshipGroups: groupRelationships(relationships),
    provinces: await readProvinces(tx, filters),
    victims: await readVictims(tx, filters),
    services: await readServices(tx, filters),
    prosecutions: await readProsecutions(tx, filters),
    years: await readYears(tx, filters),
  };
}

type Row = Record<string, unknown>;
async function rows<T extends Row>(tx: Tx, query: SQL): Promise<T[]> {
  return (await tx.execute(query)).rows as T[];
}
const num = (v: unknown) => Number(v ?? 0);

const yearStart = (year: number) => `${year}-01-01`;

/** The filters on a case row `i` (investigations), year aside. */
function caseMatches(filters: MetricFilters): SQL {
  const parts = [sql`i.archived_at is null`];
  if (filters.offenceType) parts.push(sql`i.offence_type = ${filters.offenceType}`);
  if (filters.province) {
    parts.push(sql`exists (select 1 from offence_locations fl
      where fl.investigation_id = i.id and fl.archived_at is null and fl.province_code = ${filters.province})`);
  }
  return sql.join(parts, sql` and `);
}

/** `within(column, year)`: the column's date lies in the year. */
function within(column: SQL, year: number): SQL {
  return sql`${column} >= ${yearStart(year)}::date and ${column} < ${yearStart(year + 1)}::date`;
}

/** Y's cases, as a CTE named y (id, status, close_reason, opened_on, offence_type). */
function yearCases(filters: MetricFilters, year = filters.year): SQL {
  return sql`y as (select i.id, i.status, i.close_reason, i.opened_on, i.offence_type from investigations i
    where ${within(sql`i.opened_on`, year)} and ${caseMatches(filters)})`;
}

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

async function readHeadlines(tx: Tx, filters: MetricFilters): Promise<Headlines> {
  const [r] = await rows(tx, sql`with ${yearCases(filters)}
    select
      (select count(*) from y) as investigations,
      (select count(*) from y where exists (select 1 from suspects s
        where s.investigation_id = y.id and s.archived_at is null and s.arrested_on is not null)) as with_arrest,
      (select count(*) from y where y.status in (${inList(RESOLVED_STAGES)})
        or (y.status = 'closed' and y.close_reason in (${inList(RESOLVED_CLOSE_REASONS)}))) as resolved,
      (select count(distinct l.province_code) from offence_locations l join y on y.id = l.investigation_id
        where l.archived_at is null) as provinces,
      (select count(*) from suspects s join investigations i on i.id = s.investigation_id
        where s.archived_at is null and ${within(sql`s.arrested_on`, filters.year)} and ${caseMatches(filters)}) as arrested,
      (select sum(e.amount_usd)::text from expenditures e where e.year = ${filters.year} and e.archived_at is null) as spent`);
  const investigations = num(r!.investigations);
  const arrested = num(r!.arrested);
  const spent = r!.spent === null ? null : Number(r!.spent);
  const filtered = Boolean(filters.province || filters.offenceType);
  return {
    investigations,
    suspectsArrested: arrested,
    arrestRate: ratio(arrested, investigations),
    investigationsWithArrest: num(r!.with_arrest),
    resolutionRate: ratio(num(r!.resolved), investigations),
    provincesWithOffences: num(r!.provinces),
    spent,
    costPerInvestigation: spent === null || filtered || investigations === 0 ? null : spent / investigations,
  };
}

async function readByMonth(tx: Tx, filters: MetricFilters) {
  const found = await rows(tx, sql`with ${yearCases(filters)}
    select extract(month from y.opened_on)::int as month, count(*) as n from y group by 1`);
  const byMonth = new Map(found.map((r) => [num(r.month), num(r.n)]));
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, investigations: byMonth.get(i + 1) ?? 0 }));
}

async function readOffenceTypes(tx: Tx, filters: MetricFilters) {
  const found = await rows(tx, sql`with ${yearCases(filters)}
    select o.code, o.label_en, o.label_km, count(*) as n from y join offence_types o on o.code = y.offence_type
    group by o.code, o.label_en, o.label_km, o.sort_order order by n desc, o.sort_order`);
  return found.map((r) => ({ code: String(r.code), labelEn: String(r.label_en), labelKm: String(r.label_km), investigations: num(r.n) }));
}

async function readRelationships(tx: Tx, filters: MetricFilters) {
  const found = await rows(tx, sql`with ${yearCases(filters)}
    select r.code, r.label_en, r.label_km, r."group", count(*) as n
    from suspects s join y on y.id = s.investigation_id join relationships r on r.code = s.relationship
    where s.archived_at is null
    group by r.code, r.label_en, r.label_km, r."group", r.sort_order order by n desc, r.sort_order`);
  return found.map((r) => ({
    code: String(r.code), labelEn: String(r.label_en), labelKm: String(r.label_km), group: r.group as RelationshipGroup, suspects: num(r.n),
  }));
}

function groupRelationships(relationships: YearFigures['relationships']): YearFigures['relationshipGroups'] {
  const groups: RelationshipGroup[] = ['family', 'acquaintance', 'stranger', 'unknown'];
  return groups.map((group) => ({
    group,
    suspects: relationships.filter((r) => r.group === group).reduce((sum, r) => sum + r.suspects, 0),
  }));
}

/** Every province, with its distinct (province, district) offence locations among Y's cases. */
async function readProvinces(tx: Tx, filters: MetricFilters) {
  const found = await rows(tx, sql`with ${yearCases(filters)},
    places as (select distinct l.province_code, lower(btrim(l.district)) as district
      from offence_locations l join y on y.id = l.investigation_id where l.archived_at is null)
    select p.code, p.name_en, p.name_km, count(places.district) as n
    from provinces p left join places on places.province_code = p.code
    group by p.code, p.name_en, p.name_km order by n desc, p.code`);
  return found.map((r) => ({ code: String(r.code).trim(), nameEn: String(r.name_en), nameKm: String(r.name_km), locations: num(r.n) }));
}

async function readVictims(tx: Tx, filters: MetricFilters) {
  const band = sql.join(AGE_BANDS.map((b) => sql`when v.age_at_offence between ${b.min} and ${b.max} then ${b.key}`), sql` `);
  const found = await rows(tx, sql`with ${yearCases(filters)}
    select v.sex, case ${band} end as band, count(*) as n
    from victims v join y on y.id = v.investigation_id where v.archived_at is null group by 1, 2`);
  const sexes: Sex[] = ['female', 'male', 'unknown'];
  const count = (sex: Sex, band: string) => num(found.find((r) => r.sex === sex && r.band === band)?.n);
  return sexes.flatMap((sex) => AGE_BANDS.map((b) => ({ sex, band: b.key as string, victims: count(sex, b.key) })));
}

async function readServices(tx: Tx, filters: MetricFilters) {
  const found = await rows(tx, sql`with ${yearCases(filters)}
    select t.code, t.label_en, t.label_km, count(*) as n
    from victim_services vs join y on y.id = vs.investigation_id join victims v on v.id = vs.victim_id
      join service_types t on t.code = vs.service_type
    where vs.archived_at is null and v.archived_at is null
    group by t.code, t.label_en, t.label_km, t.sort_order order by n desc, t.sort_order`);
  return found.map((r) => ({ code: String(r.code), labelEn: String(r.label_en), labelKm: String(r.label_km), services: num(r.n) }));
}

async function readProsecutions(tx: Tx, filters: MetricFilters): Promise<YearFigures['prosecutions']> {
  const live = sql`p.archived_at is null and exists (select 1 from investigations i where i.id = p.investigation_id and ${caseMatches(filters)})
    and exists (select 1 from suspects s where s.id = p.suspect_id and s.archived_at is null)`;
  const bucket = sql.join(SENTENCE_BUCKETS.map((b) => sql`when m >= ${b.from} and m < ${b.to} then ${b.key}`), sql` `);
  const [funnel] = await rows(tx, sql`select
      count(*) filter (where ${within(sql`p.filed_on`, filters.year)}) as charged,
      count(*) filter (where p.verdict_on is not null and ${within(sql`p.verdict_on`, filters.year)}) as decided,
      count(*) filter (where p.status = 'convicted' and ${within(sql`p.verdict_on`, filters.year)}) as convicted
    from prosecutions p where ${live}`);
  const byStatus = await rows(tx, sql`select p.status, count(*) as n from prosecutions p
    where ${live} and ${within(sql`p.filed_on`, filters.year)} group by p.status order by p.status`);
  const sentences = await rows(tx, sql`select case ${bucket} end as bucket, count(*) as n
    from (select coalesce(p.sentence_years, 0) * 12 + coalesce(p.sentence_months, 0) as m from prosecutions p
      where ${live} and p.status = 'convicted' and ${within(sql`p.verdict_on`, filters.year)}) c group by 1`);
  return {
    funnel: { charged: num(funnel!.charged), decided: num(funnel!.decided), convicted: num(funnel!.convicted) },
    byStatus: byStatus.map((r) => ({ status: String(r.status), prosecutions: num(r.n) })),
    sentences: SENTENCE_BUCKETS.map((b) => ({ bucket: b.key, convictions: num(sentences.find((r) => r.bucket === b.key)?.n) })),
  };
}

/** Investigations and arrests for every year that has either, up to the year asked. */
async function readYears(tx: Tx, filters: MetricFilters) {
  const found = await rows(tx, sql`with
    opened as (select extract(year from i.opened_on)::int as year, count(*) as n from investigations i
      where ${caseMatches(filters)} and i.opened_on < ${yearStart(filters.year + 1)}::date group by 1),
    arrested as (select extract(year from s.arrested_on)::int as year, count(*) as n
      from suspects s join investigations i on i.id = s.investigation_id
      where s.archived_at is null and s.arrested_on is not null and s.arrested_on < ${yearStart(filters.year + 1)}::date
        and ${caseMatches(filters)} group by 1)
    select coalesce(o.year, a.year) as year, coalesce(o.n, 0) as investigations, coalesce(a.n, 0) as arrested
    from opened o full join arrested a on a.year = o.year order by 1`);
  return found.map((r) => ({
    year: num(r.year),
    investigations: num(r.investigations),
    suspectsArrested: num(r.arrested),
    arrestRate: ratio(num(r.arrested), num(r.investigations)),
  }));
}

/** The dashboard's choices: every year with cases (newest first), provinces and offence types in the reader's language. */
export async function dashboardOptions(viewer: Viewer, locale: 'en' | 'km') {
  await authorize(viewer, 'dashboard:read', { action: 'dashboard.options' });
  const db = getDb();
  const km = locale === 'km';
  const [span] = (await db.execute(sql`select extract(year from min(opened_on))::int as first, extract(year from max(opened_on))::int as last
    from investigations where archived_at is null`)).rows as { first: number | null; last: number | null }[];
  const provinceRows = (await db.execute(sql`select code, name_en, name_km from provinces`)).rows as Row[];
  const offenceRows = (await db.execute(sql`select code, label_en, label_km from offence_types order by sort_order, code`)).rows as Row[];
  const years: number[] = [];
  if (span?.first != null && span.last != null) for (let y = span.last; y >= span.first; y--) years.push(y);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  return {
    years,
    provinces: provinceRows.map((r) => ({ value: String(r.code).trim(), label: String(km ? r.name_km : r.name_en) })).sort(byLabel),
    offenceTypes: offenceRows.map((r) => ({ value: String(r.code), label: String(km ? r.label_km : r.label_en) })),
  };
}
export type DashboardOptions = Awaited<ReturnType<typeof dashboardOptions>>;
