import 'server-only';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { getDb } from '../client';
import { authorize } from '../scope';
import { agencies, users } from '../schema';
import { can, type Viewer } from '@/lib/policy';
import type { Locale } from '@/lib/vocabulary';

export type TeamOption = { value: string; label: string };

/**
 * The choices of the manager's "Team and sharing" forms, active only: CPU investigators and
 * managers (lead, team), liaison officers with their agency, and partner agencies (never
 * the CPU itself). Agency names in the reader's language where one exists. The write checks
 * eligibility again: a list loaded before someone was deactivated proves nothing.
 */
export async function getTeamOptions(viewer: Viewer, locale: Locale) {
  const mayAssign = can(viewer, 'cases:assign');
  const mayShare = can(viewer, 'cases:share');
  if (!mayAssign && !mayShare) await authorize(viewer, 'cases:assign', { action: 'case.team_options' });
  const db = getDb();
  const km = locale === 'km';
  const agencyName = (a: { name: string; nameKm: string | null }) => (km && a.nameKm) || a.name;

  const [staff, liaisons, partners] = await Promise.all([
    !mayAssign ? [] : db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(users.active, true), inArray(users.role, ['investigator', 'manager']), eq(agencies.kind, 'cpu'), eq(agencies.active, true)))
      .orderBy(asc(users.name)),
    !mayShare ? [] : db
      .select({ id: users.id, name: users.name, agency: agencies.name, agencyKm: agencies.nameKm })
      .from(users)
      .leftJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(users.active, true), eq(users.role, 'liaison')))
      .orderBy(asc(users.name)),
    !mayShare ? [] : db
      .select({ id: agencies.id, name: agencies.name, nameKm: agencies.nameKm })
      .from(agencies)
      .where(and(eq(agencies.active, true), ne(agencies.kind, 'cpu')))
      .orderBy(asc(agencies.name)),
  ]);
  return {
    // The where clause keeps only these two roles.
    staff: staff.map((s) => ({ value: s.id, label: s.name, role: s.role as 'investigator' | 'manager' })),
    liaisons: liaisons.map((l): TeamOption => ({
      value: l.id,
      label: l.agency ? `${l.name} (${agencyName({ name: l.agency, nameKm: l.agencyKm })})` : l.name,
    })),
    agencies: partners.map((a): TeamOption => ({ value: a.id, label: agencyName(a) })),
  };
}
export type TeamOptions = Awaited<ReturnType<typeof getTeamOptions>>;
