// How long the case list's queries take over the demo data: the first page, filtered pages
// and a page 20 deep, for the manager and the investigator. A measurement, not a test.
//
//   node --conditions=react-server --import tsx scripts/measure-case-list.ts            # in-memory PGlite
//   MEASURE_PG=postgres://postgres@127.0.0.1/postgres node --conditions=react-server --import tsx scripts/measure-case-list.ts
//
// With MEASURE_PG it creates a scratch database on that server and drops it afterwards.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { closeDb, getDb, installDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedDemo } from '../db/seed';
import { databaseUrl, quoteIdent } from '../db/testing/context';
import { onServer, pgliteHandle, postgresHandle } from '../db/testing/handles';
import { DEMO_EMAILS } from '../db/testing/viewers';
import { listCases, type CaseListQuery } from '../db/queries/case-list';
import { caseListOptions } from '../db/queries/case-list-options';
import type { Viewer } from '../lib/policy';
import { pgliteExtensions } from '../db/pglite-extensions';

const RUNS = 15;

async function open(): Promise<{ kind: string; query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>; drop: () => Promise<void> }> {
  const server = process.env.MEASURE_PG;
  if (!server) {
    const client = new PGlite({ extensions: pgliteExtensions });
    installDb(pgliteHandle(client));
    await migrateDatabase();
    return { kind: 'pglite', query: async (t, p) => (await client.query<Record<string, unknown>>(t, p)).rows, drop: async () => undefined };
  }
  const name = `cpu_measure_${randomBytes(4).toString('hex')}`;
  await onServer(server, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = databaseUrl(server, name);
  const { handle, pool } = postgresHandle(url);
  installDb(handle);
  process.env.DATABASE_URL = url;
  await migrateDatabase();
  return {
    kind: 'postgres',
    query: async (t, p) => (await pool.query(t, p)).rows,
    drop: async () => {
      await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}

async function time(run: () => Promise<unknown>): Promise<{ median: number; p90: number }> {
  await run(); // warm-up: plans and caches
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(RUNS / 2)]!, p90: ms[Math.floor(RUNS * 0.9)]! };
}

async function cursorAt(viewer: Viewer, query: CaseListQuery, pageNo: number): Promise<string | undefined> {
  let after: string | undefined;
  for (let n = 1; n < pageNo; n++) after = (await listCases(viewer, { ...query, after })).nextCursor ?? undefined;
  return after;
}

async function main() {
  const db = await open();
  try {
    await seedDemo(getDb(), { demoAccounts: true });
    const viewer = async (email: string) => {
      const [row] = await db.query(`select id, role, agency_id, name, email, locale from users where lower(email) = $1`, [email]);
      return { userId: row!.id, role: row!.role, agencyId: row!.agency_id, name: row!.name, email, locale: row!.locale, sessionId: 'measure' } as Viewer;
    };
    const manager = await viewer(DEMO_EMAILS.manager);
    const investigator = await viewer(DEMO_EMAILS.investigator);
    const [pp] = await db.query(`select code from provinces where name_en = 'Phnom Penh'`);
    const [alias] = await db.query(`select alias from suspects where alias like 'Ta %' limit 1`);
    const filtered: CaseListQuery = { year: 2021, province: pp!.code as string, arrest: 'yes' };
    const cases: [string, Viewer, CaseListQuery, number][] = [
      ['manager, first page', manager, {}, 1],
      ['manager, page 20 (no filter)', manager, {}, 20],
      ['manager, year 2021 + Phnom Penh + arrest', manager, filtered, 1],
      ['manager, status sort, page 20', manager, { sort: 'status' }, 20],
      ['manager, reference sort, page 20', manager, { sort: 'reference' }, 20],
      ['manager, text search (alias)', manager, { q: alias!.alias as string }, 1],
      ['manager, text search (title word) page 5', manager, { q: 'girl' }, 5],
      ['investigator, first page', investigator, {}, 1],
      ['investigator, page 20', investigator, {}, 20],
      ['investigator, closed + offence', investigator, { status: 'closed', offence: 'rape' }, 1],
    ];
    console.log(`case list on ${db.kind}, ${RUNS} runs each (ms: median / p90), list = page rows + count in one call`);
    for (const [label, viewer, query, pageNo] of cases) {
      const after = await cursorAt(viewer, query, pageNo);
      const page = await listCases(viewer, { ...query, after });
      const t = await time(() => listCases(viewer, { ...query, after }));
      console.log(`  ${label.padEnd(44)} ${t.median.toFixed(1).padStart(7)} / ${t.p90.toFixed(1).padStart(7)}   (${page.rows.length} rows of ${page.total})`);
    }
    const o = await time(() => caseListOptions(manager, 'en'));
    console.log(`  ${'manager, filter choices'.padEnd(44)} ${o.median.toFixed(1).padStart(7)} / ${o.p90.toFixed(1).padStart(7)}`);
  } finally {
    await closeDb().catch(() => undefined);
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
