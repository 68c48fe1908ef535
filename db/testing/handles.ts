import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type Db, type installDb } from '../client';
import * as schema from '../schema';

export type DbHandle = Parameters<typeof installDb>[0];

/** A node-postgres pool for one database, in the shape installDb() takes. */
export function postgresHandle(url: string, max = 4): { handle: DbHandle; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', (err) => console.error('[test-db] idle client error:', err.message));
  return { pool, handle: { db: drizzlePg(pool, { schema }), kind: 'postgres', close: () => pool.end() } };
}

export function pgliteHandle(client: PGlite): DbHandle {
  return { db: drizzlePglite(client, { schema }) as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** Runs one statement on the server's maintenance connection (CREATE / DROP DATABASE). */
export async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
