import { getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/db/queries/case-read';
import type { ActionResult } from '@/lib/actions/validated-action';
import { can, type Viewer } from '@/lib/policy';
import { CLOSE_REASONS } from '@/lib/vocabulary';
import { closeReasonFromProsecutions, DECIDED_PROSECUTION_STATUSES, MOVE_PERMISSION, moveTarget, REOPEN_REASONS } from '@/lib/lifecycle';
import { CaseCommand } from './case-command';
import { Section } from './section';

type Action = (raw: unknown) => Promise<ActionResult<unknown>>;

/**
 * The explicit lifecycle moves open to this viewer, and archiving. Only what the role
 * allows is offered; the server checks again (role, scope and version) whatever is sent.
 */
export async function CaseStatusPanel({ found, viewer, actions }: {
  found: CaseDetail;
  viewer: Viewer;
  actions: { moveStatus: Action; archive: Action; restore: Action };
}) {
  const [t, tStatus] = await Promise.all([getTranslations('lifecycle'), getTranslations('caseStatus')]);
  const base = { caseId: found.id, version: found.version };
  const archived = Boolean(found.archivedAt);
  const next = moveTarget(found.status, 'advance');
  const may = (move: keyof typeof MOVE_PERMISSION) => !archived && can(viewer, MOVE_PERMISSION[move]) && moveTarget(found.status, move) !== null;

  // Once every prosecution is decided, closing with the matching reason is one click away.
  const suggested = closeReasonFromProsecutions(found.prosecutions.map((p) => p.status));

  const commands = [
    may('close') && suggested && (
      <CaseCommand key="close-suggested" action={actions.moveStatus} payload={{ ...base, move: 'close', closeReason: suggested }} testId="close-suggested"
        label={t(`closeAs.${suggested as (typeof DECIDED_PROSECUTION_STATUSES)[number]}`)} pendingLabel={t('closing')} hint={t('closeAsHint')} />
    ),
    may('advance') && next && (
      <CaseCommand key="advance" action={actions.moveStatus} payload={{ ...base, move: 'advance' }} testId="advance-status"
        label={t('advance', { status: tStatus(next) })} pendingLabel={t('advancing')} />
    ),
    may('close') && (
      <CaseCommand key="close" action={actions.moveStatus} payload={{ ...base, move: 'close' }} testId="close-case"
        label={t('close')} pendingLabel={t('closing')}
        input={{ name: 'closeReason', label: t('closeReason'), type: 'select', options: CLOSE_REASONS.map((r) => ({ value: r, label: t(`closeReasons.${r}`) })) }} />
    ),
    may('reopen') && (
      <CaseCommand key="reopen" action={actions.moveStatus} payload={{ ...base, move: 'reopen' }} testId="reopen-case"
        label={t('reopen')} pendingLabel={t('reopening')}
        input={{ name: 'reopenReason', label: t('reopenReason'), type: 'select', options: REOPEN_REASONS.map((r) => ({ value: r, label: t(`reopenReasons.${r}`) })) }} />
    ),
    can(viewer, 'cases:archive') && !archived && (
      <CaseCommand key="archive" action={actions.archive} payload={base} testId="archive-case" label={t('archive')} pendingLabel={t('archiving')}
        hint={t('archiveHint')} input={{ name: 'reason', label: t('archiveReason'), type: 'textarea' }} />
    ),
    can(viewer, 'cases:archive') && archived && (
      <CaseCommand key="restore" action={actions.restore} payload={base} testId="restore-case" label={t('restore')} pendingLabel={t('restoring')} />
    ),
  ].filter(Boolean);

  if (commands.length === 0) return null;
  return (
    <Section id="status-actions" title={t('title')}>
      <div className="flex flex-wrap items-start gap-2">{commands}</div>
    </Section>
  );
}
