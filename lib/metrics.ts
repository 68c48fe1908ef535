import { AGE_BANDS } from './vocabulary';

/**
 * The yearly figures (DESIGN.md "Metrics"), as data shared by the dashboard, the annual
 * report and its exports. Each headline carries a definition shown beside the number
 * (messages: metrics.definitions.<key>); db/queries/metrics.ts computes them in SQL.
 */
export const HEADLINES = [
  'investigations',
  'suspectsArrested',
  'arrestRate',
  'investigationsWithArrest',
  'resolutionRate',
  'provincesWithOffences',
  'spent',
  'costPerInvestigation',
] as const;
export type Headline = (typeof HEADLINES)[number];

/** How a headline is shown: a count, a share of 1, or US dollars. */
export const HEADLINE_FORMAT = {
  investigations: 'count',
  suspectsArrested: 'count',
  arrestRate: 'ratio',
  investigationsWithArrest: 'count',
  resolutionRate: 'ratio',
  provincesWithOffences: 'count',
  spent: 'usd',
  costPerInvestigation: 'usd',
} as const satisfies Record<Headline, 'count' | 'ratio' | 'usd'>;

/** Close reasons that count a closed case as resolved (DESIGN.md). */
export const RESOLVED_CLOSE_REASONS = ['convicted', 'acquitted', 'dismissed', 'referred_elsewhere', 'suspect_deceased'] as const;
/** Open stages that count a case as resolved: someone was arrested, or it is in court. */
export const RESOLVED_STAGES = ['suspect_arrested', 'referred_to_court'] as const;

/** Sentence-length buckets for convictions, in whole months: [from, to). */
export const SENTENCE_BUCKETS = [
  { key: 'under1', from: 0, to: 12 },
  { key: '1to5', from: 12, to: 60 },
  { key: '5to10', from: 60, to: 120 },
  { key: '10to15', from: 120, to: 180 },
  { key: '15to20', from: 180, to: 240 },
  { key: '20plus', from: 240, to: 100 * 12 },
] as const;
export type SentenceBucket = (typeof SENTENCE_BUCKETS)[number]['key'];

export const AGE_BAND_KEYS = AGE_BANDS.map((b) => b.key);

/** The number of provinces (capital included): "21 of 25". */
export const PROVINCE_TOTAL = 25;

/** A share of 1, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Change against the year before: the difference, and the relative change when defined. */
export function change(current: number | null, previous: number | null): { delta: number | null; relative: number | null } {
  if (current === null || previous === null) return { delta: null, relative: null };
  return { delta: current - previous, relative: previous !== 0 ? (current - previous) / previous : null };
}
