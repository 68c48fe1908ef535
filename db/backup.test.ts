import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { useTestDatabase } from '@/db/testing/test-db';
import { databaseUrl, quoteIdent } from '@/db/testing/context';
import { onServer } from '@/db/testing/handles';
import { openRaw } from '@/db/testing/identity';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from './backup';
import { pgliteExtensions } from './pglite-extensions';

// Every table's row count, public schema and drizzle's migration journal alike.
const COUNTS = `select table_schema || '.' || table_name as name from information_schema.tables
  where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`;

const testDb = useTestDatabase();
const work = mkdtempSync(path.join(tmpdir(), 'cpu-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function countsVia(query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>) {
  const tables = (await query(COUNTS)).rows.map((r) => String(r.name));
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [schema, table] = t.split('.');
    out[t] = Number((await query(`select count(*)::int as n from "${schema}"."${table}"`)).rows[0]!.n);
  }
  return out;
}

/** The restored identity fields are ciphertext, and the key of the run opens them. */
async function expectReadableNames(query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>) {
  const { rows } = await query(`select id, full_name from victims where full_name is not null order by id limit 20`);
  expect(rows).toHaveLength(20);
  for (const row of rows as { id: string; full_name: string }[]) {
    expect(row.full_name).toMatch(/^enc:v1:/);
    expect(openRaw('victims', row).full_name).toMatch(/\p{L}/u);
  }
}

describe('backup and restore', () => {
  const info = inject('testDatabase');

  it.runIf(info.kind === 'postgres')('PostgreSQL: pg_dump, then pg_restore into a new database, gives the same rows in every table', async () => {
    if (info.kind !== 'postgres') return;
    const [{ name }] = await testDb.query<{ name: string }>('select current_database() as name') as [{ name: string }];
    const source = databaseUrl(info.serverUrl, name);
    const file = path.join(work, 'cpu.pgdump');
    await backupPostgres(source, file);

    const target = `${info.clonePrefix}restore_${randomBytes(3).toString('hex')}`;
    await onServer(info.serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(target)}`));
    const client = new pg.Client({ connectionString: databaseUrl(info.serverUrl, target) });
    try {
      await restorePostgres(file, databaseUrl(info.serverUrl, target));
      await client.connect();
      const before = await countsVia((t) => testDb.query(t).then((rows) => ({ rows: rows as Record<string, unknown>[] })));
      const after = await countsVia((t) => client.query(t));
      expect(Object.keys(before).length).toBeGreaterThan(20);
      expect(before['public.investigations']).toBeGreaterThan(2000);
      expect(after).toEqual(before);
      await expectReadableNames((t) => client.query(t));
    } finally {
      await client.end().catch(() => undefined);
      await onServer(info.serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(target)} WITH (FORCE)`));
    }
  }, 120_000);

  it('the embedded database: a data-folder dump loads into a new folder with the same rows in every table', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const dir = path.join(work, 'source');
    const source = new PGlite(dir, { extensions: pgliteExtensions });
    await migrate(drizzle(source), { migrationsFolder: path.join(process.cwd(), 'drizzle') });
    await source.query(`insert into agencies (name, kind) values ('Backup test agency', 'ngo')`);
    const before = await countsVia((t) => source.query(t));
    await source.close();

    const file = path.join(work, 'cpu.tar.gz');
    await backupPglite(dir, file);
    const restoredDir = path.join(work, 'restored');
    await restorePglite(file, restoredDir);
    await expect(restorePglite(file, restoredDir)).rejects.toThrow(/not empty/);
    const restored = new PGlite(restoredDir, { extensions: pgliteExtensions });
    try {
      // This folder holds no case data (only migrations and one agency): the names check is the PostgreSQL test's.
      expect(await countsVia((t) => restored.query(t))).toEqual(before);
      expect(before['public.agencies']).toBe(1);
    } finally {
      await restored.close();
    }
  }, 120_000);
});
