import type { CloseReason, ProsecutionStatus } from '../../lib/vocabulary';
import { addDays, daysBetween, minDay, yearOf, type Day } from './dates';
import { stableUuid, type Rng } from './random';
import type { ChargeCode, OffenceTypeCode, RelationshipCode } from '../reference/lists';
import type { HearingRow, ProsecutionChargeRow, ProsecutionRow } from './types';
import { DATA_HORIZON } from './year-plans';

const FAMILY: readonly RelationshipCode[] = ['father', 'stepfather', 'mother', 'sibling', 'grandparent', 'uncle_aunt', 'other_relative'];

export function chargesFor(rng: Rng, offence: OffenceTypeCode, youngestVictim: number, relationship: RelationshipCode): ChargeCode[] {
  const under15 = youngestVictim < 15;
  switch (offence) {
    case 'rape': return [under15 || FAMILY.includes(relationship) ? 'rape_aggravated' : 'rape', ...(under15 && rng.chance(0.2) ? ['intercourse_minor_under_15' as const] : [])];
    case 'attempted_rape': return ['attempted_rape'];
    case 'indecent_assault': return [under15 ? 'indecent_act_minor_under_15' : 'indecent_assault'];
    case 'online_exploitation': return ['csam_production', ...(rng.chance(0.5) ? ['csam_distribution' as const] : []), ...(under15 && rng.chance(0.3) ? ['indecent_act_minor_under_15' as const] : [])];
    case 'commercial_exploitation': return ['purchase_child_prostitution', ...(under15 && rng.chance(0.4) ? ['intercourse_minor_under_15' as const] : [])];
    case 'trafficking': return ['child_trafficking', ...(rng.chance(0.3) ? ['unlawful_removal_minor' as const] : [])];
    case 'abduction': return ['unlawful_removal_minor', ...(rng.chance(0.3) ? ['rape_aggravated' as const] : [])];
    case 'violence': return [FAMILY.includes(relationship) ? 'domestic_violence' : 'intentional_violence', ...(rng.chance(0.15) ? ['torture_cruelty' as const] : [])];
    case 'homicide': return [rng.chance(0.3) ? 'premeditated_murder' : 'intentional_murder'];
  }
}

const SENTENCE_YEARS: Record<OffenceTypeCode, [number, number]> = {
  rape: [7, 15], attempted_rape: [3, 7], indecent_assault: [1, 5], online_exploitation: [2, 8],
  commercial_exploitation: [2, 7], trafficking: [7, 15], abduction: [3, 8], violence: [1, 5], homicide: [10, 25],
};

export type ProsecutionInput = {
  investigationId: string;
  suspectId: string;
  key: string;
  offence: OffenceTypeCode;
  courtProvinceCode: string;
  arrestedOn: Day;
  charges: ChargeCode[];
  status: ProsecutionStatus;
  createdBy: string;
};

export type BuiltProsecution = { row: ProsecutionRow; charges: ProsecutionChargeRow[]; hearings: HearingRow[] };

/** Court case numbers run per court and year. */
export class CaseNumbers {
  private next = new Map<string, number>();
  take(court: string, year: number): string {
    const key = `${court}:${year}`;
    const n = (this.next.get(key) ?? 0) + 1;
    this.next.set(key, n);
    return `${String(n * 7 + 100).padStart(4, '0')}/${year}`;
  }
}

export function buildProsecution(rng: Rng, numbers: CaseNumbers, p: ProsecutionInput): BuiltProsecution {
  const id = stableUuid(`prosecution:${p.key}`);
  const filedOn = addDays(p.arrestedOn, rng.int(1, 4));
  const verdictStatus = p.status === 'convicted' || p.status === 'acquitted' || p.status === 'dismissed' || p.status === 'appealed';
  let verdictOn: Day | null = null;
  if (verdictStatus) {
    const room = daysBetween(filedOn, DATA_HORIZON) - (p.status === 'appealed' ? 45 : 0);
    const [lo, hi] = p.status === 'dismissed' ? [60, 300] : [120, 720];
    verdictOn = addDays(filedOn, rng.int(Math.min(lo, room), Math.max(Math.min(lo, room), Math.min(hi, room))));
  }
  const sentenced = p.status === 'convicted' || p.status === 'appealed';
  const [minYears, maxYears] = SENTENCE_YEARS[p.offence];
  const row: ProsecutionRow = {
    id,
    investigationId: p.investigationId,
    suspectId: p.suspectId,
    courtProvinceCode: p.courtProvinceCode,
    courtCaseNumber: numbers.take(p.courtProvinceCode, yearOf(filedOn)),
    status: p.status,
    filedOn,
    verdictOn,
    sentenceYears: sentenced ? rng.int(minYears, maxYears) : null,
    sentenceMonths: sentenced ? (rng.chance(0.6) ? 0 : rng.int(1, 11)) : null,
    fineRiel: sentenced && rng.chance(0.4) ? rng.int(4, 20) * 500_000 : null,
    compensationRiel: sentenced && rng.chance(0.7) ? rng.int(5, 40) * 1_000_000 : null,
    createdBy: p.createdBy,
    createdAt: new Date(`${filedOn}T10:00:00+07:00`),
    updatedAt: new Date(`${verdictOn ?? filedOn}T16:00:00+07:00`),
  };

  const hearings: HearingRow[] = [];
  const hearing = (heldOn: Day, kind: string, outcomeNote: string) => hearings.push({
    id: stableUuid(`hearing:${p.key}:${hearings.length}`),
    prosecutionId: id,
    heldOn,
    kind,
    outcomeNote,
    createdBy: p.createdBy,
    createdAt: new Date(`${heldOn}T15:00:00+07:00`),
    updatedAt: new Date(`${heldOn}T15:00:00+07:00`),
  });
  const end = verdictOn ?? minDay(addDays(filedOn, rng.int(60, 500)), DATA_HORIZON);
  const span = Math.max(0, daysBetween(filedOn, end));
  if (p.status !== 'charged' || rng.chance(0.5)) {
    hearing(addDays(filedOn, Math.min(span, rng.int(2, 30))), 'questioning', 'Suspect questioned by the investigating judge.');
  }
  if (p.status === 'pre_trial_detention' && rng.chance(0.5)) {
    hearing(addDays(filedOn, Math.min(span, rng.int(100, 180))), 'detention_review', 'Pre-trial detention extended.');
  }
  if (p.status === 'on_trial' || p.status === 'convicted' || p.status === 'acquitted' || p.status === 'appealed') {
    const trials = rng.int(1, 2);
    for (let i = 0; i < trials; i++) {
      const day = addDays(filedOn, Math.round(span * (0.7 + 0.1 * i)));
      hearing(day, 'trial', i === 0 && trials > 1 ? 'Adjourned: a witness did not appear.' : 'Trial hearing held; the child testified by video link.');
    }
  }
  if (verdictOn && p.status !== 'dismissed') hearing(verdictOn, 'verdict', p.status === 'acquitted' ? 'Acquitted for lack of evidence.' : 'Convicted and sentenced.');
  if (verdictOn && p.status === 'dismissed') hearing(verdictOn, 'closing_order', 'Investigating judge issued a dismissal order.');
  if (verdictOn && p.status === 'appealed') hearing(minDay(addDays(verdictOn, rng.int(20, 40)), DATA_HORIZON), 'appeal_filed', 'Appeal lodged with the Court of Appeal.');

  return { row, charges: p.charges.map((chargeCode) => ({ prosecutionId: id, chargeCode })), hearings };
}

/** Prosecution statuses that agree with how the case ended. */
export function prosecutionStatuses(rng: Rng, count: number, year: number, closeReason: CloseReason | null): ProsecutionStatus[] {
  return Array.from({ length: count }, (_, i): ProsecutionStatus => {
    if (closeReason === 'convicted') return i === 0 || rng.chance(0.85) ? 'convicted' : 'acquitted';
    if (closeReason === 'acquitted') return 'acquitted';
    if (closeReason === 'dismissed') return 'dismissed';
    return year <= 2019
      ? rng.weighted({ on_trial: 40, appealed: 45, pre_trial_detention: 15 })
      : rng.weighted({ charged: 15, pre_trial_detention: 45, on_trial: 25, appealed: 15 });
  });
}
