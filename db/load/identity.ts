import { khmerName, alias, phone } from '../seed/names';
import { VICTIM_NOTES } from '../seed/case-texts';
import type { Rng } from '../seed/random';
import type { Sex } from '../../lib/vocabulary';

// The only place the load generator makes identity values (victims' and suspects' names,
// dates of birth, contacts, notes). They are synthetic; if these columns are stored
// encrypted, route these values through the same encryption as the app's writes here.

export type VictimIdentity = { fullName: string | null; dateOfBirth: string | null; contact: string | null; notes: string | null };
export type SuspectIdentity = { fullName: string | null; alias: string | null };

export function victimIdentity(rng: Rng, sex: Sex, age: number, offenceOn: string): VictimIdentity {
  const born = new Date(`${offenceOn}T00:00:00Z`);
  born.setUTCFullYear(born.getUTCFullYear() - age);
  born.setUTCDate(born.getUTCDate() - rng.int(1, 360));
  return {
    fullName: khmerName(rng, sex),
    dateOfBirth: born.toISOString().slice(0, 10),
    contact: rng.chance(0.5) ? phone(rng) : null,
    notes: rng.chance(0.4) ? rng.pick(VICTIM_NOTES) : null,
  };
}

export function suspectIdentity(rng: Rng, sex: Sex, identified: boolean): SuspectIdentity {
  if (!identified) return { fullName: null, alias: null };
  const fullName = khmerName(rng, sex);
  return { fullName, alias: rng.chance(0.15) ? alias(rng, fullName) : null };
}
