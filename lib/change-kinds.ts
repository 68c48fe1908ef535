/**
 * Timeline kinds grouped into what a person scanning their home page wants to know ("Arrest
 * recorded, Prosecution updated"). Kinds added later fall under their prefix's group, or
 * "other": the home page never fails on a kind it does not know.
 */
export const CHANGE_GROUPS = [
  'opened', 'status', 'closed', 'details', 'sharing', 'team', 'locations', 'suspects', 'arrest',
  'prosecution', 'hearing', 'verdict', 'children', 'services', 'archived', 'restored', 'other',
] as const;
export type ChangeGroup = (typeof CHANGE_GROUPS)[number];

const EXACT: Record<string, ChangeGroup> = {
  case_opened: 'opened',
  status_changed: 'status',
  case_reopened: 'status',
  case_closed: 'closed',
  case_updated: 'details',
  suspect_arrested: 'arrest',
  verdict_recorded: 'verdict',
  case_archived: 'archived',
  case_restored: 'restored',
  agency_share_withdrawn: 'sharing',
  liaison_share_withdrawn: 'sharing',
};

const PREFIXES: [string, ChangeGroup][] = [
  ['arrest', 'arrest'],
  ['prosecution', 'prosecution'],
  ['hearing', 'hearing'],
  ['verdict', 'verdict'],
  ['share', 'sharing'],
  ['unshare', 'sharing'],
  ['member', 'team'],
  ['team', 'team'],
  ['lead', 'team'],
  ['location', 'locations'],
  ['suspect', 'suspects'],
  ['victim', 'children'],
  ['service', 'services'],
];

export function changeGroup(kind: string): ChangeGroup {
  return EXACT[kind] ?? PREFIXES.find(([prefix]) => kind.startsWith(prefix))?.[1] ?? 'other';
}

/** The distinct groups of some kinds, in a fixed order. */
export function changeGroups(kinds: readonly string[]): ChangeGroup[] {
  const groups = new Set(kinds.map(changeGroup));
  return CHANGE_GROUPS.filter((g) => groups.has(g));
}
