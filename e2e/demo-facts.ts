import { buildDemoDataset } from '../db/seed';
import { DEMO_ACCOUNTS } from '../db/seed/organisation';

/**
 * What the demo database holds, computed from the same deterministic generator the seed
 * inserts, so the suite knows each persona's expected cases without reading the database
 * (the embedded database allows only the server's process to open it).
 */
const dataset = buildDemoDataset();
const live = dataset.investigations.filter((c) => !c.archivedAt);

const investigatorId = DEMO_ACCOUNTS.investigator.userId;
const liaison = DEMO_ACCOUNTS.liaison;

const memberCaseIds = new Set(dataset.members.filter((m) => m.userId === investigatorId).map((m) => m.investigationId));
const sharedCaseIds = new Set([
  ...dataset.shares.filter((s) => s.agencyId === liaison.agencyId).map((s) => s.investigationId),
  ...dataset.members.filter((m) => m.userId === liaison.userId && m.role === 'liaison').map((m) => m.investigationId),
]);

const refs = (ids: Set<string>) => new Set(live.filter((c) => ids.has(c.id)).map((c) => c.reference));

export const demoFacts = {
  liveCaseCount: live.length,
  investigatorCaseRefs: refs(memberCaseIds),
  liaisonCaseRefs: refs(sharedCaseIds),
  /** A live case the liaison's agency has no share in. */
  caseNotSharedWithLiaison: live.find((c) => !sharedCaseIds.has(c.id))!,
  /** A live case the demo investigator is not a member of. */
  caseOutsideInvestigator: live.find((c) => !memberCaseIds.has(c.id))!,
  /** A live case shared with the liaison's agency. */
  caseSharedWithLiaison: live.find((c) => sharedCaseIds.has(c.id))!,
};
