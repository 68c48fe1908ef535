import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { clientIp } from '@/lib/auth/request-info';
import { can } from '@/lib/policy';
import { isLocale } from '@/lib/i18n/locale';
import { getCase } from '@/db/queries/case-read';
import { getEditOptions, getRecordingOptions } from '@/db/queries/case-edit-options';
import { NotFoundError } from '@/lib/errors';
import { formatDate } from '@/lib/i18n/format';
import { CaseOverview } from '@/components/cases/case-overview';
import { CaseStatusPanel } from '@/components/cases/case-status-panel';
import { CaseLocations } from '@/components/cases/case-locations';
import { CaseSuspects } from '@/components/cases/case-suspects';
import { CaseVictims } from '@/components/cases/case-victims';
import { CaseTimeline } from '@/components/cases/case-timeline';
import { CaseTeam, type TeamControls } from '@/components/cases/case-team';
import { getTeamOptions } from '@/db/queries/case-team-options';
import {
  addMemberAction, removeMemberAction, setLeadAction, shareAgencyAction, shareLiaisonAction, withdrawAgencyAction, withdrawLiaisonAction,
} from './actions';
import { CaseProsecutions } from '@/components/cases/case-prosecutions';
import { enumOptions } from '@/components/cases/field-specs';
import type { CaseEditing, CaseRecording } from '@/components/cases/editing';
import {
  archiveCaseAction, moveStatusAction, recordArrestAction, removeChildAction, restoreCaseAction, saveLocationAction, saveServiceAction,
  saveSuspectAction, saveVictimAction, updateBasicsAction,
} from './actions';
import { saveHearingAction, saveProsecutionAction } from './actions';
import { getFormatLocale } from '@/lib/i18n/format-locale';

const TEAM_ACTIONS: TeamControls['actions'] = {
  setLead: setLeadAction, addMember: addMemberAction, removeMember: removeMemberAction, shareAgency: shareAgencyAction,
  withdrawAgency: withdrawAgencyAction, shareLiaison: shareLiaisonAction, withdrawLiaison: withdrawLiaisonAction,
};

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
  const fmt = await getFormatLocale();

  // Edit controls only for those who may edit, and never on an archived case; liaison
  // officers read. Every action checks role, scope and version again on the server.
  let editing: CaseEditing | null = null;
  if (can(viewer, 'cases:edit') && !found.archivedAt) {
    editing = {
      caseId: found.id,
      options: await getEditOptions(viewer, isLocale(locale) ? locale : 'en'),
      enums: enumOptions({ priority: (k) => tPriority(k as never), sex: (k) => t(`sex.${k}` as never), suspectStatus: (k) => t(`suspectStatus.${k}` as never) }),
      actions: {
        updateBasics: updateBasicsAction,
        saveLocation: saveLocationAction,
        saveSuspect: saveSuspectAction,
        saveVictim: saveVictimAction,
        saveService: saveServiceAction,
        removeChild: removeChildAction,
      },
    };
  }

  // Quick actions of the police and the courts: liaison officers too, on a shared case.
  let recording: CaseRecording | null = null;
  if (can(viewer, 'cases:record-arrest') && !found.archivedAt) {
    recording = {
      caseId: found.id,
      options: await getRecordingOptions(viewer, isLocale(locale) ? locale : 'en'),
      actions: { recordArrest: recordArrestAction },
    };
    if (can(viewer, 'cases:record-prosecution')) {
      recording.actions.saveProsecution = saveProsecutionAction;
      recording.actions.saveHearing = saveHearingAction;
    }
  }

  // Team and sharing controls: managers, on a live case.
  let team: TeamControls | null = null;
  if ((can(viewer, 'cases:assign') || can(viewer, 'cases:share')) && !found.archivedAt) {
    team = { options: await getTeamOptions(viewer, isLocale(locale) ? locale : 'en'), actions: TEAM_ACTIONS };
  }

  return (
    <article className="space-y-6">
      <Link href="/cases" className="text-sm text-brand-700 underline">← {t('back')}</Link>
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{found.reference}</p>
        <h1 className="text-2xl font-semibold">{found.title}</h1>
        {can(viewer, 'audit:read') && <Link href={`/cases/${found.id}/access`} className="text-sm text-brand-700 underline">{t('accessLog')}</Link>}
      </header>
      {found.archivedAt && (
        <div role="status" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-amber-950" data-testid="archived-banner">
          <p className="font-semibold">{t('archived')}</p>
          <p>{t('archivedBanner')}</p>
          <p>{t('archivedOn', { date: formatDate(found.archivedAt.toISOString().slice(0, 10), fmt) })}</p>
          {found.archiveReason && <p>{t('archiveReasonLabel')}: {found.archiveReason}</p>}
        </div>
      )}
      <CaseOverview found={found} editing={editing} />
      <CaseTeam found={found} viewer={viewer} controls={team} />
      <CaseStatusPanel found={found} viewer={viewer} actions={{ moveStatus: moveStatusAction, archive: archiveCaseAction, restore: restoreCaseAction }} />
      <CaseLocations found={found} editing={editing} />
      <CaseSuspects found={found} editing={editing} recording={recording} />
      <CaseProsecutions found={found} recording={recording} />
      <CaseVictims found={found} editing={editing} />
      <CaseTimeline found={found} />
    </article>
  );
}
