import { z } from 'zod';
import type { MetricFilters } from '@/db/queries/metrics';

/** The dashboard's URL: ?year=2021&province=12&offence=rape. */
export type DashboardSearchParams = { year?: string | string[]; province?: string | string[]; offence?: string | string[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const year = z.coerce.number().int().min(1990).max(2200);
const province = z.string().regex(/^\d{2}$/);
const offence = z.string().regex(/^[a-z0-9_]{1,60}$/);

/** The dashboard's filters as the REST API takes them (a malformed value is an error there, not dropped). */
export const dashboardFilterFields = { year, province: province.optional(), offence: offence.optional() };

/**
 * The filters in the URL, against the choices that exist: an unknown or malformed value is
 * dropped (the page says so), never an error. No year: the latest year with cases.
 */
export function parseDashboardFilters(
  params: DashboardSearchParams,
  choices: { years: number[]; provinces: { value: string }[]; offenceTypes: { value: string }[] },
): { filters: MetricFilters; ignored: string[] } {
  const ignored: string[] = [];
  const pick = <T,>(name: string, raw: string | undefined, schema: z.ZodType<T>, known: (v: T) => boolean): T | null => {
    if (raw === undefined || raw === '') return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success && known(parsed.data)) return parsed.data;
    ignored.push(name);
    return null;
  };
  const fallbackYear = choices.years[0] ?? new Date().getUTCFullYear();
  return {
    filters: {
      year: pick('year', first(params.year), year, () => true) ?? fallbackYear,
      province: pick('province', first(params.province), province, (v) => choices.provinces.some((p) => p.value === v)),
      offenceType: pick('offence', first(params.offence), offence, (v) => choices.offenceTypes.some((o) => o.value === v)),
    },
    ignored,
  };
}

/** The query string of a set of filters (for links: CSV downloads, the report). */
export function dashboardQuery(filters: MetricFilters): string {
  const q = new URLSearchParams({ year: String(filters.year) });
  if (filters.province) q.set('province', filters.province);
  if (filters.offenceType) q.set('offence', filters.offenceType);
  return q.toString();
}
