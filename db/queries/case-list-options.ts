import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { authorize, caseVisibleTo } from '../scope';
import { investigationMembers, investigations, offenceTypes, provinces, users } from '../schema';
import type { Viewer } from '@/lib/policy';
import type { Locale } from '@/lib/vocabulary';
import { byLabel } from '@/lib/i18n/collate';
import type { CaseListOptions } from '@/lib/case-filters';

/** The choices of the case list's filters, labelled in the reader's language. */
export async function caseListOptions(viewer: Viewer, locale: Locale): Promise<CaseListOptions> {
  await authorize(viewer, 'cases:list', { action: 'case.list' });
  const db = getDb();
  const live = and(caseVisibleTo(viewer), sql`${investigations.archivedAt} is null`);
  const km = locale === 'km';

  const [[span], provinceRows, offenceRows, leadRows] = await Promise.all([
    db
      .select({
        from: sql<number | null>`extract(year from min(${investigations.openedOn}))::int`,
        to: sql<number | null>`extract(year from max(${investigations.openedOn}))::int`,
      })
      .from(investigations)
      .where(live),
    db
      .select({ value: provinces.code, label: km ? provinces.nameKm : provinces.nameEn })
      .from(provinces),
    db
      .select({ value: offenceTypes.code, label: km ? offenceTypes.labelKm : offenceTypes.labelEn })
      .from(offenceTypes)
      .orderBy(asc(offenceTypes.sortOrder), asc(offenceTypes.code)),
    db
      .selectDistinct({ value: users.id, label: users.name })
      .from(investigationMembers)
      .innerJoin(investigations, eq(investigations.id, investigationMembers.investigationId))
      .innerJoin(users, eq(users.id, investigationMembers.userId))
      .where(and(live, eq(investigationMembers.role, 'lead')))
      .orderBy(asc(users.name), asc(users.id)),
  ]);

  const years: number[] = [];
  if (span?.from != null && span.to != null) for (let y = span.to; y >= span.from; y--) years.push(y);
  provinceRows.sort(byLabel(locale));
  return { years, provinces: provinceRows, offences: offenceRows, leads: leadRows };
}
