import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { archivedVisibleTo, authorize, caseIdRef, caseVisibleTo } from '../scope';
import { caseEvents, caseLastSeen, hearings, investigationAgencies, investigationMembers, investigations, prosecutions, users } from '../schema';
import { caseScope, type Viewer } from '@/lib/policy';
import type { CaseStatus } from '@/lib/vocabulary';

/** How many updated cases the home page lists (newest change first); the total is counted. */
export const UPDATES_LIMIT = 50;
/** Shared cases per page of the liaison officer's home. */
export const SHARED_PAGE_SIZE = 25;

/** "Today" for hearings: the unit works in Phnom Penh, whatever the server's time zone. */
const today = sql`(now() at time zone 'Asia/Phnom_Penh')::date`;
const iso = (value: SQL) => sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The cases that are the viewer's own work: those they are a member of (lead, team, named
 * liaison) and, for liaison officers, those shared with their agency. Managers see every
 * case, but only their own ones get updates.
 */
function ownCase(viewer: Viewer): SQL {
  const member = sql`exists (select 1 from ${investigationMembers} m where m.investigation_id = ${caseIdRef} and m.user_id = ${viewer.userId})`;
  if (caseScope(viewer) !== 'shared' || !viewer.agencyId) return member;
  return sql`(${member} or exists (select 1 from ${investigationAgencies} a
    where a.investigation_id = ${caseIdRef} and a.agency_id = ${viewer.agencyId}))`;
}

/**
 * Since when changes count as new to the viewer: when they last opened the case, else when
 * they joined it (added as a member, or the case shared with their agency).
 */
function since(viewer: Viewer): SQL {
  const added = sql`(select m.added_at from ${investigationMembers} m where m.investigation_id = ${caseIdRef} and m.user_id = ${viewer.userId})`;
  const shared = caseScope(viewer) === 'shared' && viewer.agencyId
    ? sql`(select a.shared_at from ${investigationAgencies} a where a.investigation_id = ${caseIdRef} and a.agency_id = ${viewer.agencyId})`
    : sql`null::timestamptz`;
  return sql`coalesce(
    (select ls.seen_at from ${caseLastSeen} ls where ls.investigation_id = ${caseIdRef} and ls.user_id = ${viewer.userId}),
    least(${added}, ${shared}))`;
}

/** The viewer's own cases in scope, each with its "since": the CTE both lists start from. */
function scopedCases(viewer: Viewer): SQL {
  return sql`select ${investigations.id} as id, ${investigations.reference} as reference, ${investigations.title} as title,
      ${investigations.status} as status, ${since(viewer)} as since
    from ${investigations}
    where ${caseVisibleTo(viewer)} and ${archivedVisibleTo(viewer)} and ${ownCase(viewer)}`;
}

/** Events by anyone but the viewer on case s after s.since (an event without an actor counts). */
const othersSince = (viewer: Viewer) =>
  sql`e.investigation_id = s.id and e.at > s.since and e.actor_id is distinct from ${viewer.userId}`;

type UpdateRow = {
  id: string; reference: string; title: string; status: CaseStatus;
  changes: number; kinds: string[]; last_at: string; last_by: string | null; total: number;
};

/**
 * The viewer's cases where someone else changed something since the viewer last opened
 * them: what kinds of change, how many, when and by whom the latest was. One statement;
 * newest change first, at most UPDATES_LIMIT, with the total.
 */
export async function listCaseUpdates(viewer: Viewer) {
  await authorize(viewer, 'cases:list', { action: 'home.updates' });
  const result = await getDb().execute<UpdateRow>(sql`
    with s as (${scopedCases(viewer)})
    select s.id, s.reference, s.title, s.status, c.changes, c.kinds, ${iso(sql`c.last_at`)} as last_at, who.name as last_by,
      count(*) over ()::int as total
    from s
    cross join lateral (
      select count(*)::int as changes, to_json(array_agg(distinct e.kind order by e.kind)) as kinds, max(e.at) as last_at
      from ${caseEvents} e where ${othersSince(viewer)}
    ) c
    left join lateral (
      select u.name from ${caseEvents} e left join ${users} u on u.id = e.actor_id
      where ${othersSince(viewer)} order by e.at desc, e.id desc limit 1
    ) who on true
    where c.changes > 0
    order by c.last_at desc, s.id
    limit ${UPDATES_LIMIT}`);
  const rows = result.rows.map((r) => ({
    id: r.id, reference: r.reference, title: r.title, status: r.status,
    changes: r.changes, kinds: r.kinds, lastAt: new Date(r.last_at), lastBy: r.last_by,
  }));
  return { rows, total: result.rows[0]?.total ?? 0 };
}

export type CaseUpdate = Awaited<ReturnType<typeof listCaseUpdates>>['rows'][number];

type SharedRow = {
  id: string; reference: string; title: string; status: CaseStatus;
  last_update: string | null; updated: boolean; next_hearing: string | null; total: number;
};

/**
 * A liaison officer's cases (shared with them or their agency), a page at a time: status,
 * last update, next hearing (the earliest hearing from today on among the case's live
 * prosecutions) and whether someone else changed it since they last opened it. Updated
 * cases first, then by last update. One statement, with the total.
 */
export async function listSharedCases(viewer: Viewer, page = 1) {
  await authorize(viewer, 'cases:list', { action: 'home.shared' });
  const pageNo = Number.isSafeInteger(page) && page >= 1 ? page : 1;
  const result = await getDb().execute<SharedRow>(sql`
    with s as (${scopedCases(viewer)})
    select s.id, s.reference, s.title, s.status,
      ${iso(sql`(select max(e.at) from ${caseEvents} e where e.investigation_id = s.id)`)} as last_update,
      exists (select 1 from ${caseEvents} e where ${othersSince(viewer)}) as updated,
      (select min(h.held_on)::text from ${hearings} h join ${prosecutions} p on p.id = h.prosecution_id
        where p.investigation_id = s.id and p.archived_at is null and h.archived_at is null and h.held_on >= ${today}) as next_hearing,
      count(*) over ()::int as total
    from s
    order by updated desc, last_update desc nulls last, s.reference
    limit ${SHARED_PAGE_SIZE} offset ${(pageNo - 1) * SHARED_PAGE_SIZE}`);
  const rows = result.rows.map((r) => ({
    id: r.id, reference: r.reference, title: r.title, status: r.status,
    lastUpdate: r.last_update ? new Date(r.last_update) : null, updated: r.updated, nextHearing: r.next_hearing,
  }));
  const total = result.rows[0]?.total ?? (pageNo > 1 ? await countOwnCases(viewer) : 0);
  return { rows, total, page: pageNo, pages: Math.max(1, Math.ceil(total / SHARED_PAGE_SIZE)) };
}

export type SharedCase = Awaited<ReturnType<typeof listSharedCases>>['rows'][number];

/** Only for a page past the end, where the window count has no row to ride on. */
async function countOwnCases(viewer: Viewer): Promise<number> {
  const result = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from (${scopedCases(viewer)}) s`);
  return result.rows[0]?.n ?? 0;
}
