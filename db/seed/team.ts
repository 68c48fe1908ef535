import type { MemberRole } from '../../lib/vocabulary';
import { AGENCY_IDS, DEMO_ACCOUNTS, provincialPoliceId, STAFF, type StaffMember } from './organisation';
import type { Rng } from './random';
import type { OffenceTypeCode } from '../reference/lists';

const active = (year: number, role: StaffMember['role']) =>
  STAFF.filter((s) => s.role === role && !s.demoOnly && s.from <= year && year <= s.to);

export function managersOf(year: number): StaffMember[] {
  return active(year, 'manager');
}

/**
 * The demo investigator leads about 9 % of the cases and is on the team of 16 % more, so
 * about a quarter of all cases are theirs (never an archived one).
 */
const DEMO_LEAD = 0.09;
const DEMO_TEAM = 0.16;

export function assignTeam(rng: Rng, year: number, archived: boolean): { userId: string; role: MemberRole }[] {
  const demo = DEMO_ACCOUNTS.investigator.userId;
  const others = active(year, 'investigator').filter((s) => s.id !== demo);
  const r = rng.next();
  const demoRole = archived ? null : r < DEMO_LEAD ? 'lead' : r < DEMO_LEAD + DEMO_TEAM ? 'investigator' : null;

  const lead = demoRole === 'lead' ? demo : rng.pick(others).id;
  const teamSize = Number(rng.weighted({ 0: 30, 1: 50, 2: 20 }));
  const team = rng.sample(others.filter((s) => s.id !== lead), teamSize).map((s) => s.id);
  if (demoRole === 'investigator') team.splice(0, team.length > 1 ? 1 : 0, demo);
  return [{ userId: lead, role: 'lead' }, ...team.map((userId) => ({ userId, role: 'investigator' as const }))];
}

/** Partner agencies a case is shared with. The national AHTJPD gets about a fifth. */
export function chooseShares(rng: Rng, offence: OffenceTypeCode, provinceCode: string): string[] {
  const national = offence === 'trafficking' || offence === 'commercial_exploitation' || offence === 'online_exploitation' || offence === 'abduction'
    ? 0.45
    : offence === 'homicide' ? 0.3 : 0.14;
  const shares: string[] = [];
  if (rng.chance(national)) shares.push(AGENCY_IDS.ahtjpd);
  if (rng.chance(0.25)) shares.push(provincialPoliceId(provinceCode));
  if (rng.chance(offence === 'homicide' ? 0.1 : 0.005)) shares.push(AGENCY_IDS.interior);
  if (rng.chance(0.02)) shares.push(AGENCY_IDS.socialAffairs);
  return shares;
}

/** Named liaison officers on a shared case (the demo liaison only on AHTJPD's cases). */
export function liaisonMembers(rng: Rng, shares: readonly string[]): string[] {
  const out: string[] = [];
  const officers = (agency: string) => STAFF.filter((s) => s.role === 'liaison' && s.agencyId === agency);
  for (const agency of shares) {
    const candidates = officers(agency);
    if (candidates.length === 0 || !rng.chance(0.45)) continue;
    const nonDemo = candidates.filter((s) => s.id !== DEMO_ACCOUNTS.liaison.userId);
    const useDemo = nonDemo.length < candidates.length && (nonDemo.length === 0 || rng.chance(0.65));
    out.push(useDemo ? DEMO_ACCOUNTS.liaison.userId : rng.pick(nonDemo).id);
  }
  return out;
}
