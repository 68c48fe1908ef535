import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { authorize, caseIdRef } from '../scope';
import { investigationMembers, investigations, offenceLocations, offenceTypes, provinces, suspects, users, victims } from '../schema';
import { can, type Viewer } from '@/lib/policy';
import type { CaseFilters } from '@/lib/case-filters';
import type { Locale } from '@/lib/vocabulary';
import { caseListWhere } from './case-list';
import { caseSortKeys, cursorFor, keysetAfter, orderBy } from './case-list-sort';

export const EXPORT_BATCH_SIZE = 1000;
export type ExportFormat = 'csv' | 'xlsx';

const live = (table: string) => sql.raw(`${table}.investigation_id = "investigations"."id" and ${table}.archived_at is null`);

/** A column of the export, and the SQL that reads it; `summary` only for those who may read it. */
function exportSelection(viewer: Viewer, locale: Locale) {
  const km = locale === 'km';
  return {
    id: investigations.id,
    refYear: investigations.refYear,
    refSeq: investigations.refSeq,
    reference: investigations.reference,
    externalReference: investigations.externalRef,
    title: investigations.title,
    status: investigations.status,
    closeReason: investigations.closeReason,
    openedOn: investigations.openedOn,
    reportedOn: investigations.reportedOn,
    offenceFrom: investigations.offenceFrom,
    offenceTo: investigations.offenceTo,
    offenceType: sql<string>`(select ${sql.raw(km ? 'label_km' : 'label_en')} from ${offenceTypes} o where o.code = ${investigations.offenceType})`,
    priority: investigations.priority,
    reportChannel: investigations.reportChannel,
    provinces: sql<string | null>`(select string_agg(distinct p.${sql.raw(km ? 'name_km' : 'name_en')}, ', ')
      from ${offenceLocations} l join ${provinces} p on p.code = l.province_code where ${live('l')})`,
    districts: sql<string | null>`(select string_agg(distinct l.district, ', ') from ${offenceLocations} l where ${live('l')})`,
    lead: sql<string | null>`(select u.name from ${investigationMembers} m join ${users} u on u.id = m.user_id
      where m.investigation_id = ${caseIdRef} and m.role = 'lead' limit 1)`,
    suspects: sql<number>`(select count(*)::int from ${suspects} s where ${live('s')})`,
    arrested: sql<number>`(select count(*)::int from ${suspects} s where ${live('s')} and s.arrested_on is not null)`,
    // Children as counts only: nobody's export carries a child's name, code or birth date.
    victims: sql<number>`(select count(*)::int from ${victims} v where ${live('v')})`,
    ...(can(viewer, 'cases:read-summary') ? { summary: investigations.summary } : {}),
  };
}

export type CaseExportRow = {
  [K in keyof ReturnType<typeof exportSelection>]: ReturnType<typeof exportSelection>[K] extends { _: { data: infer D } } ? D : never;
} & { summary?: string | null };

/**
 * The whole filtered case list for a download: the viewer's scope and the list's filters
 * (the same WHERE as the list), in the list's order, read in keyset batches so memory stays
 * flat however many cases match. The export is audited with its filters and row count
 * before the first row leaves.
 */
export async function exportCases(
  viewer: Viewer,
  filters: CaseFilters,
  { format, locale, ip, maxRows }: { format: ExportFormat; locale: Locale; ip: string | null; maxRows?: number },
): Promise<{ total: number; tooMany: boolean; withSummary: boolean; batches: () => AsyncGenerator<CaseExportRow[]> }> {
  await authorize(viewer, 'cases:list', { action: 'case.export', ip, detail: { format } });
  const db = getDb();
  const where = caseListWhere(viewer, filters);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(investigations).where(where);
  const total = count?.total ?? 0;
  const { sort, ...narrowing } = filters;
  const shown = Object.fromEntries(Object.entries(narrowing).filter(([, v]) => v !== undefined));
  const tooMany = maxRows !== undefined && total > maxRows;
  await writeAudit(db, viewer, { action: 'case.export', outcome: tooMany ? 'failed' : 'allowed', ip, detail: { format, filters: shown, sort, rows: total } });

  const keys = caseSortKeys(sort);
  const selection = exportSelection(viewer, locale);
  async function* batches() {
    if (tooMany) return;
    let after: SQL | undefined;
    for (;;) {
      const rows = (await db
        .select(selection)
        .from(investigations)
        .where(after ? and(where, after) : where)
        .orderBy(...orderBy(keys, 'forward'))
        .limit(EXPORT_BATCH_SIZE)) as CaseExportRow[];
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < EXPORT_BATCH_SIZE) return;
      after = keysetAfter(keys, cursorFor(keys, sort, rows.at(-1)!), 'forward');
    }
  }
  return { total, tooMany, withSummary: 'summary' in selection, batches };
}
