import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Rng } from '../seed/random';
import { DEMO_ACCOUNTS } from '../seed/organisation';
import { EXPENDITURE_CATEGORIES } from '../../lib/vocabulary';
import { buildLoadCase, type CaseContext } from './cases';
import { CopyBuffer } from './copy';
import { insertLoadStaff } from './organisation';
import { loadBuffers, type LoadBuffers } from './tables';

export type LoadOptions = {
  investigations: number;
  years: number;
  /** The last year of data (default: last calendar year). */
  lastYear?: number;
  seed?: number;
  log?: (line: string) => void;
};

const CHUNK_CASES = 5_000;

/** Why the generator refuses a database, or null when it may fill it. */
export async function refusal(client: pg.PoolClient): Promise<string | null> {
  const { rows: [tables] } = await client.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_name = 'investigations'`);
  if (!tables?.n) return 'the database has no schema: run the migrations first (npm run db:migrate)';
  const { rows: cases } = await client.query(`select 1 from investigations limit 1`);
  if (cases.length > 0) return 'the database already holds investigations: the generator only fills an empty database';
  const emails = Object.values(DEMO_ACCOUNTS).map((a) => a.email);
  const { rows: demo } = await client.query(`select 1 from users where lower(email) = any($1::text[]) limit 1`, [emails]);
  if (demo.length > 0) return 'the database has the demo accounts: the generator never writes into a demo database';
  return null;
}

/** Secondary indexes of the loaded tables: dropped during the load and built once at the end (several times faster). */
async function dropSecondaryIndexes(client: pg.PoolClient, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and t.relname = any($1::text[]) and not i.indisunique and not i.indisprimary`, [tables]);
  for (const r of rows) await client.query(`drop index ${pg.escapeIdentifier(r.name)}`);
  return rows.map((r) => r.def);
}

async function flushAll(client: pg.PoolClient, out: LoadBuffers): Promise<number> {
  let rows = 0;
  for (const buffer of Object.values(out)) rows += await buffer.flush(client);
  return rows;
}

/** Spreads n over k parts that differ by at most one. */
const spread = (n: number, k: number) => Array.from({ length: k }, (_, i) => Math.floor(n / k) + Number(i < n % k));

/**
 * Fills an empty, migrated PostgreSQL database with `investigations` generated cases over
 * `years` years, by COPY in chunks. Returns the number of rows written.
 */
export async function generateLoad(databaseUrl: string, opts: LoadOptions): Promise<{ rows: number; seconds: number }> {
  const log = opts.log ?? console.log;
  const lastYear = opts.lastYear ?? new Date().getUTCFullYear() - 1;
  const firstYear = lastYear - opts.years + 1;
  const rng = new Rng(opts.seed ?? 20_261_130);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let rows = 0;
  let indexes: string[] = [];
  try {
    const why = await refusal(client);
    if (why) throw new Error(`refusing to generate: ${why}`);
    // Foreign keys are checked per row by triggers; the generated rows are consistent by
    // construction, so a superuser skips them (and the statement triggers) during the load.
    await client.query(`set session_replication_role = replica`).catch(() => log('[load] not a superuser: foreign keys are checked row by row (slower)'));
    await client.query(`set maintenance_work_mem = '512MB'`);
    const out = loadBuffers();
    indexes = await dropSecondaryIndexes(client, Object.values(out).map((b) => b.table));

    const perYear = spread(opts.investigations, opts.years);
    const staff = await insertLoadStaff(client, rng, Math.max(...perYear));
    const expenditures = new CopyBuffer('expenditures', ['id', 'year', 'category', 'amount_usd']);
    perYear.forEach((n, i) => {
      for (const category of EXPENDITURE_CATEGORIES) expenditures.add([randomUUID(), firstYear + i, category, (n * 600 * (0.8 + rng.next() * 0.4)).toFixed(2)]);
    });
    rows += await expenditures.flush(client);

    const ctx: CaseContext = { rng, staff, out, lastYear, today: new Date().toISOString().slice(0, 10) };
    // The database loads one chunk while the next is generated: one core each.
    let pending: Promise<number> = Promise.resolve(0);
    const handOver = async () => {
      rows += await pending;
      const chunk = ctx.out;
      ctx.out = loadBuffers();
      pending = flushAll(client, chunk);
    };
    let done = 0;
    let lastLog = 0;
    for (const [i, n] of perYear.entries()) {
      const year = firstYear + i;
      for (let seq = 1; seq <= n; seq++) {
        // About 0.5 % of cases are archived (duplicates, entered in error), as in the demo.
        buildLoadCase(ctx, year, seq, rng.chance(0.005));
        done += 1;
        if (ctx.out.investigations.size >= CHUNK_CASES) await handOver();
        // Let the pending COPY write to its socket between cases.
        if (done % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (done - lastLog >= 50_000 || done === opts.investigations) {
          lastLog = done;
          log(`[load] ${done.toLocaleString('en')} / ${opts.investigations.toLocaleString('en')} investigations generated, ${rows.toLocaleString('en')} rows loaded, ${Math.round(rows / seconds()).toLocaleString('en')} rows/s`);
        }
      }
    }
    await handOver();
    rows += await pending;
    log(`[load] rows written in ${seconds().toFixed(0)} s; building ${indexes.length} indexes`);
    for (const def of indexes.splice(0)) await client.query(def);
    await client.query(`set session_replication_role = default`);
    // The generator bypassed the triggers: bump the data version so no cached figures outlive the load.
    await client.query(`update data_version set version = version + 1`);
    // Statistics for the planner, and the visibility map that lets counts use index-only scans.
    log(`[load] vacuum analyze`);
    await client.query(`vacuum (analyze)`);
    log(`[load] done: ${rows.toLocaleString('en')} rows in ${seconds().toFixed(0)} s (${Math.round(rows / seconds()).toLocaleString('en')} rows/s overall)`);
    return { rows, seconds: seconds() };
  } finally {
    for (const def of indexes) await client.query(def).catch(() => undefined);
    client.release();
    await pool.end();
  }
}
