import { STAFF } from './organisation';
import type { CaseEventRow, LastSeenRow, MemberRow, ShareRow } from './types';

/**
 * When each person with a case in their scope by membership or share last opened it: at
 * the case's latest event, so the demo starts with nothing "updated since you looked".
 * Members (lead, team, named liaison officers) and the liaison officers of every agency the
 * case is shared with. Pure: derived from rows already built, no randomness drawn.
 */
export function lastSeenRows(members: readonly MemberRow[], shares: readonly ShareRow[], events: readonly CaseEventRow[]): LastSeenRow[] {
  const latest = new Map<string, Date>();
  for (const e of events) {
    const seen = latest.get(e.investigationId);
    if (!seen || e.at > seen) latest.set(e.investigationId, e.at);
  }
  const officers = new Map<string, string[]>();
  for (const s of STAFF) {
    if (s.role === 'liaison' && s.agencyId) officers.set(s.agencyId, [...(officers.get(s.agencyId) ?? []), s.id]);
  }
  const rows = new Map<string, LastSeenRow>();
  const add = (userId: string, investigationId: string) => {
    const seenAt = latest.get(investigationId);
    if (seenAt) rows.set(`${userId}/${investigationId}`, { userId, investigationId, seenAt });
  };
  for (const m of members) add(m.userId, m.investigationId);
  for (const s of shares) for (const userId of officers.get(s.agencyId) ?? []) add(userId, s.investigationId);
  return [...rows.values()];
}
