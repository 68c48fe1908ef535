import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/db/queries/case-read';
import { formatDate } from '@/lib/i18n/format';
import { StatusBadge } from './status-badge';
import { Item, Section } from './section';
import { EditForm } from './edit-form';
import { basicsFields, formValues } from './field-specs';
import type { CaseEditing } from './editing';
import { getFormatLocale } from '@/lib/i18n/format-locale';

export async function CaseOverview({ found, editing }: { found: CaseDetail; editing: CaseEditing | null }) {
  const [t, tEdit, tPriority, tLife, locale] = await Promise.all([
    getTranslations('case'), getTranslations('caseEdit'), getTranslations('priority'), getTranslations('lifecycle'), getLocale(),
  ]);
  const fmt = await getFormatLocale();
  const km = locale === 'km';
  const date = (d: string | null) => (d ? formatDate(d, fmt) : t('none'));
  const fields = editing ? basicsFields(editing.options, editing.enums) : [];

  return (
    <Section
      id="overview"
      title={t('overview')}
      actions={editing && (
        <EditForm form="basics" fields={fields} values={formValues(found, fields)} target={{ caseId: found.id, version: found.version }}
          action={editing.actions.updateBasics} openLabel={tEdit('edit')} openAriaLabel={tEdit('editLabel', { what: tEdit('what.basics') })} testId="edit-basics" />
      )}
    >
      {found.summary && <p className="mb-3 whitespace-pre-line text-slate-800" data-testid="case-summary">{found.summary}</p>}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-3">
        <Item label={t('status')}><span data-testid="case-status"><StatusBadge status={found.status} /></span></Item>
        {found.closeReason && <Item label={t('closeReason')}>{tLife(`closeReasons.${found.closeReason}`)}</Item>}
        <Item label={t('offence')}>{km ? found.offenceKm : found.offenceEn}</Item>
        <Item label={t('priority')}>{tPriority(found.priority)}</Item>
        <Item label={t('channel')}>{t(`channels.${found.reportChannel}`)}</Item>
        <Item label={t('reported')}>{date(found.reportedOn)}</Item>
        <Item label={t('opened')}>{date(found.openedOn)}</Item>
        <Item label={t('offencePeriod')}>
          {found.offenceFrom || found.offenceTo ? t('offencePeriodRange', { from: date(found.offenceFrom), to: date(found.offenceTo) }) : t('none')}
        </Item>
        {found.closedAt && <Item label={t('closedOn')}>{date(found.closedAt.toISOString().slice(0, 10))}</Item>}
        <Item label={t('updated')}>{date(found.updatedAt.toISOString().slice(0, 10))}</Item>
      </dl>
    </Section>
  );
}
