import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { clientIp } from '@/lib/auth/request-info';
import { getCase } from '@/db/queries/investigations';
import { NotFoundError } from '@/lib/errors';
import { StatusBadge } from '@/components/cases/status-badge';
import { formatDate } from '@/lib/i18n/format';

async function loadCase(...args: Parameters<typeof getCase>) {
  try {
    return await getCase(...args);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('cases:read');
  const { id } = await params;
  const found = await loadCase(viewer, id, clientIp(await headers()));
  const [t, tPriority, locale] = await Promise.all([getTranslations('case'), getTranslations('priority'), getLocale()]);
  const km = locale === 'km';

  return (
    <article className="space-y-6">
      <Link href="/cases" className="text-sm text-brand-700 underline">← {t('back')}</Link>
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{found.reference}</p>
        <h1 className="text-2xl font-semibold">{found.title}</h1>
        {found.archivedAt && <p className="text-sm font-medium text-amber-800">{t('archived')}</p>}
      </header>

      <section aria-labelledby="overview" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="overview" className="mb-3 text-lg font-semibold">{t('overview')}</h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-3">
          <Item label={t('status')}><StatusBadge status={found.status} /></Item>
          <Item label={t('offence')}>{km ? found.offenceKm : found.offenceEn}</Item>
          <Item label={t('priority')}>{tPriority(found.priority)}</Item>
          <Item label={t('reported')}>{formatDate(found.reportedOn, locale)}</Item>
          <Item label={t('opened')}>{formatDate(found.openedOn, locale)}</Item>
          <Item label={t('suspects')}>{found.suspectCount} ({t('arrested')}: {found.arrestedCount})</Item>
          <Item label={t('victims')}>{found.victimCount}</Item>
        </dl>
      </section>

      <section aria-labelledby="locations" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="locations" className="mb-3 text-lg font-semibold">{t('locations')}</h2>
        {found.locations.length === 0 ? (
          <p className="text-slate-600">{t('noLocations')}</p>
        ) : (
          <ul className="space-y-1">
            {found.locations.map((l) => (
              <li key={l.id}>
                {km ? l.provinceKm : l.provinceEn}, {l.district}
                {l.commune ? `, ${l.commune}` : ''}
                {l.occurredOn ? ` — ${formatDate(l.occurredOn, locale)}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
