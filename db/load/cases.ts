import { randomUUID } from 'node:crypto';
import { caseSummary, caseTitle, channelFor, describeVictims, OFFENCE_BY_RELATIONSHIP, placeFor, victimProfile } from '../seed/case-texts';
import { addDays, at, dayOf, daysInYear, type Day } from '../seed/dates';
import { GEOGRAPHY } from '../seed/geography';
import { provincialPoliceId } from '../seed/organisation';
import type { Rng } from '../seed/random';
import type { ChargeCode, OffenceTypeCode, RelationshipCode, ServiceTypeCode } from '../reference/lists';
import type { CaseStatus, CloseReason, ProsecutionStatus, Sex, SuspectStatus } from '../../lib/vocabulary';
import { suspectIdentity, victimIdentity } from './identity';
import type { LoadBuffers } from './tables';
import type { LoadStaff } from './organisation';

// One generated investigation with its parties, in the proportions of the demo data
// (per case: ~1.05 suspects, ~1.2 victims, ~2.8 services, ~1.1 offence locations,
// ~0.75 prosecutions, ~2.1 members, ~0.47 shares), written into the COPY buffers.

type Outcome = { status: CaseStatus; closeReason: CloseReason | null };

const OLD_OUTCOMES = {
  'closed:convicted': 46, 'closed:acquitted': 3, 'closed:dismissed': 3, 'closed:referred_elsewhere': 3, 'closed:suspect_deceased': 1,
  'closed:no_further_action': 6, 'closed:unfounded': 5, 'closed:victim_withdrew': 4, 'closed:unresolved': 9,
  referred_to_court: 13, suspect_arrested: 4, suspect_identified: 1.5, under_investigation: 1, reported: 0.5,
} as const;
const RECENT_OUTCOMES = {
  'closed:convicted': 15, 'closed:unfounded': 5, 'closed:victim_withdrew': 3, 'closed:unresolved': 3, 'closed:no_further_action': 4,
  referred_to_court: 28, suspect_arrested: 17, suspect_identified: 9, under_investigation: 11, reported: 5,
} as const;

const ARRESTED_RELATIONSHIPS: Partial<Record<RelationshipCode, number>> = {
  neighbour: 22, father: 16, stepfather: 8, stranger: 7, uncle_aunt: 6, family_friend: 6, partner: 6, other_relative: 5,
  sibling: 4, grandparent: 4, online_contact: 4, teacher: 3, employer: 3, religious_figure: 2, other: 2, mother: 1, unknown: 1,
};
const ACCOMPLICE: Partial<Record<RelationshipCode, number>> = { stranger: 30, family_friend: 15, other: 15, employer: 10, online_contact: 10, neighbour: 10, unknown: 10 };
const UNIDENTIFIED: Partial<Record<RelationshipCode, number>> = { stranger: 45, unknown: 40, online_contact: 15 };
const CHARGE_FOR: Record<OffenceTypeCode, ChargeCode> = {
  rape: 'rape', attempted_rape: 'attempted_rape', indecent_assault: 'indecent_act_minor_under_15', online_exploitation: 'csam_production',
  commercial_exploitation: 'purchase_child_prostitution', trafficking: 'child_trafficking', abduction: 'unlawful_removal_minor',
  violence: 'intentional_violence', homicide: 'intentional_murder',
};
const SERVICES: Partial<Record<ServiceTypeCode, number>> = {
  medical: 20, forensic_exam: 15, counselling: 25, shelter: 8, legal_aid: 15, family_support: 10, education: 4, reintegration: 3,
};
const PROVINCE_WEIGHTS = Object.fromEntries(GEOGRAPHY.map((p) => [p.code, p.weight])) as Record<string, number>;
const GEO = new Map(GEOGRAPHY.map((p) => [p.code, p]));
const COMMUNES = ['Boeng Reang', 'Phsar Kandal', 'Chey Chumneah', 'Srah Chak', 'Wat Phnom', 'Kouk Roka', 'Prey Sar', 'Toul Sangke', 'Kakab', 'Samraong'];

const iso = (d: Date) => d.toISOString();

export type CaseContext = { rng: Rng; staff: LoadStaff; out: LoadBuffers; lastYear: number; today: Day };

function outcomeFor(rng: Rng, year: number, lastYear: number): Outcome {
  const key = rng.weighted<string>(lastYear - year >= 2 ? OLD_OUTCOMES : RECENT_OUTCOMES);
  const [status, reason] = key.split(':') as [CaseStatus, CloseReason | undefined];
  return { status, closeReason: reason ?? null };
}

const ARRESTED_STAGES: readonly CaseStatus[] = ['suspect_arrested', 'referred_to_court'];
const COURT_REASONS: readonly (CloseReason | null)[] = ['convicted', 'acquitted', 'dismissed'];

function mainSuspectStatus(rng: Rng, o: Outcome): SuspectStatus | null {
  if (ARRESTED_STAGES.includes(o.status) || COURT_REASONS.includes(o.closeReason)) return 'arrested';
  if (o.closeReason === 'suspect_deceased') return 'deceased';
  if (o.status === 'suspect_identified') return rng.chance(0.5) ? 'wanted' : 'identified';
  if (o.status === 'reported' || o.status === 'under_investigation') return rng.chance(0.3) ? 'unidentified' : null;
  if (o.closeReason === 'unfounded') return null;
  return rng.weighted<SuspectStatus>({ arrested: 40, wanted: 25, identified: 20, unidentified: 15 });
}

function prosecutionStatus(rng: Rng, o: Outcome): ProsecutionStatus | null {
  if (o.closeReason === 'convicted') return rng.chance(0.95) ? 'convicted' : 'appealed';
  if (o.closeReason === 'acquitted') return 'acquitted';
  if (o.closeReason === 'dismissed') return 'dismissed';
  if (o.status === 'referred_to_court') return rng.weighted<ProsecutionStatus>({ charged: 20, pre_trial_detention: 45, on_trial: 35 });
  return null;
}

/** Writes case number `seq` of `year` and everything attached to it. */
export function buildLoadCase(ctx: CaseContext, year: number, seq: number, archived: boolean): void {
  const { rng, staff, out } = ctx;
  const id = randomUUID();
  const openedOn = dayOf(year, rng.int(0, daysInYear(year) - 1));
  const reportedOn = addDays(openedOn, -rng.int(0, 3) * Number(openedOn > `${year}-01-04`));
  const offenceOn = addDays(reportedOn, -rng.int(0, 20));
  const outcome = archived ? { status: 'reported' as const, closeReason: null } : outcomeFor(rng, year, ctx.lastYear);
  const lead = rng.pick(staff.investigators);
  const manager = rng.pick(staff.managers);
  const openedAt = at(openedOn, rng.int(8 * 60, 17 * 60));

  const mainStatus = archived ? null : mainSuspectStatus(rng, outcome);
  const mainRelationship: RelationshipCode | undefined = mainStatus === null ? undefined
    : mainStatus === 'unidentified' ? rng.weighted(UNIDENTIFIED) : rng.weighted(ARRESTED_RELATIONSHIPS);
  const offence = rng.weighted<OffenceTypeCode>(OFFENCE_BY_RELATIONSHIP[mainRelationship ?? 'none']);
  const victimCount = rng.weighted({ 1: 83, 2: 13, 3: 4 });
  const victims = Array.from({ length: Number(victimCount) }, () => victimProfile(rng, offence));

  const provinceCode = rng.weighted(PROVINCE_WEIGHTS);
  const province = GEO.get(provinceCode)!;
  const channel = channelFor(rng, offence);
  const lastChange = outcome.status === 'closed' ? addDays(openedOn, rng.int(60, 700)) : addDays(openedOn, rng.int(1, 90));
  const changedOn = lastChange < ctx.today ? lastChange : ctx.today;
  out.investigations.add([
    id, `CPU-${year}-${String(seq).padStart(4, '0')}`, year, seq, caseTitle(offence, victims, province.name),
    caseSummary(channel, reportedOn, describeVictims(victims), mainRelationship && { relationship: mainRelationship, identified: mainStatus !== 'unidentified' }),
    offence, channel, rng.weighted({ normal: 75, high: 17, urgent: 4, low: 4 }), outcome.status, outcome.closeReason,
    reportedOn, openedOn, offenceOn, offenceOn, outcome.status === 'closed' ? iso(at(changedOn, 15 * 60)) : null,
    lead, lead, iso(openedAt), iso(at(changedOn, 16 * 60)),
    archived ? iso(at(addDays(openedOn, 2), 10 * 60)) : null, archived ? manager : null, archived ? 'Duplicate: the same report was entered twice.' : null,
  ]);

  out.investigationMembers.add([id, lead, 'lead', iso(openedAt), manager]);
  const teammate = rng.pick(staff.investigators);
  if (teammate !== lead) out.investigationMembers.add([id, teammate, 'investigator', iso(openedAt), manager]);
  if (rng.chance(0.47)) {
    const agency = provincialPoliceId(provinceCode);
    out.investigationAgencies.add([id, agency, iso(at(addDays(openedOn, 1), 10 * 60)), manager]);
    const liaison = staff.liaisonByAgency.get(agency);
    if (liaison && rng.chance(0.2)) out.investigationMembers.add([id, liaison, 'liaison', iso(at(addDays(openedOn, 1), 10 * 60)), manager]);
  }

  const places = rng.chance(0.9) ? 1 : 2;
  for (let p = 0; p < places; p++) {
    const geo = p === 0 ? province : GEO.get(rng.weighted(PROVINCE_WEIGHTS))!;
    out.offenceLocations.add([
      randomUUID(), id, geo.code, rng.pick(geo.districts), rng.chance(0.6) ? rng.pick(COMMUNES) : null,
      placeFor(rng, offence, mainRelationship), offenceOn, lead, iso(openedAt), iso(openedAt),
    ]);
  }

  victims.forEach((v, n) => {
    const victimId = randomUUID();
    const who = victimIdentity(rng, victimId, v.sex as Sex, v.age, offenceOn);
    out.victims.add([
      victimId, id, `V-${year}-${String(seq).padStart(4, '0')}-${n + 1}`, who.fullName, who.dateOfBirth, who.contact, who.notes,
      v.sex, v.age, 'Cambodian', lead, iso(openedAt), iso(openedAt),
    ]);
    const services = rng.int(1, 4);
    for (let s = 0; s < services; s++) {
      const started = addDays(openedOn, rng.int(0, 30));
      const ended = rng.chance(0.7) ? addDays(started, rng.int(1, 200)) : null;
      out.victimServices.add([
        randomUUID(), victimId, id, rng.weighted(SERVICES), null, started, ended, lead, iso(at(started, 10 * 60)), iso(at(started, 10 * 60)),
      ]);
    }
  });

  const suspectStatuses: SuspectStatus[] = mainStatus ? [mainStatus] : [];
  if (mainStatus && mainStatus !== 'unidentified' && rng.chance(0.05)) suspectStatuses.push(mainStatus === 'arrested' && rng.chance(0.6) ? 'arrested' : 'wanted');
  let events = 1;
  suspectStatuses.forEach((status, n) => {
    const suspectId = randomUUID();
    const relationship = n === 0 ? mainRelationship! : rng.weighted(ACCOMPLICE);
    const sex: Sex = relationship === 'mother' ? 'female' : rng.chance(0.96) ? 'male' : 'female';
    const who = suspectIdentity(rng, suspectId, sex, status !== 'unidentified');
    const arrestedOn = status === 'arrested' ? addDays(openedOn, rng.int(0, 40)) : null;
    const arrestedDay = arrestedOn && arrestedOn < ctx.today ? arrestedOn : arrestedOn && ctx.today;
    out.suspects.add([
      suspectId, id, who.fullName, who.alias, `{${who.nameTags.join(',')}}`, sex, status === 'unidentified' ? null : rng.int(18, 65), status === 'unidentified' ? null : 'Cambodian',
      relationship, status, arrestedDay, arrestedDay ? provincialPoliceId(provinceCode) : null, arrestedDay ? `${rng.pick(province.districts)}, ${province.name}` : null,
      lead, iso(openedAt), iso(arrestedDay ? at(arrestedDay, 11 * 60) : openedAt),
    ]);
    const court = arrestedDay ? prosecutionStatus(rng, outcome) : null;
    if (!court || !arrestedDay) return;
    const prosecutionId = randomUUID();
    const filedOn = addDays(arrestedDay, rng.int(1, 10));
    const decided = ['convicted', 'acquitted', 'dismissed', 'appealed'].includes(court);
    const verdictOn = decided ? addDays(filedOn, rng.int(60, 500)) : null;
    const convicted = court === 'convicted' || court === 'appealed';
    out.prosecutions.add([
      prosecutionId, id, suspectId, provinceCode, `${String(rng.int(1, 9999)).padStart(4, '0')}/${year}`, court, filedOn, verdictOn,
      convicted ? rng.int(1, 20) : null, convicted ? rng.int(0, 11) : null, lead, iso(at(filedOn, 9 * 60)), iso(at(verdictOn ?? filedOn, 9 * 60)),
    ]);
    out.prosecutionCharges.add([prosecutionId, CHARGE_FOR[offence]]);
    if (rng.chance(0.14)) out.prosecutionCharges.add([prosecutionId, 'domestic_violence']);
    out.hearings.add([randomUUID(), prosecutionId, addDays(filedOn, rng.int(5, 50)), 'questioning', lead, iso(at(filedOn, 9 * 60)), iso(at(filedOn, 9 * 60))]);
    if (verdictOn) out.hearings.add([randomUUID(), prosecutionId, verdictOn, 'verdict', lead, iso(at(verdictOn, 9 * 60)), iso(at(verdictOn, 9 * 60))]);
    events += 1;
  });

  out.caseEvents.add([id, iso(openedAt), lead, 'created', '{}']);
  if (outcome.status !== 'reported') {
    out.caseEvents.add([id, iso(at(addDays(openedOn, 1), 9 * 60)), lead, 'status_changed', JSON.stringify({ from: 'reported', to: outcome.status })]);
    events += 1;
  }
  if (events > 2 || outcome.status === 'closed') out.caseEvents.add([id, iso(at(changedOn, 16 * 60)), lead, 'updated', '{}']);
}
