import { describe, expect, it } from 'vitest';
import { buildDemoDataset, casesOfMember, casesSharedWithAgency, DEMO_ACCOUNTS } from './dataset';

const dataset = buildDemoDataset();
const seen = new Map(dataset.lastSeen.map((r) => [`${r.userId}/${r.investigationId}`, r.seenAt.getTime()]));
const latest = new Map<string, number>();
for (const e of dataset.caseEvents) latest.set(e.investigationId, Math.max(latest.get(e.investigationId) ?? 0, e.at.getTime()));

describe('demo last-seen times', () => {
  it('[investigator] has seen each of their cases at its latest event', () => {
    const mine = casesOfMember(dataset, DEMO_ACCOUNTS.investigator.userId, { includeArchived: true });
    expect(mine.length).toBeGreaterThan(0);
    for (const c of mine) expect(seen.get(`${DEMO_ACCOUNTS.investigator.userId}/${c.id}`), c.reference).toBe(latest.get(c.id));
  });

  it('[liaison] has seen each case shared with their agency at its latest event', () => {
    const shared = casesSharedWithAgency(dataset, DEMO_ACCOUNTS.liaison.agencyId, { includeArchived: true });
    expect(shared.length).toBeGreaterThan(0);
    for (const c of shared) expect(seen.get(`${DEMO_ACCOUNTS.liaison.userId}/${c.id}`), c.reference).toBe(latest.get(c.id));
  });

  it('has one row per person and case, none for people outside the case', () => {
    expect(seen.size).toBe(dataset.lastSeen.length);
    expect([...seen.keys()].some((k) => k.startsWith(`${DEMO_ACCOUNTS.manager.userId}/`))).toBe(false);
  });
});
