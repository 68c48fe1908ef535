import 'server-only';
import { and, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { investigations } from '../schema';
import type { CaseSort } from '@/lib/case-filters';
import type { CaseCursor } from '@/lib/case-cursor';
import { CASE_STATUSES, type CaseStatus } from '@/lib/vocabulary';

export type SortRow = { id: string; openedOn: string; refYear: number; refSeq: number; status: CaseStatus };
type Direction = 'asc' | 'desc';

/** One column of a sort: how to order by it, and how to carry its value in a cursor. */
type SortKey = {
  column: SQL;
  direction: Direction;
  /** The SQL type a cursor's text value is cast to. */
  type: string;
  shape: z.ZodType<string>;
  valueOf: (row: SortRow) => string;
};

const col = (name: string) => sql`${investigations}.${sql.identifier(name)}`;
const openedOn = (direction: Direction): SortKey => ({
  column: col('opened_on'), direction, type: 'date', shape: z.iso.date(), valueOf: (r) => r.openedOn,
});
const id = (direction: Direction): SortKey => ({
  column: col('id'), direction, type: 'uuid', shape: z.uuid(), valueOf: (r) => r.id,
});
const int = (name: string, valueOf: (r: SortRow) => number): SortKey => ({
  column: col(name), direction: 'asc', type: 'integer', shape: z.string().regex(/^\d{1,9}$/), valueOf: (r) => String(valueOf(r)),
});

// The id comes last in every sort: it makes the order total, so a keyset never skips or repeats a row.
const SORTS: Record<CaseSort, SortKey[]> = {
  opened_desc: [openedOn('desc'), id('desc')],
  opened_asc: [openedOn('asc'), id('asc')],
  // The reference is year and sequence: ordering by them is numeric past CPU-2021-9999.
  reference: [int('ref_year', (r) => r.refYear), int('ref_seq', (r) => r.refSeq), id('asc')],
  // Lifecycle order (the enum's order), the newest first within a status.
  status: [
    { column: col('status'), direction: 'asc', type: 'case_status', shape: z.enum(CASE_STATUSES), valueOf: (r) => r.status },
    openedOn('desc'),
    id('desc'),
  ],
};

export type CaseSortKeys = readonly SortKey[];

/** The keys of a sort, the id last. */
export function caseSortKeys(sort: CaseSort): CaseSortKeys {
  return SORTS[sort];
}

/** The values a cursor carries for a row: its sort key (without the id) and its id. */
export function cursorFor(keys: CaseSortKeys, sort: CaseSort, row: SortRow): CaseCursor {
  return { sort, key: keys.slice(0, -1).map((k) => k.valueOf(row)), id: row.id };
}

/** Whether a (well-formed) cursor carries a value of the right type for every key. */
export function fitsSort(keys: CaseSortKeys, cursor: CaseCursor): boolean {
  const values = [...cursor.key, cursor.id];
  return values.length === keys.length && keys.every((k, i) => k.shape.safeParse(values[i]).success);
}

type Way = 'forward' | 'backward';
const flip = (d: Direction): Direction => (d === 'asc' ? 'desc' : 'asc');

export function orderBy(keys: CaseSortKeys, way: Way): SQL[] {
  return keys.map((k) => {
    const direction = way === 'forward' ? k.direction : flip(k.direction);
    return sql`${k.column} ${sql.raw(direction)}`;
  });
}

/**
 * "The row comes after the cursor" in the sort's order (or before it, going backward).
 * Runs of keys in one direction compare as a row value, which PostgreSQL matches against
 * an index; mixed directions expand into (a > x) or (a = x and (b, c) < (y, z)).
 */
export function keysetAfter(keys: CaseSortKeys, cursor: CaseCursor, way: Way): SQL | undefined {
  const values = [...cursor.key, cursor.id];
  const typed = keys.map((k, i) => ({ ...k, value: sql`${values[i]}::${sql.raw(k.type)}` }));

  const runs: (typeof typed)[] = [];
  for (const k of typed) {
    const run = runs.at(-1);
    if (run && run[0]!.direction === k.direction) run.push(k);
    else runs.push([k]);
  }
  const tuple = (ks: SQL[]) => sql`(${sql.join(ks, sql`, `)})`;
  const branches = runs.map((run, i) => {
    const direction = way === 'forward' ? run[0]!.direction : flip(run[0]!.direction);
    const op = sql.raw(direction === 'asc' ? '>' : '<');
    const equalBefore = runs.slice(0, i).map((r) => sql`${tuple(r.map((k) => k.column))} = ${tuple(r.map((k) => k.value))}`);
    return and(...equalBefore, sql`${tuple(run.map((k) => k.column))} ${op} ${tuple(run.map((k) => k.value))}`)!;
  });
  return or(...branches);
}
