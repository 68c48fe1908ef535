import { sql, type SQL } from 'drizzle-orm';
import { caseScope, can, type Permission, type Viewer } from '@/lib/policy';
import { ForbiddenError } from '@/lib/errors';
import { getDb } from './client';
import { writeAudit, type AuditEntry } from './audit';
import { agencies, investigationAgencies, investigationMembers, investigations } from './schema';

/**
 * The outer case's id for correlated subqueries. Drizzle drops the table name from columns
 * in single-table selects, and a bare "id" inside a subquery binds to the inner table's id.
 */
export const caseIdRef = sql`${investigations}.${sql.identifier('id')}`;

/**
 * The SQL condition "this viewer may see this investigation", for the WHERE clause of the
 * very statement that reads or writes it (lib/policy decides the scope; this renders it).
 */
export function caseVisibleTo(viewer: Viewer): SQL {
  switch (caseScope(viewer)) {
    case 'all':
      return sql`true`;
    case 'member':
      return sql`exists (select 1 from ${investigationMembers} m
        where m.investigation_id = ${caseIdRef} and m.user_id = ${viewer.userId})`;
    case 'shared':
      return sql`(exists (select 1 from ${investigationMembers} m
          where m.investigation_id = ${caseIdRef} and m.user_id = ${viewer.userId} and m.role = 'liaison')
        or exists (select 1 from ${investigationAgencies} a join ${agencies} ag on ag.id = a.agency_id and ag.active
          where a.investigation_id = ${caseIdRef} and a.agency_id = ${viewer.agencyId}))`;
    case 'none':
      return sql`false`;
  }
}

/** Archived cases are readable only by those who may read archives (managers). */
export function archivedVisibleTo(viewer: Viewer): SQL {
  return can(viewer, 'cases:read-archived') ? sql`true` : sql`${investigations.archivedAt} is null`;
}

/**
 * Refuses (and audits the refusal) unless the viewer's role has the permission.
 * Case scope is a separate, per-statement condition: see caseVisibleTo.
 */
export async function authorize(
  viewer: Viewer | null,
  permission: Permission,
  audit: Omit<AuditEntry, 'outcome'>,
): Promise<Viewer> {
  if (viewer && can(viewer, permission)) return viewer;
  await writeAudit(getDb(), viewer, { ...audit, outcome: 'denied', detail: { ...audit.detail, permission } });
  throw new ForbiddenError(permission);
}
