// npm run bench [-- --sizes 10000,100000,1000000 --runs 30 --duration 15 --no-build]
// Builds, loads each size into its own PostgreSQL database (reused when it already holds
// that size), starts `next start` on it and measures; writes bench/results.json and .md.
// Needs a PostgreSQL server: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// the databases are cpu_bench_<size> on it. See README "Benchmarks".
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../db/schema';
import pg from 'pg';
import { encode } from 'next-auth/jwt';
import { APP_SESSION_OPTIONS } from '../db/client';
import { generateLoad } from '../db/load';
import { readYearFigures } from '../db/queries/metrics';
import { hashPassword } from '../lib/auth/password';
import { encodeCaseCursor } from '../lib/case-cursor';
import { FIELD_KEYS_VARIABLE, newKeyEntry } from '../lib/security/field-crypto';
import { firstLoadJs } from './bundle';
import { BenchClient } from './http';
import { renderResults, type BenchResults, type SizeResult } from './report';
import { startServer } from './server';
import { timeRuns, type Timing } from './stats';

const root = path.resolve(__dirname, '..');
const RESULTS_JSON = path.join(__dirname, 'results.json');
const RESULTS_MD = path.join(__dirname, 'results.md');
const BENCH_EMAIL = 'bench-manager@bench.invalid';
const WARM_UP_SECONDS = 5;
// The session cookie's name over plain HTTP (lib/auth/config.ts), which the bench server uses.
const SESSION_COOKIE = 'authjs.session-token';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    runs: { type: 'string', default: '30' },
    duration: { type: 'string', default: '15' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3303' },
    'no-build': { type: 'boolean', default: false },
    note: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const RUNS = Number(values.runs);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The bench databases hold synthetic identities, sealed like real ones (so the figures include
 * the encryption's cost): one key for all of them, kept in the git-ignored bench/tmp so a
 * reused database still opens.
 */
function benchFieldKeys(): string {
  const file = path.join(root, 'bench', 'tmp', 'field-keys');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, newKeyEntry('bench'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
process.env[FIELD_KEYS_VARIABLE] ??= benchFieldKeys();

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const dbUrl = (name: string) => { const u = new URL(serverUrl); u.pathname = `/${name}`; return u.toString(); };
async function onServer<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await work(c); } finally { await c.end(); }
}

async function loadedSize(url: string): Promise<number> {
  return onServer(url, async (c) => Number((await c.query(`select count(*) as n from investigations`)).rows[0].n)).catch(() => -1);
}

function migrate(url: string) {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' });
}

/** The database for a size: reused when it holds exactly that many investigations, else made afresh. */
async function prepareDatabase(size: number): Promise<{ url: string; loadSeconds: number | null; rows: number | null }> {
  const name = `cpu_bench_${size}`;
  const url = dbUrl(name);
  const exists = await onServer(serverUrl, async (c) => (await c.query(`select 1 from pg_database where datname = $1`, [name])).rowCount === 1);
  if (exists && (await loadedSize(url)) === size) {
    log(`${name}: already holds ${size} investigations, reused`);
    migrate(url);
    // New migrations may have added indexes; statistics and the visibility map must be current (cheap when they are).
    await onServer(url, (c) => c.query('vacuum (analyze)'));
    return { url, loadSeconds: null, rows: null };
  }
  await onServer(serverUrl, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
  migrate(url);
  log(`${name}: generating ${size} investigations`);
  const { rows, seconds } = await generateLoad(url, { investigations: size, years: 10, log });
  return { url, loadSeconds: seconds, rows };
}

/** The bench manager's account (made or reset): its id. */
async function benchAccount(url: string): Promise<string> {
  const hash = await hashPassword(randomBytes(18).toString('base64url'));
  return onServer(url, async (c) => {
    const updated = await c.query(`update users set password_hash = $2, active = true, locked_at = null where lower(email) = $1 returning id`, [BENCH_EMAIL, hash]);
    const row = updated.rows[0] ?? (await c.query(`insert into users (email, name, role, password_hash) values ($1, 'Bench Manager', 'manager', $2) returning id`, [BENCH_EMAIL, hash])).rows[0];
    return row.id as string;
  });
}

/**
 * A session for the bench manager, opened in the database and carried in a cookie signed with
 * the server's AUTH_SECRET, as a sign-in would leave it. Managers pass a second step (TOTP)
 * through the login form, which a load tool cannot drive; the bench measures pages, not sign-in.
 */
async function benchSessionCookie(url: string, userId: string, authSecret: string): Promise<string> {
  const sessionId = await onServer(url, async (c) =>
    (await c.query(`insert into sessions (user_id, expires_at) values ($1, now() + interval '12 hours') returning id`, [userId])).rows[0].id as string);
  return encode({ token: { sub: userId, sessionId }, secret: authSecret, salt: SESSION_COOKIE, maxAge: 12 * 60 * 60 });
}

type Load = { requestsPerSecond: number; p50: number; p90: number; p97_5: number; p99: number; non2xx: number; errors: number };
/** 20 connections on one page: a warm-up (not counted, so the figures are the server's steady state), then the measured run. */
async function loadTest(client: BenchClient, path: string, seconds: number): Promise<Load> {
  const options = { url: `${client.base}${path}`, connections: 20, timeout: 60, headers: { cookie: client.cookieHeader } };
  await autocannon({ ...options, duration: WARM_UP_SECONDS });
  const result = await autocannon({ ...options, duration: seconds });
  return {
    requestsPerSecond: result.requests.average, p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5,
    p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts,
  };
}

async function benchSize(size: number, measureBundles: boolean): Promise<SizeResult> {
  const { url, loadSeconds, rows } = await prepareDatabase(size);
  const pool = new pg.Pool({ connectionString: url, max: 2, options: APP_SESSION_OPTIONS });
  const one = async <T,>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows[0] as T;
  try {
    const counts = await one<Record<string, string>>(`select (select count(*) from investigations) as investigations, (select count(*) from suspects) as suspects,
      (select count(*) from victims) as victims, (select count(*) from victim_services) as services, (select count(*) from offence_locations) as locations,
      (select count(*) from prosecutions) as prosecutions, (select max(ref_year) from investigations) as last_year,
      pg_size_pretty(pg_database_size(current_database())) as db_size`);
    const year = Number(counts.last_year) - 1;
    log(`size ${size}: ${JSON.stringify(counts)}; dashboard year ${year}`);

    const userId = await benchAccount(url);
    const authSecret = randomBytes(32).toString('base64url');
    const server = await startServer(Number(values.port), { DATABASE_URL: url, AUTH_SECRET: authSecret });
    try {
      const client = new BenchClient(server.base);
      client.setCookie(SESSION_COOKIE, await benchSessionCookie(url, userId, authSecret));
      await client.page('/dashboard');

      // Dashboard figures: through the app (an HTTP request for one of its tables: session,
      // permission, audit row, figures) vs the database alone.
      const db = drizzle(pool, { schema });
      const figuresFromRows = () => db.transaction((tx) => readYearFigures(tx, { year }), { isolationLevel: 'repeatable read', accessMode: 'read only' });
      const cacheKey = JSON.stringify([year, null, null]);
      const csv = `/dashboard/csv?table=headlines&year=${year}`;
      log('dashboard figures');
      const dashboard = {
        sqlFromRows: await timeRuns(Math.min(RUNS, 15), figuresFromRows),
        appCached: await timeRuns(RUNS, () => client.page(csv)),
        sqlCached: await timeRuns(RUNS, () => pool.query(`select f.figures from figures_cache f join data_version d on d.version = f.version where f.key = $1`, [cacheKey])),
        // After a write: the first read recomputes from the rows.
        appAfterWrite: await timeRuns(Math.min(RUNS, 15), async () => {
          await pool.query(`update data_version set version = version + 1`);
          await client.page(csv);
        }),
      };

      log(`case list, case page, search (server peak so far ${Math.round(server.peakRssMb())} MB)`);
      const deep = await one<{ id: string; opened_on: string }>(
        `select id, opened_on::text from investigations where archived_at is null order by opened_on desc, id desc offset $1 limit 1`, [Math.floor(size * 0.9)]);
      const after = encodeCaseCursor({ sort: 'opened_desc', key: [deep.opened_on], id: deep.id });
      const { rows: sample } = await pool.query<{ id: string }>(`select id from investigations tablesample system (5) where archived_at is null limit $1`, [RUNS + 1]);
      const ref = await one<{ reference: string }>(`select reference from investigations where ref_year = $1 and ref_seq = 420`, [year]);
      const caseList: Record<string, Timing> = {
        firstPage: await timeRuns(RUNS, () => client.page('/cases')),
        deepPage: await timeRuns(RUNS, () => client.page(`/cases?after=${after}`)),
        filteredPage: await timeRuns(RUNS, () => client.page(`/cases?year=${year}&province=12&arrest=yes`)),
        casePage: await timeRuns(RUNS, (i) => client.page(`/cases/${sample[(i + sample.length) % sample.length]!.id}`)),
        searchReference: await timeRuns(RUNS, () => client.page(`/cases?q=${encodeURIComponent(ref?.reference ?? 'CPU-2020-0420')}`)),
        searchPlace: await timeRuns(RUNS, () => client.page(`/cases?q=${encodeURIComponent('Tuol Kouk')}`)),
        searchTitleWord: await timeRuns(RUNS, () => client.page(`/cases?q=trafficking`)),
      };

      log(`load: dashboard page, case list (server peak so far ${Math.round(server.peakRssMb())} MB)`);
      const seconds = Number(values.duration);
      const load = {
        dashboard: await loadTest(client, `/dashboard?year=${year}`, seconds),
        caseList: await loadTest(client, '/cases', seconds),
      };
      log(`server peak after the load ${Math.round(server.peakRssMb())} MB`);
      const bundles = measureBundles ? {
        '/login': await firstLoadJs(new BenchClient(server.base), '/login'),
        '/dashboard': await firstLoadJs(client, `/dashboard?year=${year}`),
        '/cases': await firstLoadJs(client, '/cases'),
        '/cases/[id]': await firstLoadJs(client, `/cases/${sample[0]!.id}`),
        '/home': await firstLoadJs(client, '/home'),
      } : undefined;
      return {
        size, measuredAt: new Date().toISOString(), loadSeconds, loadedRows: rows, counts, year, dashboard, caseList, load,
        peakRssMb: server.peakRssMb(), bundles,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await pool.end();
  }
}

function machine() {
  const pgVersion = spawnSync('psql', [serverUrl, '-tAc', 'show server_version'], { encoding: 'utf8' }).stdout.trim();
  return {
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    postgres: pgVersion || 'unknown',
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => l.toFixed(1)).join(' '),
    note: values.note ?? null,
  };
}

async function main() {
  if (!values['no-build']) {
    log('npm run build');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('no production build (.next/BUILD_ID)');
  const previous: BenchResults = existsSync(RESULTS_JSON) ? JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) : { runs: {} };
  let first = true;
  for (const size of sizes) {
    const at = machine();
    const result = await benchSize(size, first);
    first = false;
    const before = previous.runs[String(size)]?.result;
    // A reused database keeps the load figures of the run that made it.
    const load = result.loadSeconds === null && before ? { loadSeconds: before.loadSeconds, loadedRows: before.loadedRows } : {};
    previous.runs[String(size)] = { machine: at, result: { ...result, ...load, bundles: result.bundles ?? before?.bundles } };
    if (result.bundles) previous.bundles = { machine: at, measuredAt: result.measuredAt, routes: result.bundles };
    writeFileSync(RESULTS_JSON, `${JSON.stringify(previous, null, 2)}\n`);
    writeFileSync(RESULTS_MD, renderResults(previous));
    log(`size ${size} done: bench/results.md updated`);
  }
}

main().catch((err) => {
  console.error('[bench] failed:', err);
  process.exitCode = 1;
});
