import { getTableColumns, sql, type InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { hashPassword } from '../../lib/auth/password';
import type { Db, Tx } from '../client';
import * as schema from '../schema';
import { ensureReferenceData } from '../reference';
import { sealIdentity } from '../identity-fields';
import { buildDemoDataset } from './dataset';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRETS } from './organisation';
import { seedTotpSecret } from '../totp-secrets';
import type { DemoDataset } from './types';

// Any constant: two seeders starting together must not both insert.
const SEED_LOCK = 727_002;
const BATCH_ROWS = 5_000;

const ALREADY_SEEDED = 'The database already holds investigations: refusing to seed the demo dataset over them.';

export type SeedOptions = {
  /** Create the four demo sign-ins (admin, manager, investigator, liaison) with DEMO_PASSWORD. */
  demoAccounts: boolean;
  /** Defaults to buildDemoDataset(). */
  dataset?: DemoDataset;
};

/** True once any investigation exists (seeded, or real data entered). */
export async function isSeeded(db: Db | Tx): Promise<boolean> {
  const rows = await db.select({ id: schema.investigations.id }).from(schema.investigations).limit(1);
  return rows.length > 0;
}

/**
 * Bulk insert through json_populate_recordset: one JSON parameter per batch instead of one
 * parameter per value (about three times faster than a multi-row VALUES on PGlite).
 * Rows are grouped by the keys they set, so a column a row leaves out keeps its default.
 */
async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: readonly InferInsertModel<T>[]): Promise<void> {
  const columns = getTableColumns(table);
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows as readonly Record<string, unknown>[]) {
    const keys = Object.keys(row).filter((k) => row[k] !== undefined).sort();
    const signature = keys.join(',');
    if (!groups.has(signature)) groups.set(signature, []);
    groups.get(signature)!.push(row);
  }
  for (const [signature, group] of groups) {
    const names = signature.split(',').map((key) => {
      const column = columns[key];
      if (!column) throw new Error(`seed: ${key} is not a column of the table`);
      return `"${column.name}"`;
    });
    const list = sql.raw(names.join(', '));
    for (let i = 0; i < group.length; i += BATCH_ROWS) {
      const batch = group.slice(i, i + BATCH_ROWS).map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [columns[key]!.name, value])));
      await tx.execute(sql`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(batch)}::json)`);
    }
  }
}

/**
 * Inserts reference lists, provinces, agencies, staff and the demo dataset in one
 * transaction. Refuses to run on a database that already holds investigations.
 */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<void> {
  if (await isSeeded(db)) throw new Error(ALREADY_SEEDED);
  const dataset = opts.dataset ?? buildDemoDataset();

  const hashes = new Map<string, string>();
  if (opts.demoAccounts) {
    for (const account of Object.values(DEMO_ACCOUNTS)) hashes.set(account.userId, await hashPassword(DEMO_PASSWORD));
  }
  const users = dataset.staff
    .filter((s) => opts.demoAccounts || !s.demoOnly)
    .map((s): typeof schema.users.$inferInsert => ({
      id: s.id,
      email: opts.demoAccounts && s.demoAccount ? DEMO_ACCOUNTS[s.demoAccount].email : s.email,
      name: s.name,
      role: s.role,
      agencyId: s.agencyId,
      locale: s.locale,
      active: s.active,
      passwordHash: (opts.demoAccounts && hashes.get(s.id)) || null,
      createdAt: new Date(`${s.from}-01-05T09:00:00+07:00`),
      updatedAt: new Date(`${s.from}-01-05T09:00:00+07:00`),
    }));

  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await isSeeded(tx)) {
      throw new Error(ALREADY_SEEDED);
    }
    await ensureReferenceData(tx);
    await insertAll(tx, schema.agencies, dataset.agencies);
    await insertAll(tx, schema.users, users);
    if (opts.demoAccounts) {
      for (const [key, secret] of Object.entries(DEMO_TOTP_SECRETS)) await seedTotpSecret(tx, DEMO_ACCOUNTS[key as keyof typeof DEMO_TOTP_SECRETS].userId, secret);
    }
    await insertAll(tx, schema.investigations, dataset.investigations);
    await insertAll(tx, schema.investigationMembers, dataset.members);
    await insertAll(tx, schema.investigationAgencies, dataset.shares);
    await insertAll(tx, schema.offenceLocations, dataset.offenceLocations);
    await insertAll(tx, schema.victims, dataset.victims.map((v) => sealIdentity('victims', v.id, v)));
    await insertAll(tx, schema.victimServices, dataset.victimServices);
    await insertAll(tx, schema.suspects, dataset.suspects.map((s) => sealIdentity('suspects', s.id, { ...s, fullName: s.fullName ?? null, alias: s.alias ?? null })));
    await insertAll(tx, schema.prosecutions, dataset.prosecutions);
    await insertAll(tx, schema.prosecutionCharges, dataset.prosecutionCharges);
    await insertAll(tx, schema.hearings, dataset.hearings);
    await insertAll(tx, schema.caseEvents, dataset.caseEvents);
    await insertAll(tx, schema.caseLastSeen, dataset.lastSeen);
    await insertAll(tx, schema.expenditures, dataset.expenditures);
  });
  // Fresh planner statistics: the embedded database has no autovacuum to gather them.
  await db.execute(sql`ANALYZE`);
}
