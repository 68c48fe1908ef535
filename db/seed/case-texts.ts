import type { ReportChannel, Sex } from '../../lib/vocabulary';
import type { Rng } from './random';
import type { OffenceTypeCode, PlaceTypeCode, RelationshipCode } from '../reference/lists';

type Weights<K extends string> = Partial<Record<K, number>>;

const FAMILY_OFFENCES: Weights<OffenceTypeCode> = { rape: 62, indecent_assault: 14, attempted_rape: 4, violence: 18, homicide: 2 };

/** What the main offender's relationship makes likely. */
export const OFFENCE_BY_RELATIONSHIP: Record<RelationshipCode | 'none', Weights<OffenceTypeCode>> = {
  father: FAMILY_OFFENCES,
  stepfather: FAMILY_OFFENCES,
  grandparent: { rape: 60, indecent_assault: 30, violence: 10 },
  uncle_aunt: FAMILY_OFFENCES,
  other_relative: FAMILY_OFFENCES,
  sibling: { rape: 55, indecent_assault: 25, violence: 20 },
  mother: { violence: 65, homicide: 10, trafficking: 15, commercial_exploitation: 10 },
  neighbour: { rape: 68, indecent_assault: 17, attempted_rape: 8, violence: 4, homicide: 3 },
  family_friend: { rape: 60, indecent_assault: 25, attempted_rape: 7, abduction: 4, violence: 4 },
  teacher: { rape: 35, indecent_assault: 55, violence: 10 },
  religious_figure: { rape: 40, indecent_assault: 60 },
  employer: { trafficking: 35, commercial_exploitation: 30, rape: 25, violence: 10 },
  partner: { rape: 80, abduction: 10, online_exploitation: 10 },
  online_contact: { online_exploitation: 70, rape: 15, abduction: 10, trafficking: 5 },
  stranger: { rape: 40, commercial_exploitation: 15, trafficking: 12, indecent_assault: 10, abduction: 10, homicide: 8, attempted_rape: 5 },
  unknown: { rape: 45, indecent_assault: 15, homicide: 10, trafficking: 10, online_exploitation: 10, violence: 10 },
  other: { rape: 45, indecent_assault: 20, trafficking: 15, violence: 10, commercial_exploitation: 10 },
  none: { rape: 40, indecent_assault: 15, online_exploitation: 15, trafficking: 10, violence: 10, homicide: 5, abduction: 5 },
};

export function placeFor(rng: Rng, offence: OffenceTypeCode, relationship: RelationshipCode | undefined): PlaceTypeCode {
  if (offence === 'online_exploitation') return 'online';
  if (offence === 'commercial_exploitation') return rng.weighted({ guesthouse: 70, other: 15, public_place: 15 });
  if (offence === 'trafficking') return rng.weighted({ workplace: 35, guesthouse: 25, public_place: 25, other: 15 });
  switch (relationship) {
    case 'father': case 'stepfather': case 'mother': case 'sibling': case 'grandparent':
      return rng.weighted({ home: 90, other: 10 });
    case 'uncle_aunt': case 'other_relative':
      return rng.weighted({ home: 70, other: 20, public_place: 10 });
    case 'neighbour':
      return rng.weighted({ neighbours_home: 60, home: 25, public_place: 15 });
    case 'family_friend': return rng.weighted({ home: 50, neighbours_home: 20, public_place: 20, other: 10 });
    case 'teacher': return rng.weighted({ school: 85, other: 15 });
    case 'religious_figure': return rng.weighted({ pagoda: 90, other: 10 });
    case 'employer': return 'workplace';
    case 'partner': return rng.weighted({ guesthouse: 45, home: 25, public_place: 30 });
    case 'online_contact': return rng.weighted({ guesthouse: 60, public_place: 40 });
    default: return rng.weighted({ public_place: 55, home: 15, guesthouse: 15, other: 15 });
  }
}

export function channelFor(rng: Rng, offence: OffenceTypeCode): ReportChannel {
  if (offence === 'online_exploitation') return rng.weighted({ online_report: 45, hotline: 25, police: 20, ngo_referral: 10 });
  return rng.weighted({ hotline: 30, police: 20, ngo_referral: 15, walk_in: 12, health_facility: 7, school: 6, online_report: 4, other: 6 });
}

/** Victim sex and age at the offence, typical for the kind of offence. */
export function victimProfile(rng: Rng, offence: OffenceTypeCode): { sex: Sex; age: number } {
  const female: Record<OffenceTypeCode, number> = {
    rape: 0.93, attempted_rape: 0.95, indecent_assault: 0.75, online_exploitation: 0.8, commercial_exploitation: 0.9,
    trafficking: 0.8, abduction: 0.6, violence: 0.5, homicide: 0.5,
  };
  const age: Record<OffenceTypeCode, [mean: number, spread: number, min: number]> = {
    rape: [12.5, 3, 2], attempted_rape: [12, 3, 4], indecent_assault: [10, 3.5, 3], online_exploitation: [14, 2, 9],
    commercial_exploitation: [15, 1.5, 11], trafficking: [15, 1.8, 8], abduction: [10, 4, 1], violence: [7, 4, 0], homicide: [8, 5, 0],
  };
  const [mean, spread, min] = age[offence];
  // Sum of uniforms: a cheap bell curve.
  const normal = (rng.next() + rng.next() + rng.next() - 1.5) * 2;
  return {
    sex: rng.chance(female[offence]) ? 'female' : 'male',
    age: Math.max(min, Math.min(17, Math.round(mean + normal * spread))),
  };
}

const TITLE_OFFENCE: Record<OffenceTypeCode, string> = {
  rape: 'Rape', attempted_rape: 'Attempted rape', indecent_assault: 'Indecent assault',
  online_exploitation: 'Online sexual exploitation', commercial_exploitation: 'Commercial sexual exploitation',
  trafficking: 'Trafficking', abduction: 'Abduction', violence: 'Physical abuse', homicide: 'Murder',
};

const NUMBERS = ['', 'one', 'two', 'three'];
const child = (sex: Sex, plural = false) => (sex === 'female' ? (plural ? 'girls' : 'girl') : sex === 'male' ? (plural ? 'boys' : 'boy') : plural ? 'children' : 'child');
const article = (age: number) => (age === 8 || age === 11 || age === 18 ? 'an' : 'a');

/** "a 13-year-old girl", "two girls aged 12 and 14", "three children aged 9 to 15". */
export function describeVictims(victims: readonly { sex: Sex; age: number }[]): string {
  const [first] = victims;
  if (!first) return 'a child';
  if (victims.length === 1) return first.age === 0 ? `an infant ${child(first.sex)}` : `${article(first.age)} ${first.age}-year-old ${child(first.sex)}`;
  const sex = victims.every((v) => v.sex === first.sex) ? first.sex : 'unknown';
  const ages = victims.map((v) => v.age).sort((a, b) => a - b);
  const lo = ages[0]!;
  const hi = ages[ages.length - 1]!;
  const range = lo === hi ? `${lo}` : victims.length === 2 ? `${lo} and ${hi}` : `${lo} to ${hi}`;
  return `${NUMBERS[victims.length]} ${child(sex, true)} aged ${range}`;
}

export function caseTitle(offence: OffenceTypeCode, victims: readonly { sex: Sex; age: number }[], province: string): string {
  return `${TITLE_OFFENCE[offence]} of ${describeVictims(victims)}, ${province}`;
}

const CHANNEL_PHRASE: Record<ReportChannel, string> = {
  hotline: 'Reported through the CPU hotline',
  police: 'Referred by the commune police post',
  ngo_referral: 'Referred by a partner NGO',
  walk_in: "The child's mother came to the CPU office",
  school: 'Reported by the school director',
  health_facility: 'Reported by staff of the health centre',
  online_report: 'Reported through the online reporting form',
  other: 'Reported by the village chief',
};

const SUSPECT_PHRASE: Partial<Record<RelationshipCode, string>> = {
  father: "the child's father", stepfather: "the child's stepfather", mother: "the child's mother",
  sibling: "the child's older brother", grandparent: "the child's grandfather", uncle_aunt: "the child's uncle",
  other_relative: 'a relative of the family', neighbour: 'a neighbour', family_friend: 'a friend of the family',
  teacher: "a teacher at the child's school", religious_figure: 'a monk at the local pagoda', employer: "the child's employer",
  partner: "the child's boyfriend", online_contact: 'a person the child met online', stranger: 'a man unknown to the family',
};

export function caseSummary(channel: ReportChannel, reportedOn: string, victims: string, main: { relationship: RelationshipCode; identified: boolean } | undefined): string {
  const who = !main || !main.identified || !SUSPECT_PHRASE[main.relationship]
    ? 'The suspect has not yet been identified.'
    : `The suspect is ${SUSPECT_PHRASE[main.relationship]}.`;
  return `${CHANNEL_PHRASE[channel]} on ${reportedOn}. The victim${victims.startsWith('a ') || victims.startsWith('an ') ? '' : 's'}, ${victims}, ${victims.startsWith('a ') || victims.startsWith('an ') ? 'was' : 'were'} interviewed by a CPU social worker. ${who}`;
}

export const VICTIM_NOTES = [
  'Lives with a grandmother; both parents work in Thailand.',
  'Attends grade 6 at the local primary school.',
  'Family asks that home visits be announced in advance.',
  'Speaks Khmer and some Vietnamese.',
  'Moved to an aunt in another district after the report.',
  'Interviewed once, in the child-friendly room, with a social worker present.',
  'Mother is the main caregiver and supports the complaint.',
  'Needs follow-up at school; missed two months of classes.',
] as const;

export const ARCHIVE_REASONS = [
  (ref: string) => `Duplicate of ${ref}: the same report was entered twice.`,
  () => 'Opened in error: the person concerned was an adult at the time of the offence.',
  () => 'Test record created during staff training.',
] as const;
