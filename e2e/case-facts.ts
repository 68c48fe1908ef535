import { buildDemoDataset, casesVisibleTo } from '../db/seed/dataset';

/**
 * Cases for the case-page specs, from the same deterministic generator the e2e database is
 * seeded with. Each spec takes its own case so tests never edit one another's data.
 */
const dataset = buildDemoDataset();
const live = (c: { archivedAt?: Date | null }) => !c.archivedAt;
const has = (rows: { investigationId: string }[]) => new Set(rows.map((r) => r.investigationId));
const withSuspects = has(dataset.suspects);
const prosecuted = has(dataset.prosecutions);
const investigatorCases = casesVisibleTo(dataset, 'investigator').filter(live);
const liaisonCases = casesVisibleTo(dataset, 'liaison').filter(live);

// A name that nothing else on the page may show (a suspect of the same name would be legitimate).
const suspectNames = new Set(dataset.suspects.flatMap((s) => [s.fullName, s.alias]).filter(Boolean));
const named = dataset.victims.filter((v) => v.fullName && v.dateOfBirth && !suspectNames.has(v.fullName));
const sharedVictim = named.find((v) => liaisonCases.some((c) => c.id === v.investigationId))!;

export const caseFacts = {
  /** Investigator member cases with at least one suspect, not closed, for editing. */
  memberCasesWithSuspects: investigatorCases.filter((c) => withSuspects.has(c.id) && c.status !== 'closed'),
  /** Investigator member cases with a suspect, no prosecution yet, not yet in court. */
  memberCasesWithoutProsecutions: investigatorCases.filter((c) => withSuspects.has(c.id) && !prosecuted.has(c.id) && c.status !== 'closed' && c.status !== 'referred_to_court'),
  /** Open cases any manager may close. */
  openCases: dataset.investigations.filter((c) => live(c) && c.status !== 'closed' && c.status !== 'referred_to_court'),
  /** The canary: a named child with a date of birth, in a case shared with the liaison's agency. */
  canary: {
    caseId: sharedVictim.investigationId,
    code: sharedVictim.code,
    fullName: sharedVictim.fullName!,
    dateOfBirth: sharedVictim.dateOfBirth!,
    reference: dataset.investigations.find((c) => c.id === sharedVictim.investigationId)!.reference,
  },
};
