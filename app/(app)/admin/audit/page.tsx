import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { AUDIT_EXPORT_LIMIT, auditPeople, listAuditEvents } from '@/db/queries/audit-trail';
import { decodeCursor, encodeCursor, filtersQuery, parseAuditFilters } from '@/lib/audit-filters';
import { AuditFiltersForm } from '@/components/audit/audit-filters-form';
import { AuditTable } from '@/components/audit/audit-table';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import { formatNumber } from '@/lib/i18n/format';
import { EmptyState } from '@/components/ui/data-table';

type Params = Record<string, string | string[] | undefined>;

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requirePermission('audit:read');
  const params = await searchParams;
  const parsed = parseAuditFilters(params);
  const after = decodeCursor(params.after);
  const [t, fmt, people, page] = await Promise.all([
    getTranslations('auditTrail'),
    getFormatLocale(),
    auditPeople(viewer),
    parsed.ok ? listAuditEvents(viewer, parsed.filters, after) : null,
  ]);
  const query = parsed.ok ? filtersQuery(parsed.filters) : '';

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-700">{t('intro')} {t('timezone')}</p>
      <AuditFiltersForm raw={parsed.raw} errors={parsed.ok ? {} : parsed.fieldErrors} people={people} />
      {!page ? (
        <p role="status" className="rounded border border-red-300 bg-red-50 p-4 text-red-800">{t('fixFilters')}</p>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <a href={`/admin/audit/csv${query ? `?${query}` : ''}`} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" data-testid="audit-export">
              {t('export')}
            </a>
            <span className="text-slate-600">{t('exportLimit', { limit: formatNumber(AUDIT_EXPORT_LIMIT, fmt) })}</span>
          </p>
          {page.rows.length === 0 ? (
            <EmptyState>{t('none')}</EmptyState>
          ) : (
            <AuditTable rows={page.rows} />
          )}
          <nav className="flex gap-4 text-sm" aria-label={t('title')}>
            {after && <Link href={`/admin/audit${query ? `?${query}` : ''}`} className="text-brand-700 underline">{t('newest')}</Link>}
            {page.next && (
              <Link href={`/admin/audit?${filtersQuery(parsed.ok ? parsed.filters : {}, { after: encodeCursor(page.next) })}`} className="text-brand-700 underline" data-testid="audit-older">
                {t('older')}
              </Link>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
