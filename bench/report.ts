import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Timing } from './stats';

type Load = { requestsPerSecond: number; p50: number; p90: number; p97_5: number; p99: number; non2xx: number; errors: number };
type Bundle = { scripts: number; gzipKb: number };
type Machine = { cpu: string; ramGb: number; postgres: string; node: string; loadAverageAtStart: string; note: string | null };

export type SizeResult = {
  size: number;
  measuredAt: string;
  loadSeconds: number | null;
  loadedRows: number | null;
  counts: Record<string, string>;
  year: number;
  dashboard: { sqlFromRows: Timing; appCached: Timing; sqlCached: Timing; appAfterWrite: Timing };
  caseList: Record<string, Timing>;
  load: { dashboard: Load; caseList: Load };
  peakRssMb: number;
  bundles?: Record<string, Bundle>;
};
export type BenchResults = {
  runs: Record<string, { machine: Machine; result: SizeResult }>;
  bundles?: { machine: Machine; measuredAt: string; routes: Record<string, Bundle> };
};

const ms = (t: Timing) => `${t.median.toFixed(1)} / ${t.p95.toFixed(1)}`;
const n = (x: number) => x.toLocaleString('en');
const CASE_LIST_LABELS: Record<string, string> = {
  firstPage: 'case list, first page', deepPage: 'case list, deep page (90 % down, keyset cursor)',
  filteredPage: 'case list, filtered (year + Phnom Penh + with arrest)', casePage: 'a case page (random cases)',
  searchReference: 'search: a case reference', searchPlace: 'search: a district ("Tuol Kouk")', searchTitleWord: 'search: a title word ("trafficking")',
};

function check(ok: boolean, text: string) {
  return `- ${ok ? '**met**' : '**missed**'}: ${text}`;
}

export function renderResults(results: BenchResults): string {
  const sizes = Object.values(results.runs).sort((a, b) => a.result.size - b.result.size);
  const header = `| | ${sizes.map((s) => n(s.result.size)).join(' | ')} |\n|---|${sizes.map(() => '---:').join('|')}|`;
  const row = (label: string, cell: (r: SizeResult) => string) => `| ${label} | ${sizes.map((s) => cell(s.result)).join(' | ')} |`;
  const out: string[] = [];
  out.push('# Benchmark results', '', 'Written by `npm run bench` (bench/run.ts); raw figures in bench/results.json. Times in ms as **median / p95**.', '');
  out.push('## Machines', '');
  for (const s of sizes) {
    const m = s.machine;
    out.push(`- ${n(s.result.size)} investigations, measured ${s.result.measuredAt.slice(0, 16).replace('T', ' ')} UTC: ${m.cpu}, ${m.ramGb} GB RAM, PostgreSQL ${m.postgres}, Node ${m.node}; load average at start ${m.loadAverageAtStart}${m.note ? `. ${m.note}` : ''}`);
  }
  out.push('', '## Data', '');
  out.push(header);
  for (const key of ['investigations', 'suspects', 'victims', 'services', 'locations', 'prosecutions']) out.push(row(key, (r) => n(Number(r.counts[key]))));
  out.push(row('database size', (r) => r.counts.db_size ?? ''));
  out.push(row('load time (generator)', (r) => (r.loadSeconds === null ? 'reused' : `${Math.round(r.loadSeconds)} s, ${n(Math.round((r.loadedRows ?? 0) / r.loadSeconds))} rows/s`)));
  out.push(row('dashboard year', (r) => String(r.year)));
  out.push('', '## Dashboard figures of one year', '');
  out.push(header);
  out.push(row('direct SQL from the rows (the metrics SQL on a plain connection, one snapshot)', (r) => ms(r.dashboard.sqlFromRows)));
  out.push(row('direct SQL, cached figures (one indexed lookup)', (r) => ms(r.dashboard.sqlCached)));
  out.push(row('**through the app** (HTTP, session, permission, audit row, cached figures)', (r) => ms(r.dashboard.appCached)));
  out.push(row('through the app, first read after a write (recomputed)', (r) => ms(r.dashboard.appAfterWrite)));
  out.push(row('ratio app / direct SQL from the rows (p95)', (r) => (r.dashboard.appCached.p95 / r.dashboard.sqlFromRows.p95).toFixed(2)));
  out.push(row('ratio app after a write / direct SQL from the rows (p95)', (r) => (r.dashboard.appAfterWrite.p95 / r.dashboard.sqlFromRows.p95).toFixed(2)));
  out.push('', '## Case list, case page, search (signed-in page, full HTML)', '');
  out.push(header);
  for (const [key, label] of Object.entries(CASE_LIST_LABELS)) out.push(row(label, (r) => (r.caseList[key] ? ms(r.caseList[key]) : '')));
  out.push('', '## Under load: 20 concurrent connections (autocannon), signed in', '');
  out.push(header);
  for (const [key, label] of [['dashboard', 'dashboard page'], ['caseList', 'case list page']] as const) {
    out.push(row(`${label}: requests/s`, (r) => r.load[key].requestsPerSecond.toFixed(0)));
    out.push(row(`${label}: latency p50 / p90 / p97.5 / p99`, (r) => `${r.load[key].p50} / ${r.load[key].p90} / ${r.load[key].p97_5} / ${r.load[key].p99}`));
    out.push(row(`${label}: non-2xx / errors`, (r) => `${r.load[key].non2xx} / ${r.load[key].errors}`));
  }
  out.push(row('server peak memory (VmHWM of next start and children)', (r) => `${Math.round(r.peakRssMb)} MB`));
  if (results.bundles) {
    out.push('', '## First-load JavaScript per route (every script the HTML names, gzip)', '');
    out.push('| route | scripts | kB gzip |', '|---|---:|---:|');
    for (const [route, b] of Object.entries(results.bundles.routes)) out.push(`| ${route} | ${b.scripts} | ${b.gzipKb.toFixed(1)} |`);
  }

  const big = sizes.at(-1)?.result;
  const small = sizes[0]?.result;
  if (big) {
    out.push('', `## Targets at ${n(big.size)} investigations`, '');
    const d = big.dashboard;
    out.push(check(d.appCached.p95 <= 1.5 * d.sqlFromRows.p95, `dashboard figures within 1.5x of the direct SQL: p95 ${d.appCached.p95.toFixed(1)} ms through the app vs ${d.sqlFromRows.p95.toFixed(1)} ms direct from the rows (${(d.appCached.p95 / d.sqlFromRows.p95).toFixed(2)}x); against the cached lookup run directly (${d.sqlCached.p95.toFixed(1)} ms) the app adds HTTP, session, permission check and audit row`));
    out.push(check(d.appCached.p95 < 150, `dashboard figures under 150 ms p95: ${d.appCached.p95.toFixed(1)} ms (first read after a write: ${d.appAfterWrite.p95.toFixed(1)} ms)`));
    const pages = ['firstPage', 'deepPage', 'filteredPage'].map((k) => [k, big.caseList[k]!] as const);
    const worst = pages.reduce((a, b) => (b[1].p95 > a[1].p95 ? b : a));
    out.push(check(worst[1].p95 < 100, `every case-list page under 100 ms p95: worst ${CASE_LIST_LABELS[worst[0]]} ${worst[1].p95.toFixed(1)} ms`));
    for (const k of ['searchReference', 'searchPlace', 'searchTitleWord', 'casePage']) {
      const t = big.caseList[k];
      if (t) out.push(check(t.p95 < 100, `${CASE_LIST_LABELS[k]} under 100 ms p95: ${t.p95.toFixed(1)} ms`));
    }
    const l = big.load.dashboard;
    out.push(check(l.requestsPerSecond >= 100 && l.p97_5 < 500, `dashboard page at 100 requests/s or more with p95 under 500 ms at 20 connections: ${l.requestsPerSecond.toFixed(0)} requests/s, p97.5 ${l.p97_5} ms (autocannon reports p90 ${l.p90} and p97.5; p95 lies between)`));
    out.push(check(big.peakRssMb < 500, `server memory under 500 MB: ${Math.round(big.peakRssMb)} MB`));
    const b = results.bundles?.routes;
    if (b) {
      out.push(check((b['/dashboard']?.gzipKb ?? Infinity) < 250, `first-load JS on the dashboard under 250 kB gzip: ${b['/dashboard']?.gzipKb.toFixed(1)} kB`));
      out.push(check((b['/login']?.gzipKb ?? Infinity) < 150, `first-load JS on /login under 150 kB gzip: ${b['/login']?.gzipKb.toFixed(1)} kB`));
    }
    if (small && small !== big) {
      const growth = (a: Timing, z: Timing) => z.p95 / a.p95;
      const g = [
        ['dashboard figures', growth(small.dashboard.appCached, big.dashboard.appCached)],
        ...pages.map(([k]) => [CASE_LIST_LABELS[k]!, growth(small.caseList[k]!, big.caseList[k]!)] as const),
      ] as const;
      out.push(check(g.every(([, x]) => x <= 3), `growth ${n(small.size)} → ${n(big.size)} within 3x (p95): ${g.map(([k, x]) => `${k} ${x.toFixed(2)}x`).join(', ')}`));
    }
  }
  // The design and the reading of the figures, written by hand next to the generated tables.
  const notes = path.join(__dirname, 'notes.md');
  if (existsSync(notes)) out.push('', readFileSync(notes, 'utf8').trim());
  return `${out.join('\n')}\n`;
}
