import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { can } from '@/lib/policy';
import { isLocale } from '@/lib/i18n/locale';
import { REPORT_SECTIONS } from '@/lib/validation/annual-report';
import { EditForm, type FieldSpec } from '@/components/cases/edit-form';
import { CaseCommand } from '@/components/cases/case-command';
import { ReportBody } from '@/components/reports/report-body';
import { PrintButton } from '@/components/reports/print-button';
import { loadReport, parseYear } from './load';
import { publishReportAction, saveReportDraftAction, startReportAction } from './actions';
import { EmptyState } from '@/components/ui/data-table';

const FIELDS: FieldSpec[] = REPORT_SECTIONS.map((name) => ({ name, type: 'textarea', wide: true }));

export default async function ReportPage({ params, searchParams }: {
  params: Promise<{ year: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const viewer = await requirePermission('reports:read');
  const year = parseYear((await params).year);
  if (year === null) notFound();
  const [t, rawLocale] = await Promise.all([getTranslations('reports'), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const asked = (await searchParams).version;
  const { versions, report, content } = await loadReport(viewer, year, asked, locale);
  if (asked && !report) notFound();
  const { draft, published } = versions;
  const mayWrite = can(viewer, 'reports:write');
  const query = report ? `version=${report.status === 'draft' ? 'draft' : report.versionNo}` : '';
  const link = 'rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100';

  return (
    <div className="space-y-4">
      <div className="space-y-3 print:hidden">
        <Link href="/reports" className="text-sm text-brand-700 underline">← {t('listTitle')}</Link>
        <h1 className="text-2xl font-semibold">{t('title', { year })}</h1>

        {(draft || published.length > 0) && (
          <nav aria-label={t('versions')} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{t('versions')}:</span>
            {[...(draft ? [draft] : []), ...published].map((v) => {
              const current = v.id === report?.id;
              return (
                <Link key={v.id} href={`/reports/${year}?version=${v.status === 'draft' ? 'draft' : v.versionNo}`} aria-current={current ? 'page' : undefined}
                  className={`rounded px-2 py-1 ${current ? 'bg-brand-700 text-white' : 'text-brand-700 underline'}`}>
                  {t('versionLink', { versionNo: v.versionNo, status: t(v.status) })}
                </Link>
              );
            })}
          </nav>
        )}

        <div className="flex flex-wrap items-start gap-2">
          {report && (
            <>
              <a className={link} href={`/reports/${year}/pdf?${query}&lang=en`} download>{t('pdfEn')}</a>
              <a className={link} href={`/reports/${year}/pdf?${query}&lang=km`} download>{t('pdfKm')}</a>
              <a className={link} href={`/reports/${year}/xlsx?${query}&lang=${locale}`} download>{t('xlsx')}</a>
              <PrintButton label={t('print')} />
            </>
          )}
          {mayWrite && report?.status === 'draft' && (
            <>
              {can(viewer, 'reports:publish') && (
                <CaseCommand action={publishReportAction} payload={{ id: report.id, version: report.version }} testId="publish-report"
                  label={t('publish')} pendingLabel={t('publishing')} confirmLabel={t('publishConfirm', { versionNo: report.versionNo })} hint={t('publishHint')} />
              )}
            </>
          )}
          {mayWrite && !draft && (
            <CaseCommand action={startReportAction} payload={{ year }} testId="start-report"
              label={published.length ? t('correct') : t('start', { year })} pendingLabel={t('starting')}
              confirmLabel={published.length ? t('correctConfirm', { versionNo: (published[0]?.versionNo ?? 0) + 1 }) : t('start', { year })}
              hint={published.length ? t('correctHint') : undefined} />
          )}
        </div>
        {mayWrite && report?.status === 'draft' && (
          <EditForm form="report" fields={FIELDS} values={Object.fromEntries(REPORT_SECTIONS.map((k) => [k, report.sections[k] ?? '']))}
            target={{ year, id: report.id, version: report.version }} action={saveReportDraftAction} openLabel={t('editText')} testId="edit-report" />
        )}
      </div>

      {content ? <ReportBody content={content} emptyText={t('empty')} /> : (
        <EmptyState>{t('noReport', { year })}</EmptyState>
      )}
    </div>
  );
}
