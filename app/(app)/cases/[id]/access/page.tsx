import Link from 'next/link';
import { headers } from 'next/headers';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/viewer';
import { clientIp } from '@/lib/auth/request-info';
import { caseAccessLog } from '@/db/queries/audit-trail';
import { decodeCursor, encodeCursor } from '@/lib/audit-filters';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { AuditTable } from '@/components/audit/audit-table';

/** "Who accessed this record": managers only (audit:read and the case in scope; administrators see no case). */
export default async function CaseAccessPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ after?: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  const after = decodeCursor((await searchParams).after);
  const ip = clientIp(await headers());
  let log;
  try {
    // The data layer refuses (and audits) other roles, and a case out of scope reads as missing.
    log = await caseAccessLog(viewer, id, after, ip);
  } catch (err) {
    if (err instanceof ForbiddenError) forbidden();
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const t = await getTranslations('accessLog');
  const tTrail = await getTranslations('auditTrail');

  return (
    <div className="space-y-4">
      <Link href={`/cases/${log.caseId}`} className="text-sm text-brand-700 underline">← {t('back')}</Link>
      <h1 className="text-2xl font-semibold">{t('title', { reference: log.reference })}</h1>
      <p className="text-slate-700">{t('intro')} {tTrail('timezone')}</p>
      <p className="text-sm">
        <a href={`/admin/audit/csv?record=${log.caseId}`} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" data-testid="access-export">
          {tTrail('export')}
        </a>
      </p>
      {log.rows.length === 0 ? <p className="text-slate-600">{tTrail('none')}</p> : <AuditTable rows={log.rows} showRecord={false} />}
      <nav className="flex gap-4 text-sm" aria-label={t('link')}>
        {after && <Link href={`/cases/${log.caseId}/access`} className="text-brand-700 underline">{tTrail('newest')}</Link>}
        {log.next && <Link href={`/cases/${log.caseId}/access?after=${encodeURIComponent(encodeCursor(log.next))}`} className="text-brand-700 underline">{tTrail('older')}</Link>}
      </nav>
    </div>
  );
}
