import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { clientIp } from '@/lib/auth/request-info';
import { can } from '@/lib/policy';
import { exportAuditEvents } from '@/db/queries/audit-trail';
import { parseAuditFilters } from '@/lib/audit-filters';
import { auditCsv } from '@/lib/audit-csv';
import { plainAnswer } from '@/lib/http/plain-answer';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /admin/audit/csv?actor=..&action=..&record=..&outcome=..&from=..&to=..: the filtered trail as CSV. */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return plainAnswer(401);
  const ip = clientIp(await headers());
  // The data layer checks the permission again (and audits a refusal); this gives the status.
  if (!can(viewer, 'audit:read')) {
    await exportAuditEvents(viewer, {}, ip).catch(() => undefined);
    return plainAnswer(403);
  }
  const parsed = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return plainAnswer(400);

  const [{ rows, truncated }, t] = await Promise.all([exportAuditEvents(viewer, parsed.filters, ip), getTranslations('auditTrail.csv')]);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(auditCsv(rows, (column) => t(column)), {
    headers: {
      ...NO_STORE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-trail-${stamp}.csv"`,
      ...(truncated ? { 'X-Truncated': 'true' } : {}),
    },
  });
}
