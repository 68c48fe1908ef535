import 'server-only';
import { and, asc, sql } from 'drizzle-orm';
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
    // Asked per person (a few hundred), not per lead membership (one per case): each EXISTS
    // walks the (user_id, investigation_id) index and stops at the first live case in scope.
    db
      .select({ value: users.id, label: users.name })
      .from(users)
      .where(sql`exists (select 1 from ${investigationMembers}
        join ${investigations} on ${investigations.id} = ${investigationMembers.investigationId}
        where ${investigationMembers.userId} = ${users.id} and ${investigationMembers.role} = 'lead' and ${live})`)
      .orderBy(asc(users.name), asc(users.id)),
  ]);

  const years: number[] = [];
  if (span?.from != null && span.to != null) for (let y = span.to; y >= span.from; y--) years.push(y);
  provinceRows.sort(byLabel(locale));
  return { years, provinces: provinceRows, offences: offenceRows, leads: leadRows };
}
