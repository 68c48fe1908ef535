import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { dataDir } from '../lib/data-dir';
import { pgliteExtensions } from './pglite-extensions';

/**
 * One database handle per process. With DATABASE_URL: a node-postgres pool. Without it:
 * an embedded PGlite database in the data folder (one process per folder, so migrations
 * and seeding run before `next start`, never beside it).
 */
export type Db = NodePgDatabase<typeof schema>;
/**
 * A transaction. Inside one, use only the tx: the embedded database has a single
 * connection, so a query through getDb() there waits for the transaction forever.
 */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type Handle = { db: Db; kind: 'postgres' | 'pglite'; close: () => Promise<void> };
const slot = globalThis as typeof globalThis & { __cpuDb?: Handle };


/** Planner settings of the app's own connections (the bench's direct SQL uses the same). */
export const APP_SESSION_OPTIONS = '-c jit=off -c random_page_cost=1.1';

function openPostgres(url: string): Handle {
  // JIT compiles every query over a few thousand rows: a 7 ms page query took 117 ms with it.
  // random_page_cost 1.1 (SSD, hot cache) instead of 4 (spinning disk): at 4 the planner read
  // all million cases to join 16,000 search matches instead of fetching those 16,000 by key.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10), options: APP_SESSION_OPTIONS });
  // Without this listener a database restart emits an unhandled 'error' and kills the process.
  pool.on('error', (err) => console.error('[db] idle client error:', err.message));
  return { db: drizzlePg(pool, { schema }), kind: 'postgres', close: () => pool.end() };
}

function openPglite(dir: string): Handle {
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir, { extensions: pgliteExtensions });
  // PGlite's drizzle type differs only in its result HKT; the query API we use is the same.
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

function open(): Handle {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(path.join(dataDir(), 'pglite'));
}

export function getDb(): Db {
  slot.__cpuDb ??= open();
  return slot.__cpuDb.db;
}

export function databaseKind(): Handle['kind'] {
  slot.__cpuDb ??= open();
  return slot.__cpuDb.kind;
}

/** Tests install their own database (a fresh clone per test file). */
export function installDb(handle: Handle): void {
  slot.__cpuDb = handle;
}

export async function closeDb(): Promise<void> {
  const handle = slot.__cpuDb;
  slot.__cpuDb = undefined;
  await handle?.close();
}

export { schema };
