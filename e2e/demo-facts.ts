import { buildDemoDataset, casesVisibleTo } from '../db/seed/dataset';

/**
 * What the demo database holds, computed from the same deterministic generator the seed
 * inserts, so the suite knows each persona's expected cases without reading the database
 * (the embedded database allows only the server's process to open it).
 */
const dataset = buildDemoDataset();
const live = dataset.investigations.filter((c) => !c.archivedAt);
const investigatorCases = casesVisibleTo(dataset, 'investigator');
const liaisonCases = casesVisibleTo(dataset, 'liaison');
const ids = (cases: { id: string }[]) => new Set(cases.map((c) => c.id));
const investigatorIds = ids(investigatorCases);
const liaisonIds = ids(liaisonCases);

export const demoFacts = {
  liveCaseCount: live.length,
  investigatorCaseRefs: new Set(investigatorCases.map((c) => c.reference)),
  liaisonCaseRefs: new Set(liaisonCases.map((c) => c.reference)),
  /** A live case the liaison's agency has no share in. */
  caseNotSharedWithLiaison: live.find((c) => !liaisonIds.has(c.id))!,
  /** A live case the demo investigator is not a member of. */
  caseOutsideInvestigator: live.find((c) => !investigatorIds.has(c.id))!,
  /** A live case the demo investigator is a member of. */
  caseOfInvestigator: live.find((c) => investigatorIds.has(c.id))!,
  /** A live case shared with the liaison's agency. */
  caseSharedWithLiaison: live.find((c) => liaisonIds.has(c.id))!,
};
