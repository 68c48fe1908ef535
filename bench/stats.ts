/** Median and 95th percentile (nearest rank) of a sample, in ms. */
export type Timing = { median: number; p95: number; runs: number };

export function summarize(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: rank(0.5), p95: rank(0.95), runs: sorted.length };
}

/** Runs `work` once to warm up, then `runs` times, and times each run. */
export async function timeRuns(runs: number, work: (i: number) => Promise<unknown>): Promise<Timing> {
  await work(-1);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    ms.push(performance.now() - start);
  }
  return summarize(ms);
}
