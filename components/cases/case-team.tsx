import { getLocale, getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/db/queries/case-read';
import type { TeamOptions } from '@/db/queries/case-team-options';
import type { ActionResult } from '@/lib/actions/validated-action';
import { can, caseScope, type Viewer } from '@/lib/policy';
import { CaseCommand } from './case-command';
import { Item, Section } from './section';

type Action = (raw: unknown) => Promise<ActionResult<unknown>>;

/** What a manager needs to change the team and the shares; absent for everyone else and on archived cases. */
export type TeamControls = {
  options: TeamOptions;
  actions: Record<'setLead' | 'addMember' | 'removeMember' | 'shareAgency' | 'withdrawAgency' | 'shareLiaison' | 'withdrawLiaison', Action>;
};

type Member = CaseDetail['team'][number];

/**
 * Who leads and works on the case and who it is shared with, for everyone who reads it
 * (liaison officers get the lead and the agencies only, from the data layer). A liaison
 * officer may see the case both through their agency and by name: the manager is told so
 * beside each share, since withdrawing one leaves the other.
 */
export async function CaseTeam({ found, viewer, controls }: { found: CaseDetail; viewer: Viewer; controls: TeamControls | null }) {
  const [t, tCase, locale] = await Promise.all([getTranslations('caseTeam'), getTranslations('case'), getLocale()]);
  const km = locale === 'km';
  const agencyLabel = (a: { name: string | null; nameKm: string | null }) => (km && a.nameKm) || a.name || '?';
  const person = (m: Member) => (m.active ? m.name : t('deactivated', { name: m.name }));
  const base = { caseId: found.id };
  const mayAssign = Boolean(controls) && can(viewer, 'cases:assign');
  const mayShare = Boolean(controls) && can(viewer, 'cases:share');
  const staffView = caseScope(viewer) !== 'shared';

  const memberIds = new Set([found.lead?.userId, ...found.team.map((m) => m.userId), ...found.liaisons.map((m) => m.userId)]);
  const sharedIds = new Set(found.sharedAgencies.map((a) => a.id));
  const namedOf = (agencyId: string) => found.liaisons.filter((l) => l.agencyId === agencyId);
  const staffChoices = controls?.options.staff.map((s) => ({ value: s.value, label: `${s.label} (${t(`roles.${s.role}`)})` })) ?? [];

  const list = 'mt-1 space-y-2';
  const row = 'flex flex-wrap items-start gap-2';

  return (
    <Section id="team" title={t('title')}>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2" data-testid="case-team">
        <Item label={tCase('lead')}>
          <div className={row}>
            <span data-testid="case-lead">{found.lead ? person(found.lead) : tCase('none')}</span>
            {mayAssign && (
              <CaseCommand action={controls!.actions.setLead} payload={{ ...base, version: found.version }} testId="change-lead"
                label={t('changeLead')} pendingLabel={t('saving')}
                input={{ name: 'userId', label: t('newLead'), type: 'select', options: staffChoices.filter((s) => s.value !== found.lead?.userId) }}
                hint={found.lead ? t('changeLeadHint', { name: found.lead.name }) : undefined} />
            )}
          </div>
        </Item>

        {staffView && (
          <Item label={tCase('team')}>
            {found.team.length === 0 && <p>{tCase('none')}</p>}
            <ul className={list}>
              {found.team.map((m) => (
                <li key={m.userId} className={row} data-testid="team-member">
                  <span>{person(m)}</span>
                  {mayAssign && (
                    <CaseCommand action={controls!.actions.removeMember} payload={{ ...base, userId: m.userId }}
                      label={t('remove')} ariaLabel={t('removeLabel', { name: m.name })} pendingLabel={t('saving')}
                      confirmLabel={t('confirmRemove')} hint={t('removeHint', { name: m.name })} />
                  )}
                </li>
              ))}
            </ul>
            {mayAssign && (
              <div className="mt-2">
                <CaseCommand action={controls!.actions.addMember} payload={base} testId="add-member"
                  label={t('addMember')} pendingLabel={t('saving')}
                  input={{ name: 'userId', label: t('investigator'), type: 'select', options: staffChoices.filter((s) => !memberIds.has(s.value)) }} />
              </div>
            )}
          </Item>
        )}

        <Item label={tCase('sharedWith')}>
          {found.sharedAgencies.length === 0 && <p>{tCase('none')}</p>}
          <ul className={list}>
            {found.sharedAgencies.map((a) => {
              const named = namedOf(a.id);
              const stays = named.length ? t('namedKeepAccess', { names: named.map((l) => l.name).join(', ') }) : null;
              return (
                <li key={a.id} data-testid="shared-agency">
                  <div className={row}>
                    <span>{agencyLabel(a)}</span>
                    {mayShare && (
                      <CaseCommand action={controls!.actions.withdrawAgency} payload={{ ...base, agencyId: a.id }}
                        label={t('withdraw')} ariaLabel={t('withdrawAgencyLabel', { agency: agencyLabel(a) })} pendingLabel={t('saving')}
                        confirmLabel={t('confirmWithdraw')} hint={[t('withdrawAgencyHint'), stays].filter(Boolean).join(' ')} />
                    )}
                  </div>
                  {staffView && stays && <p className="text-sm text-amber-800">{stays}</p>}
                </li>
              );
            })}
          </ul>
          {mayShare && (
            <div className="mt-2">
              <CaseCommand action={controls!.actions.shareAgency} payload={base} testId="share-agency"
                label={t('shareAgency')} pendingLabel={t('saving')}
                input={{ name: 'agencyId', label: t('agency'), type: 'select', options: controls!.options.agencies.filter((a) => !sharedIds.has(a.value)) }} />
            </div>
          )}
        </Item>

        {staffView && (
          <Item label={tCase('liaisons')}>
            {found.liaisons.length === 0 && <p>{tCase('none')}</p>}
            <ul className={list}>
              {found.liaisons.map((l) => {
                const viaAgency = l.agencyId && sharedIds.has(l.agencyId) ? t('alsoViaAgency', { agency: agencyLabel({ name: l.agencyName, nameKm: l.agencyNameKm }) }) : null;
                return (
                  <li key={l.userId} data-testid="named-liaison">
                    <div className={row}>
                      <span>{person(l)}{l.agencyName && ` (${agencyLabel({ name: l.agencyName, nameKm: l.agencyNameKm })})`}</span>
                      {mayShare && (
                        <CaseCommand action={controls!.actions.withdrawLiaison} payload={{ ...base, userId: l.userId }}
                          label={t('withdraw')} ariaLabel={t('withdrawLiaisonLabel', { name: l.name })} pendingLabel={t('saving')}
                          confirmLabel={t('confirmWithdraw')} hint={viaAgency ? `${t('withdrawLiaisonHint')} ${viaAgency}` : t('withdrawLiaisonHint')} />
                      )}
                    </div>
                    {viaAgency && <p className="text-sm text-amber-800">{viaAgency}</p>}
                  </li>
                );
              })}
            </ul>
            {mayShare && (
              <div className="mt-2">
                <CaseCommand action={controls!.actions.shareLiaison} payload={base} testId="share-liaison"
                  label={t('shareLiaison')} pendingLabel={t('saving')}
                  input={{ name: 'userId', label: t('liaisonOfficer'), type: 'select', options: controls!.options.liaisons.filter((l) => !memberIds.has(l.value)) }} />
              </div>
            )}
          </Item>
        )}

        {!staffView && (
          <Item label={t('yourAccess')}>
            <YourAccess found={found} viewer={viewer} t={t} agencyLabel={agencyLabel} />
          </Item>
        )}
      </dl>
    </Section>
  );
}

/** A liaison officer's own view: by name, through their agency, or both. */
function YourAccess({ found, viewer, t, agencyLabel }: {
  found: CaseDetail;
  viewer: Viewer;
  t: Awaited<ReturnType<typeof getTranslations<'caseTeam'>>>;
  agencyLabel: (a: { name: string | null; nameKm: string | null }) => string;
}) {
  const named = found.liaisons.some((l) => l.userId === viewer.userId);
  const agency = found.sharedAgencies.find((a) => a.id === viewer.agencyId);
  return (
    <ul className="mt-1 list-disc pl-5">
      {named && <li>{t('accessNamed')}</li>}
      {agency && <li>{t('accessAgency', { agency: agencyLabel(agency) })}</li>}
    </ul>
  );
}
