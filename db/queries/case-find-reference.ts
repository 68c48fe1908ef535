import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { writeAudit } from '../audit';
import { archivedVisibleTo, authorize, caseVisibleTo } from '../scope';
import { investigations } from '../schema';
import type { Viewer } from '@/lib/policy';

/** What a case reference looks like (CPU-2021-0042); anything else is not looked up. */
const REFERENCE = /^CPU-\d{4}-\d{4,6}$/;

/** Trimmed and upper-cased: " cpu-2021-0042 " finds CPU-2021-0042. */
export function normalizeReference(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().toUpperCase() : '';
}

/**
 * The id of the case with this reference, if the viewer may open it; otherwise null, the
 * same for a case out of scope as for one that does not exist. Every lookup is audited, with
 * the reference only when it looks like one (whatever else was typed may be a name).
 */
export async function findCaseByReference(viewer: Viewer, raw: unknown, ip: string | null): Promise<string | null> {
  await authorize(viewer, 'cases:read', { action: 'case.find_by_reference', ip });
  const reference = normalizeReference(raw);
  const wellFormed = REFERENCE.test(reference);
  const [row] = !wellFormed ? [] : await getDb()
    .select({ id: investigations.id })
    .from(investigations)
    .where(and(eq(investigations.reference, reference), caseVisibleTo(viewer), archivedVisibleTo(viewer)));
  await writeAudit(getDb(), viewer, {
    action: 'case.find_by_reference',
    outcome: row ? 'allowed' : 'denied',
    entityType: 'investigation',
    entityId: row?.id,
    investigationId: row?.id,
    ip,
    detail: wellFormed ? { reference, found: Boolean(row) } : { malformed: true, found: false },
  });
  return row?.id ?? null;
}
