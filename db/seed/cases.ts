import type { CaseStatus, Priority, Sex } from '../../lib/vocabulary';
import { ARCHIVE_REASONS, caseSummary, caseTitle, channelFor, describeVictims, OFFENCE_BY_RELATIONSHIP, placeFor, VICTIM_NOTES, victimProfile } from './case-texts';
import { buildProsecution, chargesFor, prosecutionStatuses, type CaseNumbers } from './court';
import { addDays, at, dayOf, daysBetween, daysInYear, maxDay, minDay, type Day } from './dates';
import { PHNOM_PENH, provinceGeo } from './geography';
import { planLocations, type LocationSlot } from './locations';
import { alias, foreignPerson, khmerName, phone } from './names';
import { AGENCY_IDS, provincialPoliceId } from './organisation';
import { planOutcomes, type CaseOutcome } from './outcomes';
import { stableUuid, type Rng } from './random';
import type { OffenceTypeCode, RelationshipCode } from '../reference/lists';
import { buildServices } from './services';
import { planSuspects, type PlannedSuspect } from './suspect-plan';
import { assignTeam, chooseShares, liaisonMembers, managersOf } from './team';
import { Timeline } from './timeline';
import type { DemoDataset, InvestigationRow, SuspectRow } from './types';
import { DATA_HORIZON, type YearPlan } from './year-plans';

export type BuildContext = { rng: Rng; out: DemoDataset; caseNumbers: CaseNumbers };

const FAMILY: readonly RelationshipCode[] = ['father', 'stepfather', 'mother', 'sibling', 'grandparent', 'uncle_aunt', 'other_relative'];
const GROUP_OFFENCES: readonly OffenceTypeCode[] = ['trafficking', 'commercial_exploitation', 'online_exploitation'];

const SUSPECT_AGE: Record<RelationshipCode, [number, number]> = {
  father: [28, 55], stepfather: [28, 55], mother: [24, 45], sibling: [14, 28], grandparent: [55, 78], uncle_aunt: [25, 60],
  other_relative: [18, 60], neighbour: [18, 70], family_friend: [20, 60], teacher: [24, 60], religious_figure: [18, 70],
  employer: [25, 60], partner: [16, 24], online_contact: [18, 55], stranger: [18, 60], unknown: [18, 60], other: [18, 60],
};

const UNIDENTIFIED_DESCRIPTIONS = ['moto-taxi driver', 'man with a dragon tattoo', 'Facebook account “Dara 99”', 'man from the karaoke bar', 'Telegram user “Bong Sok”'];

const pad = (n: number) => String(n).padStart(4, '0');

export function buildYear(ctx: BuildContext, plan: YearPlan): void {
  const { rng } = ctx;
  const outcomes = planOutcomes(rng, plan);
  const suspects = planSuspects(rng, outcomes);
  const locations = planLocations(rng, plan, plan.investigations);

  const total = plan.investigations + plan.archived;
  const openedDays = Array.from({ length: total }, () => dayOf(plan.year, rng.int(0, daysInYear(plan.year) - 1))).sort();
  const archived = new Set(rng.sample(Array.from({ length: total }, (_, i) => i), plan.archived));

  let next = 0;
  for (let i = 0; i < total; i++) {
    const openedOn = openedDays[i]!;
    if (archived.has(i)) {
      const pp = locations.districts.get(PHNOM_PENH)!;
      buildArchivedCase(ctx, plan.year, i + 1, openedOn, { provinceCode: PHNOM_PENH, district: rng.pick(pp) });
      continue;
    }
    buildCase(ctx, {
      year: plan.year,
      seq: i + 1,
      openedOn,
      outcome: outcomes[next]!,
      suspects: suspects[next]!,
      slot: locations.slots[next]!,
      districts: locations.districts.get(locations.slots[next]!.provinceCode)!,
    });
    next += 1;
  }
}

type CaseInput = {
  year: number;
  seq: number;
  openedOn: Day;
  outcome: CaseOutcome;
  suspects: PlannedSuspect[];
  slot: LocationSlot;
  districts: string[];
};

function priorityFor(rng: Rng, offence: OffenceTypeCode, youngest: number): Priority {
  if (offence === 'homicide' || offence === 'trafficking') return rng.weighted({ urgent: 50, high: 40, normal: 10 });
  if (youngest < 10) return rng.weighted({ high: 40, normal: 55, urgent: 5 });
  return rng.weighted({ normal: 80, high: 15, low: 5 });
}

function offenceDates(rng: Rng, offence: OffenceTypeCode, reportedOn: Day, main: RelationshipCode | undefined): { from: Day; to: Day } {
  if (offence === 'homicide') {
    const day = addDays(reportedOn, -rng.int(0, 2));
    return { from: day, to: day };
  }
  const r = rng.next();
  const to = addDays(reportedOn, -(r < 0.5 ? rng.int(0, 3) : r < 0.8 ? rng.int(4, 30) : rng.int(31, 200)));
  const repeated = rng.chance(main && FAMILY.includes(main) ? 0.5 : 0.15);
  return { from: repeated ? addDays(to, -rng.int(30, 700)) : to, to };
}

function buildCase(ctx: BuildContext, c: CaseInput): void {
  const { rng, out } = ctx;
  const { year, outcome } = c;
  const reference = `CPU-${year}-${pad(c.seq)}`;
  const id = stableUuid(`investigation:${reference}`);
  const main = c.suspects[0];
  const offence = rng.weighted(OFFENCE_BY_RELATIONSHIP[main?.relationship ?? 'none']);
  const province = provinceGeo(c.slot.provinceCode);
  const yearEnd = `${year}-12-31`;

  // Victims
  const victimCount = Number(GROUP_OFFENCES.includes(offence) ? rng.weighted({ 1: 55, 2: 25, 3: 20 }) : rng.weighted({ 1: 86, 2: 11, 3: 3 }));
  const profiles = Array.from({ length: victimCount }, () => victimProfile(rng, offence));
  const youngest = Math.min(...profiles.map((p) => p.age));

  // Dates
  const reportedOn = addDays(c.openedOn, -Number(rng.weighted({ 0: 40, 1: 25, 2: 15, 3: 10, 5: 6, 9: 4 })));
  const offenceSpan = offenceDates(rng, offence, reportedOn, main?.relationship);
  const channel = channelFor(rng, offence);

  // People and partners
  const team = assignTeam(rng, year, false);
  const lead = team[0]!.userId;
  const manager = rng.pick(managersOf(year)).id;
  const shares = chooseShares(rng, offence, province.code);
  const liaisons = liaisonMembers(rng, shares);

  const timeline = new Timeline();
  timeline.add(c.openedOn, 'case_opened', lead, { reference, status: 'reported', offenceType: offence });
  const statusChanges: [Day, CaseStatus][] = [];
  let status: CaseStatus = 'reported';
  const move = (day: Day, to: CaseStatus, actor = lead, data: Record<string, unknown> = {}) => {
    if (to === 'closed') timeline.add(day, 'case_closed', actor, { from: status, to, ...data });
    else timeline.add(day, 'status_changed', actor, { from: status, to, ...data });
    statusChanges.push([day, to]);
    status = to;
  };

  const sharedOn = minDay(addDays(c.openedOn, rng.int(0, 10)), DATA_HORIZON);
  for (const agencyId of shares) {
    out.shares.push({ investigationId: id, agencyId, sharedAt: at(sharedOn, 14 * 60), sharedBy: manager });
    timeline.add(sharedOn, 'shared_with_agency', manager, { agencyId });
  }
  for (const m of team) out.members.push({ investigationId: id, userId: m.userId, role: m.role, addedAt: at(c.openedOn, 8 * 60), addedBy: manager });
  for (const userId of liaisons) out.members.push({ investigationId: id, userId, role: 'liaison', addedAt: at(sharedOn, 14 * 60 + 30), addedBy: manager });

  // Offence locations
  const place = placeFor(rng, offence, main?.relationship);
  out.offenceLocations.push({
    id: stableUuid(`location:${reference}:1`),
    investigationId: id,
    provinceCode: province.code,
    district: c.slot.district,
    placeType: place,
    occurredOn: offenceSpan.from,
    createdBy: lead,
    createdAt: at(c.openedOn, 9 * 60),
    updatedAt: at(c.openedOn, 9 * 60),
  });
  if (rng.chance(0.1)) {
    out.offenceLocations.push({
      id: stableUuid(`location:${reference}:2`),
      investigationId: id,
      provinceCode: province.code,
      district: rng.pick(c.districts),
      placeType: offence === 'online_exploitation' ? 'online' : rng.pick(['home', 'public_place', 'guesthouse', 'other'] as const),
      occurredOn: offenceSpan.to,
      createdBy: lead,
      createdAt: at(c.openedOn, 9 * 60 + 10),
      updatedAt: at(c.openedOn, 9 * 60 + 10),
    });
  }

  // The lifecycle: reported -> under investigation -> suspect identified -> arrested -> court -> closed.
  const investigationDay = minDay(addDays(c.openedOn, rng.int(0, 2)), yearEnd);
  if (outcome.status !== 'reported') move(investigationDay, 'under_investigation');

  const delay = () => { const r = rng.next(); return r < 0.4 ? rng.int(0, 3) : r < 0.75 ? rng.int(4, 20) : rng.int(21, 90); };
  const firstArrest = outcome.arrested > 0 ? maxDay(investigationDay, minDay(addDays(c.openedOn, delay()), yearEnd)) : null;
  const identifiedStage = !['reported', 'under_investigation'].includes(outcome.status) && c.suspects.some((s) => s.status !== 'unidentified');
  const identifiedOn = firstArrest
    ? addDays(investigationDay, rng.int(0, daysBetween(investigationDay, firstArrest)))
    : minDay(addDays(investigationDay, rng.int(1, 60)), DATA_HORIZON);
  if (identifiedStage) move(identifiedOn, 'suspect_identified');

  // Suspects
  const suspectRows: SuspectRow[] = c.suspects.map((s, i) => {
    const identified = s.status !== 'unidentified';
    const foreign = identified && (offence === 'online_exploitation' || offence === 'commercial_exploitation')
      && ['online_contact', 'stranger', 'employer', 'other'].includes(s.relationship) && rng.chance(0.35);
    const sex: Sex = s.relationship === 'mother' ? 'female'
      : !identified ? (rng.chance(0.7) ? 'male' : 'unknown')
        : rng.chance(offence === 'trafficking' ? 0.35 : 0.04) ? 'female' : 'male';
    const person = foreign ? foreignPerson(rng) : { name: khmerName(rng, sex), nationality: rng.chance(0.97) ? 'Cambodian' : 'Vietnamese' };
    const [minAge, maxAge] = SUSPECT_AGE[s.relationship];
    const arrestedOn = s.status === 'arrested' ? minDay(addDays(firstArrest!, i === 0 ? 0 : rng.int(0, 30)), yearEnd) : null;
    const agency = shares.includes(AGENCY_IDS.ahtjpd) && rng.chance(0.7) ? AGENCY_IDS.ahtjpd : provincialPoliceId(province.code);
    return {
      id: stableUuid(`suspect:${reference}:${i + 1}`),
      investigationId: id,
      fullName: identified ? person.name : null,
      alias: identified ? (rng.chance(0.15) ? alias(rng, person.name) : null) : rng.chance(0.4) ? rng.pick(UNIDENTIFIED_DESCRIPTIONS) : null,
      sex,
      age: identified ? rng.int(minAge, maxAge) : null,
      nationality: identified ? person.nationality : null,
      relationship: s.relationship,
      status: s.status,
      arrestedOn,
      arrestingAgencyId: arrestedOn ? agency : null,
      arrestPlace: arrestedOn ? `${rng.chance(0.8) ? c.slot.district : rng.pick(c.districts)}, ${province.name}` : null,
      createdBy: lead,
      createdAt: at(identified ? identifiedOn : c.openedOn, 10 * 60),
      updatedAt: at(arrestedOn ?? (identified ? identifiedOn : c.openedOn), 11 * 60),
    };
  });
  out.suspects.push(...suspectRows);

  const arrested = suspectRows.filter((s) => s.arrestedOn);
  for (const s of arrested) {
    timeline.add(s.arrestedOn!, 'suspect_arrested', lead, { suspectId: s.id, arrestedOn: s.arrestedOn, agencyId: s.arrestingAgencyId });
  }
  if (firstArrest) move(firstArrest, 'suspect_arrested');

  // Prosecutions
  const toCourt = outcome.status === 'referred_to_court' || ['convicted', 'acquitted', 'dismissed'].includes(outcome.closeReason ?? '');
  const verdicts: Day[] = [];
  if (toCourt) {
    const statuses = prosecutionStatuses(rng, arrested.length, year, outcome.closeReason);
    arrested.forEach((s, i) => {
      const built = buildProsecution(rng, ctx.caseNumbers, {
        investigationId: id,
        suspectId: s.id,
        key: `${reference}:${i + 1}`,
        offence,
        courtProvinceCode: province.code,
        arrestedOn: s.arrestedOn!,
        charges: chargesFor(rng, offence, youngest, c.suspects[i]!.relationship),
        status: statuses[i]!,
        createdBy: lead,
      });
      out.prosecutions.push(built.row);
      out.prosecutionCharges.push(...built.charges);
      out.hearings.push(...built.hearings);
      timeline.add(built.row.filedOn, 'prosecution_filed', lead, { prosecutionId: built.row.id, suspectId: s.id, courtProvinceCode: province.code, courtCaseNumber: built.row.courtCaseNumber });
      if (built.row.verdictOn) {
        verdicts.push(built.row.verdictOn);
        timeline.add(built.row.verdictOn, 'verdict_recorded', lead, {
          prosecutionId: built.row.id, status: built.row.status, sentenceYears: built.row.sentenceYears, sentenceMonths: built.row.sentenceMonths,
        });
      }
    });
    move(out.prosecutions.slice(-arrested.length).map((p) => p.filedOn).reduce(minDay), 'referred_to_court');
  }

  // Closing
  let closedOn: Day | null = null;
  if (outcome.status === 'closed') {
    const lastDay = statusChanges.reduce((d, [day]) => maxDay(d, day), c.openedOn);
    if (verdicts.length > 0) closedOn = addDays(verdicts.reduce(maxDay), rng.int(3, 30));
    else if (arrested.length > 0) closedOn = addDays(arrested.map((s) => s.arrestedOn!).reduce(maxDay), rng.int(5, 60));
    else if (outcome.closeReason === 'suspect_deceased') closedOn = addDays(lastDay, rng.int(5, 120));
    else closedOn = maxDay(lastDay, minDay(addDays(lastDay, rng.int(30, 400)), DATA_HORIZON));
    closedOn = maxDay(closedOn, maxDay(lastDay, sharedOn));
    move(closedOn, 'closed', manager, { reason: outcome.closeReason });
  }
  if (status !== outcome.status) throw new Error(`${reference}: ended at ${status}, planned ${outcome.status}`);

  const events = timeline.flush(rng, id);
  out.caseEvents.push(...events);
  const closedEvent = events.find((e) => e.kind === 'case_closed');

  // Victims and their services
  profiles.forEach((p, j) => {
    const victimId = stableUuid(`victim:${reference}:${j + 1}`);
    const born = rng.chance(0.4) ? addDays(offenceSpan.from, -(p.age * 365 + rng.int(0, 364))) : null;
    out.victims.push({
      id: victimId,
      investigationId: id,
      code: `V-${year}-${pad(c.seq)}-${j + 1}`,
      fullName: khmerName(rng, p.sex),
      dateOfBirth: born,
      contact: rng.chance(0.5) ? `Guardian ${khmerName(rng, rng.chance(0.7) ? 'female' : 'male')}, ${phone(rng)}` : null,
      notes: rng.chance(0.3) ? rng.pick(VICTIM_NOTES) : null,
      sex: p.sex,
      ageAtOffence: p.age,
      nationality: rng.chance(0.96) ? 'Cambodian' : 'Vietnamese',
      createdBy: lead,
      createdAt: at(c.openedOn, 9 * 60 + 5),
      updatedAt: at(c.openedOn, 9 * 60 + 5),
    });
    out.victimServices.push(...buildServices(rng, {
      victimId,
      investigationId: id,
      key: `${reference}:${j + 1}`,
      offence,
      prosecuted: toCourt,
      reportedOn,
      province: province.name,
      createdBy: lead,
    }));
  });

  const investigation: InvestigationRow = {
    id,
    reference,
    refYear: year,
    refSeq: c.seq,
    title: caseTitle(offence, profiles, province.name),
    summary: caseSummary(channel, reportedOn, describeVictims(profiles), main && { relationship: main.relationship, identified: main.status !== 'unidentified' }),
    offenceType: offence,
    reportChannel: channel,
    priority: priorityFor(rng, offence, youngest),
    status,
    closeReason: outcome.closeReason,
    reportedOn,
    openedOn: c.openedOn,
    offenceFrom: offenceSpan.from,
    offenceTo: offenceSpan.to,
    closedAt: closedEvent?.at ?? null,
    externalRef: year <= 2017 ? `REG-${year}-${String(c.seq).padStart(3, '0')}` : null,
    updatedBy: events[events.length - 1]!.actorId,
    createdBy: lead,
    createdAt: events[0]!.at,
    updatedAt: events[events.length - 1]!.at,
    version: 1 + statusChanges.length,
  };
  out.investigations.push(investigation);
}

/** A record opened by mistake and archived: it must count in no figure. */
function buildArchivedCase(ctx: BuildContext, year: number, seq: number, openedOn: Day, slot: LocationSlot): void {
  const { rng, out } = ctx;
  const reference = `CPU-${year}-${pad(seq)}`;
  const id = stableUuid(`investigation:${reference}`);
  const team = assignTeam(rng, year, true);
  const lead = team[0]!.userId;
  const manager = rng.pick(managersOf(year)).id;
  const profile = victimProfile(rng, 'rape');
  const previous = out.investigations.filter((i) => i.refYear === year && !i.archivedAt).at(-1);
  const reason = previous ? ARCHIVE_REASONS[0](previous.reference) : rng.pick(ARCHIVE_REASONS.slice(1))('');
  const archivedOn = addDays(openedOn, rng.int(1, 20));

  for (const m of team) out.members.push({ investigationId: id, userId: m.userId, role: m.role, addedAt: at(openedOn, 8 * 60), addedBy: manager });
  out.offenceLocations.push({
    id: stableUuid(`location:${reference}:1`),
    investigationId: id,
    provinceCode: slot.provinceCode,
    district: slot.district,
    placeType: 'home',
    createdBy: lead,
    createdAt: at(openedOn, 9 * 60),
    updatedAt: at(openedOn, 9 * 60),
  });
  out.victims.push({
    id: stableUuid(`victim:${reference}:1`),
    investigationId: id,
    code: `V-${year}-${pad(seq)}-1`,
    fullName: khmerName(rng, profile.sex),
    sex: profile.sex,
    ageAtOffence: profile.age,
    nationality: 'Cambodian',
    createdBy: lead,
    createdAt: at(openedOn, 9 * 60 + 5),
    updatedAt: at(openedOn, 9 * 60 + 5),
  });

  const timeline = new Timeline();
  timeline.add(openedOn, 'case_opened', lead, { reference, status: 'reported', offenceType: 'rape' });
  timeline.add(archivedOn, 'case_archived', manager, { reason });
  const events = timeline.flush(rng, id);
  out.caseEvents.push(...events);

  const province = provinceGeo(slot.provinceCode);
  out.investigations.push({
    id,
    reference,
    refYear: year,
    refSeq: seq,
    title: caseTitle('rape', [profile], province.name),
    summary: 'Archived: see the archive reason.',
    offenceType: 'rape',
    reportChannel: 'hotline',
    priority: 'normal',
    status: 'reported',
    closeReason: null,
    reportedOn: openedOn,
    openedOn,
    createdBy: lead,
    updatedBy: manager,
    createdAt: events[0]!.at,
    updatedAt: events[1]!.at,
    archivedAt: events[1]!.at,
    archivedBy: manager,
    archiveReason: reason,
  });
}
