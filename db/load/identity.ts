import { khmerName, alias, phone } from '../seed/names';
import { VICTIM_NOTES } from '../seed/case-texts';
import type { Rng } from '../seed/random';
import { sealIdentity } from '../identity-fields';
import type { Sex } from '../../lib/vocabulary';

// The only place the load generator makes identity values (victims' and suspects' names,
// dates of birth, contacts, notes). Synthetic, and sealed exactly as the app's writes seal
// them (db/identity-fields.ts), bound to their row, with suspects' name tags for search.

export type VictimIdentity = { fullName: string | null; dateOfBirth: string | null; contact: string | null; notes: string | null };
export type SuspectIdentity = { fullName: string | null; alias: string | null; nameTags: string[] };

export function victimIdentity(rng: Rng, victimId: string, sex: Sex, age: number, offenceOn: string): VictimIdentity {
  const born = new Date(`${offenceOn}T00:00:00Z`);
  born.setUTCFullYear(born.getUTCFullYear() - age);
  born.setUTCDate(born.getUTCDate() - rng.int(1, 360));
  return sealIdentity('victims', victimId, {
    fullName: khmerName(rng, sex),
    dateOfBirth: born.toISOString().slice(0, 10),
    contact: rng.chance(0.5) ? phone(rng) : null,
    notes: rng.chance(0.4) ? rng.pick(VICTIM_NOTES) : null,
  } as VictimIdentity);
}

export function suspectIdentity(rng: Rng, suspectId: string, sex: Sex, identified: boolean): SuspectIdentity {
  if (!identified) return { fullName: null, alias: null, nameTags: [] };
  const fullName = khmerName(rng, sex);
  const sealed = sealIdentity('suspects', suspectId, { fullName, alias: rng.chance(0.15) ? alias(rng, fullName) : null });
  return { fullName: sealed.fullName, alias: sealed.alias, nameTags: sealed.nameTags ?? [] };
}
