import type { CaseStatus, CloseReason, SuspectStatus } from '../../lib/vocabulary';
import { apportion, expand, type Rng } from './random';
import type { YearPlan } from './year-plans';

/** Where a case stands today, and what happened to its suspects. */
export type CaseOutcome = {
  status: CaseStatus;
  closeReason: CloseReason | null;
  /** Suspects arrested (each in the case's opening year). */
  arrested: number;
  /** The other suspects: never arrested. */
  others: Exclude<SuspectStatus, 'arrested'>[];
};

type Final = `${CaseStatus}` | `closed:${CloseReason}`;

// The older the case, the more of them are closed.
type Age = 'old' | 'mid' | 'recent' | 'new';
const ageOf = (year: number): Age => (year <= 2019 ? 'old' : year <= 2021 ? 'mid' : year === 2022 ? 'recent' : 'new');

/** Cases with an arrest: all count as resolved. */
const WITH_ARREST: Record<Age, Partial<Record<Final, number>>> = {
  old: { 'closed:convicted': 78, 'closed:acquitted': 4, 'closed:dismissed': 4, 'closed:referred_elsewhere': 3, referred_to_court: 8, suspect_arrested: 3 },
  mid: { 'closed:convicted': 64, 'closed:acquitted': 4, 'closed:dismissed': 4, 'closed:referred_elsewhere': 3, referred_to_court: 18, suspect_arrested: 7 },
  recent: { 'closed:convicted': 48, 'closed:acquitted': 3, 'closed:dismissed': 3, 'closed:referred_elsewhere': 3, referred_to_court: 30, suspect_arrested: 13 },
  new: { 'closed:convicted': 34, 'closed:acquitted': 3, 'closed:dismissed': 3, 'closed:referred_elsewhere': 3, referred_to_court: 37, suspect_arrested: 20 },
};

/** Resolved without an arrest. */
const RESOLVED_WITHOUT_ARREST: Partial<Record<Final, number>> = { 'closed:referred_elsewhere': 3, 'closed:suspect_deceased': 1 };

/** Not resolved. */
const UNRESOLVED: Record<Age, Partial<Record<Final, number>>> = {
  old: { 'closed:no_further_action': 25, 'closed:unfounded': 20, 'closed:victim_withdrew': 20, 'closed:unresolved': 25, under_investigation: 5, suspect_identified: 5 },
  mid: { 'closed:no_further_action': 22, 'closed:unfounded': 18, 'closed:victim_withdrew': 18, 'closed:unresolved': 22, under_investigation: 10, suspect_identified: 10 },
  recent: { 'closed:no_further_action': 18, 'closed:unfounded': 15, 'closed:victim_withdrew': 15, 'closed:unresolved': 12, reported: 5, under_investigation: 20, suspect_identified: 15 },
  new: { 'closed:no_further_action': 12, 'closed:unfounded': 12, 'closed:victim_withdrew': 12, 'closed:unresolved': 5, reported: 12, under_investigation: 27, suspect_identified: 20 },
};

function counts(total: number, weights: Partial<Record<Final, number>>): Final[] {
  return expand(apportion(total, weights as Record<Final, number>));
}

function parse(final: Final): Pick<CaseOutcome, 'status' | 'closeReason'> {
  if (final.startsWith('closed:')) return { status: 'closed', closeReason: final.slice(7) as CloseReason };
  return { status: final as CaseStatus, closeReason: null };
}

function suspectsWithoutArrest(rng: Rng, final: Final): CaseOutcome['others'] {
  const r = rng.next();
  switch (final) {
    case 'closed:referred_elsewhere': return r < 0.6 ? ['identified'] : [];
    case 'closed:suspect_deceased': return ['deceased'];
    case 'reported': return r < 0.5 ? ['unidentified'] : [];
    case 'under_investigation': return r < 0.45 ? ['unidentified'] : [];
    case 'suspect_identified': return [r < 0.6 ? 'identified' : 'wanted', ...(rng.chance(0.2) ? ['identified' as const] : [])];
    case 'closed:no_further_action': return r < 0.5 ? ['identified'] : r < 0.8 ? ['unidentified'] : [];
    case 'closed:unfounded': return r < 0.5 ? ['identified'] : [];
    case 'closed:victim_withdrew': return r < 0.85 ? ['identified'] : [];
    case 'closed:unresolved': return r < 0.5 ? ['unidentified'] : ['wanted'];
    default: return [];
  }
}

/**
 * The outcomes of a year's (non-archived) cases, in random order: exactly
 * `plan.suspectsArrested` arrested suspects and `plan.resolved` resolved cases.
 */
export function planOutcomes(rng: Rng, plan: YearPlan): CaseOutcome[] {
  const age = ageOf(plan.year);
  // A few cases have two or three arrested offenders.
  const extraArrests = Math.round(plan.suspectsArrested * 0.03);
  const casesWithArrest = plan.suspectsArrested - extraArrests;
  const resolvedWithoutArrest = plan.resolved - casesWithArrest;
  const unresolved = plan.investigations - plan.resolved;
  if (casesWithArrest > plan.resolved || resolvedWithoutArrest < 0 || unresolved < 0) {
    throw new Error(`Year plan ${plan.year} is inconsistent`);
  }

  const arrestsPerCase = Array<number>(casesWithArrest).fill(1);
  for (let i = 0; i < extraArrests; i++) {
    let j = rng.int(0, casesWithArrest - 1);
    while (arrestsPerCase[j]! >= 3) j = (j + 1) % casesWithArrest;
    arrestsPerCase[j]! += 1;
  }

  const withArrest = rng.shuffle(counts(casesWithArrest, WITH_ARREST[age])).map((final, i): CaseOutcome => {
    const arrested = arrestsPerCase[i]!;
    return { ...parse(final), arrested, others: arrested < 3 && rng.chance(0.1) ? ['wanted'] : [] };
  });
  const withoutArrest = [
    ...counts(resolvedWithoutArrest, RESOLVED_WITHOUT_ARREST),
    ...counts(unresolved, UNRESOLVED[age]),
  ].map((final): CaseOutcome => ({ ...parse(final), arrested: 0, others: suspectsWithoutArrest(rng, final) }));

  return rng.shuffle([...withArrest, ...withoutArrest]);
}

/** DESIGN.md: the statuses and close reasons that count as resolved. */
export const RESOLVED_STATUSES: readonly CaseStatus[] = ['suspect_arrested', 'referred_to_court'];
export const RESOLVED_CLOSE_REASONS: readonly CloseReason[] = ['convicted', 'acquitted', 'dismissed', 'referred_elsewhere', 'suspect_deceased'];

export function isResolved(status: CaseStatus, closeReason: CloseReason | null | undefined): boolean {
  return RESOLVED_STATUSES.includes(status) || (status === 'closed' && closeReason != null && RESOLVED_CLOSE_REASONS.includes(closeReason));
}
