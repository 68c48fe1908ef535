import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from './pglite-extensions';

const run = promisify(execFile);

/**
 * Backups of both databases the app runs on. PostgreSQL: pg_dump's custom format, restored
 * with pg_restore (the client tools must match the server's major version or be newer).
 * The embedded database: PGlite's own data-folder dump (a gzipped tar), loaded into an empty
 * folder. Either file holds every child's record: store it as carefully as the database.
 */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`]);
}

/** Restores into the database at `url`, which should be new and empty. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file]);
}

/** Dumps the embedded database folder `dir` (no other process may have it open). */
export async function backupPglite(dir: string, file: string): Promise<void> {
  const db = await PGlite.create(dir, { extensions: pgliteExtensions });
  try {
    const dump = await db.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** Loads a dump into `dir`, which must not hold a database yet. */
export async function restorePglite(file: string, dir: string): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: restore into a new folder`);
  const blob = new Blob([await readFile(file)]);
  const db = await PGlite.create(dir, { loadDataDir: blob, extensions: pgliteExtensions });
  try {
    await db.query('select 1');
  } finally {
    await db.close();
  }
}
