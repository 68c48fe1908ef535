import type { YearFigures } from '@/db/queries/metrics';
import { AGE_BAND_KEYS, HEADLINE_FORMAT, HEADLINES, type Headline } from './metrics';
import { SEXES, type Locale } from './vocabulary';
import { formatMonth } from './i18n/format';

/**
 * The year's figures as named tables: the one shape behind each chart's table
 * alternative, its CSV download and the report's workbook sheets, so a number reads the
 * same wherever it appears. Labels in the reader's language; numbers stay numbers.
 */
export const TABLE_KEYS = [
  'headlines', 'byMonth', 'offenceTypes', 'relationships', 'relationshipGroups', 'provinces', 'victims', 'services',
  'prosecutionFunnel', 'prosecutionStatus', 'sentences', 'years',
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export type Cell = string | number | null;
export type FigureTable = {
  key: TableKey;
  title: string;
  columns: { key: string; label: string; numeric: boolean }[];
  rows: Cell[][];
  /** Rows to mark in the chart and the table (the provinces with the most offence locations). */
  marked: number[];
};

/** next-intl's translator for the 'dashboard' namespace, or anything shaped like it. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function isTableKey(value: unknown): value is TableKey {
  return typeof value === 'string' && (TABLE_KEYS as readonly string[]).includes(value);
}

export function figureTables(f: YearFigures, t: Translate, locale: Locale): FigureTable[] {
  const km = locale === 'km';
  const col = (key: string, numeric = true) => ({ key, label: t(`columns.${key}`), numeric });
  const table = (key: TableKey, columns: FigureTable['columns'], rows: Cell[][], marked: number[] = []): FigureTable =>
    ({ key, title: t(`charts.${key}.title`), columns, rows, marked });
  const topLocations = Math.max(0, ...f.provinces.map((p) => p.locations));
  const funnel = f.prosecutions.funnel;

  return [
    table('headlines', [col('figure', false), col('value'), col('previousYear'), col('change')],
      HEADLINES.map((h) => [headlineLabel(h, t), shown(h, f.headlines[h]), shown(h, f.previous[h]), shown(h, f.changes[h].delta)])),
    table('byMonth', [col('month', false), col('investigations')],
      f.byMonth.map((m) => [monthName(m.month, locale), m.investigations])),
    table('offenceTypes', [col('offenceType', false), col('investigations')],
      f.offenceTypes.map((o) => [km ? o.labelKm : o.labelEn, o.investigations])),
    table('relationships', [col('relationship', false), col('group', false), col('suspects')],
      f.relationships.map((r) => [km ? r.labelKm : r.labelEn, t(`groups.${r.group}`), r.suspects])),
    table('relationshipGroups', [col('group', false), col('suspects')],
      f.relationshipGroups.map((g) => [t(`groups.${g.group}`), g.suspects])),
    table('provinces', [col('province', false), col('locations')],
      f.provinces.map((p) => [km ? p.nameKm : p.nameEn, p.locations]),
      topLocations > 0 ? f.provinces.flatMap((p, i) => (p.locations === topLocations ? [i] : [])) : []),
    table('victims', [col('ageBand', false), ...SEXES.map((s) => col(s))],
      AGE_BAND_KEYS.map((band) => [band, ...SEXES.map((sex) => f.victims.find((v) => v.sex === sex && v.band === band)?.victims ?? 0)])),
    table('services', [col('service', false), col('services')],
      f.services.map((s) => [km ? s.labelKm : s.labelEn, s.services])),
    table('prosecutionFunnel', [col('stage', false), col('prosecutions')],
      [[t('funnel.charged'), funnel.charged], [t('funnel.decided'), funnel.decided], [t('funnel.convicted'), funnel.convicted]]),
    table('prosecutionStatus', [col('status', false), col('prosecutions')],
      f.prosecutions.byStatus.map((s) => [t(`prosecutionStatus.${s.status}`), s.prosecutions])),
    table('sentences', [col('sentence', false), col('convictions')],
      f.prosecutions.sentences.map((s) => [t(`sentences.${s.bucket}`), s.convictions])),
    table('years', [col('year', false), col('investigations'), col('suspectsArrested'), col('arrestRatePct')],
      f.years.map((y) => [String(y.year), y.investigations, y.suspectsArrested, y.arrestRate === null ? null : round1(y.arrestRate * 100)])),
  ];
}


/** Headlines as a table shows them: shares in percent (one decimal), money to the cent, with the unit in the label. */
function shown(h: Headline, v: number | null): number | null {
  if (v === null) return null;
  const format = HEADLINE_FORMAT[h];
  return format === 'ratio' ? round1(v * 100) : format === 'usd' ? Math.round(v * 100) / 100 : v;
}
function headlineLabel(h: Headline, t: Translate): string {
  const unit = { ratio: ' (%)', usd: ' (US$)', count: '' }[HEADLINE_FORMAT[h]];
  return `${t(`headlines.${h}`)}${unit}`;
}

function monthName(month: number, locale: Locale): string {
  return formatMonth(month, locale);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** True when no row holds a number above zero: the chart reads as empty. */
export function isEmptyTable(table: FigureTable): boolean {
  return !table.rows.some((row) => row.some((cell, i) => table.columns[i]?.numeric && typeof cell === 'number' && cell > 0));
}
