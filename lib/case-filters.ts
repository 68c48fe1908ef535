import { z } from 'zod';
import { CASE_STATUSES } from './vocabulary';

/** The orders of the case list. The first is the default. */
export const CASE_SORTS = ['opened_desc', 'opened_asc', 'reference', 'status'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const ARREST_FILTERS = ['yes', 'no'] as const;
export const SEARCH_MAX_LENGTH = 100;

// A search param may come as a list (?q=a&q=b): the first one counts.
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
// An absent, empty or malformed value is "no filter", never an error.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const one = first(v);
    return typeof one === 'string' && one.trim() !== '' ? one.trim() : undefined;
  }, schema.optional()).catch(undefined);

/**
 * The case list's filters as they arrive in the URL. Junk in any field turns that field
 * into "no filter"; the list still renders.
 */
export const caseFilters = z.object({
  year: optional(z.coerce.number().int().min(1990).max(2100)),
  status: optional(z.enum(CASE_STATUSES)),
  province: optional(z.string().regex(/^\d{2}$/)),
  offence: optional(z.string().regex(/^[a-z0-9_]{1,60}$/)),
  lead: optional(z.uuid()),
  arrest: optional(z.enum(ARREST_FILTERS)),
  q: optional(z.string().max(SEARCH_MAX_LENGTH).transform((s) => s.normalize('NFC').replace(/\s+/g, ' '))),
  sort: optional(z.enum(CASE_SORTS)).transform((s) => s ?? CASE_SORTS[0]),
});
export type CaseFilters = z.infer<typeof caseFilters>;

/** The page position: opaque cursors, checked against the sort when the list is read. */
export const casePagePosition = z.object({
  after: optional(z.string().max(300)),
  before: optional(z.string().max(300)),
});
export type CasePagePosition = z.infer<typeof casePagePosition>;

export type CaseSearchParams = Record<string, string | string[] | undefined>;

export function parseCaseFilters(params: CaseSearchParams): CaseFilters {
  return caseFilters.parse(params);
}

export function parseCasePagePosition(params: CaseSearchParams): CasePagePosition {
  return casePagePosition.parse(params);
}

const FILTER_KEYS = ['q', 'year', 'status', 'province', 'offence', 'lead', 'arrest'] as const;

/** Whether any filter narrows the list (the sort does not). */
export function hasActiveFilters(filters: CaseFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/**
 * The query string (with its "?", or "" for the default view) that reproduces the
 * filters, the sort and optionally a page position. Parsing it gives the same filters.
 */
export function caseListSearch(filters: CaseFilters, position: CasePagePosition = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) params.set(key, String(value));
  }
  if (filters.sort !== CASE_SORTS[0]) params.set('sort', filters.sort);
  if (position.after) params.set('after', position.after);
  else if (position.before) params.set('before', position.before);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type FilterOption = { value: string; label: string };
export type CaseListOptions = {
  /** Years in which a case the viewer may see was opened, newest first. */
  years: number[];
  provinces: FilterOption[];
  offences: FilterOption[];
  /** People who lead a case the viewer may see, and nobody else. */
  leads: FilterOption[];
};

/**
 * Drops a well-formed value that is not among the choices (an unknown province code, a
 * lead of no case in scope), so the form always shows the filters actually applied.
 * A year outside the data stays: it is a real question with the answer "none".
 */
export function withKnownChoices(filters: CaseFilters, options: CaseListOptions): CaseFilters {
  const known = (value: string | undefined, choices: FilterOption[]) =>
    value !== undefined && choices.some((c) => c.value === value) ? value : undefined;
  return {
    ...filters,
    province: known(filters.province, options.provinces),
    offence: known(filters.offence, options.offences),
    lead: known(filters.lead, options.leads),
  };
}
