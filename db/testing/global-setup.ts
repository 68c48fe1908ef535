import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { closeDb, getDb, installDb } from '../client';
import { migrateDatabase } from '../migrate';
import { seedDemo } from '../seed';
import { databaseUrl, quoteIdent, type TestDatabaseInfo } from './context';
import { onServer, pgliteHandle, postgresHandle } from './handles';
import { pgliteExtensions } from '../pglite-extensions';

/**
 * Builds one migrated, seeded database per test run; every test file then gets its own
 * copy (test-db.ts). With TEST_DATABASE_URL or DATABASE_URL: a template database on that
 * server. Without: a dump of an in-memory PGlite database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const runId = randomBytes(4).toString('hex');
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const info = serverUrl ? await preparePostgres(serverUrl, runId) : await preparePglite(runId);
  project.provide('testDatabase', info);
  console.log(`[test-db] ${info.kind} template migrated and seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return () => teardown(info);
}

async function preparePostgres(serverUrl: string, runId: string): Promise<TestDatabaseInfo> {
  const template = `cpu_test_tpl_${runId}`;
  const info: TestDatabaseInfo = { kind: 'postgres', serverUrl, template, clonePrefix: `cpu_test_${runId}_` };
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(template)}`));
  const templateUrl = databaseUrl(serverUrl, template);
  const previousUrl = process.env.DATABASE_URL;
  try {
    installDb(postgresHandle(templateUrl, 2).handle);
    // migrateDatabase() takes the server from DATABASE_URL.
    process.env.DATABASE_URL = templateUrl;
    await migrateDatabase();
    await seedDemo(getDb(), { demoAccounts: true });
  } catch (err) {
    await closeDb();
    await teardown(info);
    throw err;
  } finally {
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
  // No connection may stay open on a template while it is cloned.
  await closeDb();
  return info;
}

async function preparePglite(runId: string): Promise<TestDatabaseInfo> {
  const client = new PGlite({ extensions: pgliteExtensions });
  installDb(pgliteHandle(client));
  try {
    await migrateDatabase();
    await seedDemo(getDb(), { demoAccounts: true });
    const dump = await client.dumpDataDir('gzip');
    const dumpPath = path.join(os.tmpdir(), `cpu-test-${runId}.tar.gz`);
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    return { kind: 'pglite', dumpPath };
  } finally {
    await closeDb();
  }
}

async function teardown(info: TestDatabaseInfo): Promise<void> {
  if (info.kind === 'pglite') {
    await rm(info.dumpPath, { force: true });
    return;
  }
  await onServer(info.serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)',
      [info.template, info.clonePrefix],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
  });
}
