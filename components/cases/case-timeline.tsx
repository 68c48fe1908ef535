import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/db/queries/case-read';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { CASE_STATUSES, CLOSE_REASONS, HEARING_KINDS, PROSECUTION_STATUSES } from '@/lib/vocabulary';
import { REOPEN_REASONS } from '@/lib/lifecycle';
import { Section } from './section';
import { getFormatLocale } from '@/lib/i18n/format-locale';

type Event = CaseDetail['timeline'][number];
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const VICTIM_CODE = /^V-\d{4}-\d{4}-\d+$/;

/**
 * The case's history, newest first. Each entry is rendered from its kind and the codes in
 * its data (statuses, reasons, agency, the child's pseudonymous code, field names); any
 * other value in the data, free text included, is never shown.
 */
export async function CaseTimeline({ found }: { found: CaseDetail }) {
  const [t, tStatus, tLife, tFields, tPros, fmt, locale] = await Promise.all([
    getTranslations('timeline'), getTranslations('caseStatus'), getTranslations('lifecycle'), getTranslations('caseEdit.fields'),
    getTranslations('prosecutions'), getFormatLocale(), getLocale(),
  ]);
  // Agencies have a Khmer name where an admin gave one; the English one otherwise.
  const agency = (e: Event) => (locale === 'km' && e.agencyNameKm) || e.agencyName || '?';
  const time = { format: (at: Date) => formatDateTime(at, fmt) };

  function describe(e: Event): string {
    const d = e.data ?? {};
    const status = (s: unknown) => (isOneOf(CASE_STATUSES, s) ? tStatus(s) : '?');
    const reason = (r: unknown) =>
      isOneOf(CLOSE_REASONS, r) ? tLife(`closeReasons.${r}`) : isOneOf(REOPEN_REASONS, r) ? tLife(`reopenReasons.${r}`) : null;
    // No code for those who see children only as counts (the read leaves it out for them).
    const code = typeof d.code === 'string' && VICTIM_CODE.test(d.code) ? d.code : '—';
    const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, fmt) : '?');
    const prosecution = (s: unknown) => (isOneOf(PROSECUTION_STATUSES, s) ? tPros(`statuses.${s}`) : '?');
    const hearing = (k: unknown) => (isOneOf(HEARING_KINDS, k) ? tPros(`hearingKinds.${k}`) : '?');
    const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0);
    const sentence = [count(d.sentenceYears) && tPros('years', { count: count(d.sentenceYears) }), count(d.sentenceMonths) && tPros('months', { count: count(d.sentenceMonths) })]
      .filter(Boolean).join(' ');
    switch (e.kind) {
      case 'status_changed': {
        if (d.move === 'auto' && (d.cause === 'arrest' || d.cause === 'charge')) {
          return t('kinds.status_changed_auto', { from: status(d.from), to: status(d.to), cause: t(`causes.${d.cause}`) });
        }
        const why = reason(d.reason);
        return why ? t('kinds.status_changed_reason', { from: status(d.from), to: status(d.to), reason: why }) : t('kinds.status_changed', { from: status(d.from), to: status(d.to) });
      }
      case 'case_closed':
        return t('kinds.case_closed', { reason: reason(d.reason) ?? '?' });
      case 'shared_with_agency':
        return t('kinds.shared_with_agency', { agency: agency(e) });
      case 'agency_share_withdrawn':
        return t('kinds.agency_share_withdrawn', { agency: agency(e) });
      case 'lead_changed': case 'member_added': case 'member_removed': case 'shared_with_liaison': case 'liaison_share_withdrawn':
        return t(`kinds.${e.kind}`, { name: e.userName ?? t('someone') });
      case 'suspect_arrested': case 'arrest_corrected':
        return t(`kinds.${e.kind}`, { date: typeof d.arrestedOn === 'string' ? formatDate(d.arrestedOn, fmt) : '?' });
      case 'prosecution_filed':
        return d.status ? t('kinds.prosecution_filed_status', { status: prosecution(d.status) }) : t('kinds.prosecution_filed');
      case 'prosecution_updated':
        return t('kinds.prosecution_updated', { status: prosecution(d.status) });
      case 'verdict_recorded':
        return sentence ? t('kinds.verdict_recorded_sentence', { status: prosecution(d.status), sentence }) : t('kinds.verdict_recorded_status', { status: prosecution(d.status) });
      case 'hearing_added': case 'hearing_updated':
        return t(`kinds.${e.kind}`, { kind: hearing(d.hearingKind), date: date(d.heldOn) });
      case 'victim_added': case 'victim_updated': case 'victim_removed': case 'service_added': case 'service_updated':
        return t(`kinds.${e.kind}`, { code });
      case 'case_opened': case 'case_archived': case 'case_restored': case 'case_updated':
      case 'location_added': case 'location_updated': case 'location_removed': case 'suspect_added': case 'suspect_updated':
      case 'suspect_removed': case 'service_removed':
        return t(`kinds.${e.kind}`);
      default:
        return t('kinds.other');
    }
  }

  function changed(e: Event): string | null {
    const fields = Array.isArray(e.data?.fields) ? (e.data.fields as unknown[]).filter((f): f is string => typeof f === 'string') : [];
    const labels = fields.map((f) => {
      const key = f as Parameters<typeof tFields>[0];
      return tFields.has(key) ? tFields(key) : null;
    }).filter(Boolean);
    return labels.length ? t('fields', { fields: labels.join(', ') }) : null;
  }

  return (
    <Section id="timeline" title={t('title')}>
      {found.timeline.length === 0 ? (
        <p className="text-slate-600">{t('empty')}</p>
      ) : (
        <ol className="space-y-2" data-testid="timeline">
          {found.timeline.map((e) => {
            const fields = changed(e);
            return (
              <li key={e.id} className="border-l-2 border-slate-200 pl-3" data-kind={e.kind}>
                <p className="font-medium">{describe(e)}</p>
                {fields && <p className="text-sm text-slate-700">{fields}</p>}
                <p className="text-xs text-slate-500">
                  <time dateTime={e.at.toISOString()}>{time.format(e.at)}</time> · {t('by', { name: e.actorName ?? t('someone') })}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
