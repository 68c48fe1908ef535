import type { SuspectStatus } from '../../lib/vocabulary';
import type { CaseOutcome } from './outcomes';
import { apportion, expand, type Rng } from './random';
import type { RelationshipCode } from '../reference/lists';

export type PlannedSuspect = { status: SuspectStatus; relationship: RelationshipCode };

type Weights = Partial<Record<RelationshipCode, number>>;

// Who the main offender is, for arrested ones and for the others. Neighbours lead and
// fathers follow, as in the CPU's reports; the pools are apportioned exactly so the ranking
// holds in every year, not only on average.
const MAIN_ARRESTED: Weights = {
  neighbour: 22, father: 16, stepfather: 8, stranger: 7, uncle_aunt: 6, family_friend: 6, partner: 6,
  other_relative: 5, sibling: 4, grandparent: 4, online_contact: 4, teacher: 3, employer: 3,
  religious_figure: 2, other: 2, mother: 1, unknown: 1,
};
const MAIN_NOT_ARRESTED: Weights = {
  neighbour: 18, father: 12, stepfather: 8, partner: 8, online_contact: 8, uncle_aunt: 6, other_relative: 6,
  family_friend: 6, stranger: 6, sibling: 4, grandparent: 4, employer: 4, teacher: 3, other: 3,
  religious_figure: 2, mother: 2,
};
/** Second and third offenders: brokers, friends of the main offender, buyers. */
const ACCOMPLICE: Weights = { stranger: 30, family_friend: 15, other: 15, employer: 10, online_contact: 10, neighbour: 10, unknown: 10 };
const UNIDENTIFIED: Weights = { stranger: 45, unknown: 40, online_contact: 15 };

function pool(rng: Rng, size: number, weights: Weights): RelationshipCode[] {
  return rng.shuffle(expand(apportion(size, weights as Record<RelationshipCode, number>)));
}

/** The suspects of each case (main offender first) with their relationship to the child. */
export function planSuspects(rng: Rng, outcomes: readonly CaseOutcome[]): PlannedSuspect[][] {
  const statuses = outcomes.map((o): SuspectStatus[] => {
    const others = [...o.others].sort((a, b) => Number(a === 'unidentified') - Number(b === 'unidentified'));
    return [...Array<SuspectStatus>(o.arrested).fill('arrested'), ...others];
  });
  const mainArrested = statuses.filter((s) => s[0] === 'arrested').length;
  const mainOther = statuses.filter((s) => s[0] !== undefined && s[0] !== 'arrested' && s[0] !== 'unidentified').length;
  const arrestedPool = pool(rng, mainArrested, MAIN_ARRESTED);
  const otherPool = pool(rng, mainOther, MAIN_NOT_ARRESTED);

  return statuses.map((list) => list.map((status, i): PlannedSuspect => {
    let relationship: RelationshipCode;
    if (status === 'unidentified') relationship = rng.weighted(UNIDENTIFIED);
    else if (i > 0) relationship = rng.weighted(ACCOMPLICE);
    else relationship = (status === 'arrested' ? arrestedPool : otherPool).pop()!;
    return { status, relationship };
  }));
}
