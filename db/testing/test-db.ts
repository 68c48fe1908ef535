import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDb, getDb, installDb, type Db } from '../client';
import { databaseUrl, quoteIdent } from './context';
import { onServer, pgliteHandle, postgresHandle } from './handles';
import { pgliteExtensions } from '../pglite-extensions';

export type TestDatabase = {
  kind: () => 'postgres' | 'pglite';
  /** The installed database, the same one getDb() returns to app modules. */
  db: () => Db;
  /** Raw SQL with $1-style parameters; returns the rows. */
  query: <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;
};

type Opened = { kind: 'postgres' | 'pglite'; query: TestDatabase['query']; drop: () => Promise<void> };

const OBJECT_IN_USE = '55006';

async function clonePostgres(serverUrl: string, template: string, clonePrefix: string): Promise<Opened> {
  const name = `${clonePrefix}${randomBytes(4).toString('hex')}`;
  // CREATE DATABASE fails while anyone is connected to the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== OBJECT_IN_USE || attempt >= 20) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const { handle, pool } = postgresHandle(databaseUrl(serverUrl, name));
  installDb(handle);
  return {
    kind: 'postgres',
    query: async (text, params) => (await pool.query(text, params)).rows,
    drop: () => onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(() => undefined),
  };
}

async function clonePglite(dumpPath: string): Promise<Opened> {
  const client = await PGlite.create({ loadDataDir: new Blob([await readFile(dumpPath)]), extensions: pgliteExtensions });
  installDb(pgliteHandle(client));
  return {
    kind: 'pglite',
    query: async <Row>(text: string, params?: unknown[]) => (await client.query<Row>(text, params)).rows,
    drop: async () => undefined,
  };
}

/**
 * Gives the calling test file its own copy of the seeded test database (fresh in
 * beforeAll, dropped in afterAll) and installs it as the app's database, so getDb() and
 * every db/queries module use it.
 */
export function useTestDatabase(): TestDatabase {
  let opened: Opened | undefined;
  const current = () => {
    if (!opened) throw new Error('useTestDatabase(): the database is ready only inside tests and hooks');
    return opened;
  };

  beforeAll(async () => {
    const info = inject('testDatabase');
    opened = info.kind === 'postgres'
      ? await clonePostgres(info.serverUrl, info.template, info.clonePrefix)
      : await clonePglite(info.dumpPath);
  });

  afterAll(async () => {
    await closeDb();
    await opened?.drop();
    opened = undefined;
  });

  return {
    kind: () => current().kind,
    db: () => {
      current();
      return getDb();
    },
    query: (text, params) => current().query(text, params),
  };
}
