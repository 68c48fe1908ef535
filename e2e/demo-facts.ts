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

const KAMPONG_CHHNANG = '04';
const inKampongChhnang = new Set(dataset.offenceLocations.filter((l) => l.provinceCode === KAMPONG_CHHNANG && !l.archivedAt).map((l) => l.investigationId));
/** The newest live case of the province the demo writes in Khmer script, with a named suspect and a named victim. */
const khmerCase = live.filter((c) => inKampongChhnang.has(c.id))
  .filter((c) => dataset.suspects.some((s) => s.investigationId === c.id && !s.archivedAt && s.fullName))
  .filter((c) => dataset.victims.some((v) => v.investigationId === c.id && !v.archivedAt && v.fullName))
  .sort((a, b) => b.reference.localeCompare(a.reference))[0]!;

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
  /** A case written in Khmer script: its district, its suspect's and its victim's names. */
  khmerCase: {
    reference: khmerCase.reference,
    title: khmerCase.title,
    district: dataset.offenceLocations.find((l) => l.investigationId === khmerCase.id && l.provinceCode === KAMPONG_CHHNANG && !l.archivedAt)!.district,
    suspectName: dataset.suspects.find((s) => s.investigationId === khmerCase.id && !s.archivedAt && s.fullName)!.fullName!,
    victimName: dataset.victims.find((v) => v.investigationId === khmerCase.id && !v.archivedAt && v.fullName)!.fullName!,
    /** What staff typed in English (the summary, service providers' names): data, not UI. */
    englishText: [khmerCase.summary, ...dataset.victimServices.map((s) => s.provider)].filter((t): t is string => !!t),
  },
};
