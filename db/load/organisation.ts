import type pg from 'pg';
import { AGENCIES, provincialPoliceId } from '../seed/organisation';
import { GEOGRAPHY } from '../seed/geography';
import { khmerName } from '../seed/names';
import { stableUuid, type Rng } from '../seed/random';
import { CopyBuffer } from './copy';

export type LoadStaff = { managers: string[]; investigators: string[]; liaisonByAgency: Map<string, string> };

/**
 * The generated unit: the demo's agencies, a few managers, one investigator for about
 * every 400 cases a year, and a liaison officer in each provincial police. Nobody has a
 * password: these accounts cannot sign in.
 */
export async function insertLoadStaff(client: pg.PoolClient, rng: Rng, casesPerYear: number): Promise<LoadStaff> {
  const agencies = new CopyBuffer('agencies', ['id', 'name', 'name_km', 'kind', 'province_code']);
  for (const a of AGENCIES) agencies.add([a.id, a.name, a.nameKm ?? null, a.kind, a.provinceCode ?? null]);
  const users = new CopyBuffer('users', ['id', 'email', 'name', 'role', 'agency_id', 'locale']);
  const person = (role: string, n: number, agencyId: string) => {
    const id = stableUuid(`load-user:${role}:${n}`);
    users.add([id, `load-${role}-${n}@load.invalid`, khmerName(rng, rng.chance(0.5) ? 'female' : 'male'), role, agencyId, 'en']);
    return id;
  };
  const cpu = AGENCIES.find((a) => a.kind === 'cpu')!.id;
  const managers = Array.from({ length: 5 }, (_, n) => person('manager', n + 1, cpu));
  const investigators = Array.from({ length: Math.max(10, Math.ceil(casesPerYear / 400)) }, (_, n) => person('investigator', n + 1, cpu));
  const liaisonByAgency = new Map(GEOGRAPHY.map((p, n) => [provincialPoliceId(p.code), person('liaison', n + 1, provincialPoliceId(p.code))]));
  await agencies.flush(client);
  await users.flush(client);
  return { managers, investigators, liaisonByAgency };
}
