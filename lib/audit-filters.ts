import { z } from 'zod';
import { AUDIT_OUTCOMES } from './vocabulary';
import { E, empty, isRealDate } from './validation/case-edit';
import { fieldErrorsOf, type FieldErrors } from './validation/field-errors';

/** Ids, codes and case references only: no room for a name in the URL or the audit's own row. */
export const RECORD_PATTERN = /^[A-Za-z0-9:_.-]{1,100}$/;
export const CASE_REFERENCE_PATTERN = /^CPU-\d{4}-\d{4,}$/i;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID_PATTERN.test(s);

const blank = (v: unknown) => (empty(v) || (typeof v === 'string' && v.trim() === '') ? undefined : typeof v === 'string' ? v.trim() : v);
const date = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, E('dateFormat')).refine(isRealDate, E('dateFormat')).optional());

/** The audit trail's filters as they come from the query string; every one optional. */
export const auditFilters = z
  .object({
    actor: z.preprocess(blank, z.uuid(E('invalid')).optional()),
    action: z.preprocess(blank, z.string().regex(/^[a-z_.]{1,60}$/, E('auditAction')).optional()),
    record: z.preprocess(blank, z.string().regex(RECORD_PATTERN, E('auditRecord')).optional()),
    outcome: z.preprocess(blank, z.enum(AUDIT_OUTCOMES, E('invalid')).optional()),
    from: date,
    to: date,
  })
  .refine((f) => !f.from || !f.to || f.to >= f.from, { ...E('beforeStart'), path: ['to'] });
export type AuditFilters = z.infer<typeof auditFilters>;

/** Keyset position: the (time, id) of the last row shown; the time keeps PostgreSQL's microseconds. */
export type AuditCursor = { at: string; id: number };

export function encodeCursor(c: AuditCursor): string {
  return `${c.at}_${c.id}`;
}

export function decodeCursor(raw: unknown): AuditCursor | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)_(\d{1,18})$/.exec(raw);
  return m ? { at: m[1]!, id: Number(m[2]) } : null;
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Reads the filters from search params; bad ones come back as field errors, never a 500. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>):
  { ok: true; filters: AuditFilters; raw: Record<string, string> } | { ok: false; fieldErrors: FieldErrors; raw: Record<string, string> } {
  const raw = Object.fromEntries(['actor', 'action', 'record', 'outcome', 'from', 'to'].map((k) => [k, single(params[k]) ?? '']));
  const parsed = auditFilters.safeParse(raw);
  return parsed.success ? { ok: true, filters: parsed.data, raw } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error), raw };
}

/** The filters as a query string (for the export link and the next page). */
export function filtersQuery(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filters, ...extra }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return new URLSearchParams(entries).toString();
}

/** The audit row's detail (ids and codes only) as one short line: "permission=users:manage · list=placeTypes". */
export function compactDetail(detail: Record<string, unknown> | null | undefined, max = 160): string {
  if (!detail) return '';
  const text = Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
