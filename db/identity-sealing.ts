import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { ENCRYPTED_PREFIX, decryptValue, isEncrypted, keyRing, type KeyRing } from '@/lib/security/field-crypto';
import { IDENTITY_COLUMNS, identityContext, sealIdentity, type IdentityTable } from './identity-fields';

/**
 * - 'plaintext': encrypts identity values not yet in the encrypted format (data written before
 *   encryption existed). Run by migrateDatabase() after the SQL migrations.
 * - 'rotate': re-encrypts every value not under the current key, and recomputes suspects' name
 *   tags made with another key (`npm run db:rotate-field-key`).
 * Both work in batches, each its own transaction with its rows locked, so they are idempotent
 * and resumable: a second run finds nothing left to do.
 */
export type SealMode = 'plaintext' | 'rotate';
export type SealCounts = Record<IdentityTable, number>;

type Row = Record<string, string | string[] | null> & { id: string };

function needsWork(table: IdentityTable, mode: SealMode, ring: KeyRing): SQL {
  const prefix = mode === 'plaintext' ? ENCRYPTED_PREFIX : `${ENCRYPTED_PREFIX}${ring.current.id}:`;
  const stale = Object.values(IDENTITY_COLUMNS[table]).map((column) =>
    sql`(${sql.identifier(column)} is not null and left(${sql.identifier(column)}, ${prefix.length}) <> ${prefix})`);
  if (table === 'suspects' && mode === 'rotate') {
    const tagPrefix = `${ring.current.id}:`;
    stale.push(sql`exists (select 1 from unnest(name_tags) t where left(t, ${tagPrefix.length}) <> ${tagPrefix})`);
  }
  return sql.join(stale, sql` or `);
}

function plainOf(table: IdentityTable, row: Row, column: string, ring: KeyRing): string | null {
  const value = row[column] as string | null;
  if (value === null || !isEncrypted(value)) return value;
  try {
    return decryptValue(value, identityContext(table, column, row.id), ring);
  } catch (err) {
    // Stop rather than skip: the id says which row to look at; no value is ever logged.
    throw new Error(`${table}.${column} of row ${row.id}: ${(err as Error).message}`);
  }
}

async function sealBatch(db: Db, table: IdentityTable, mode: SealMode, ring: KeyRing, after: string, size: number): Promise<Row[]> {
  const columns = IDENTITY_COLUMNS[table];
  return db.transaction(async (tx) => {
    const { rows } = (await tx.execute(sql`select id::text as id, ${sql.join(Object.values(columns).map((c) => sql.identifier(c)), sql`, `)}
      from ${sql.identifier(table)} where id > ${after}::uuid and (${needsWork(table, mode, ring)})
      order by id limit ${size} for update skip locked`)) as unknown as { rows: Row[] };
    if (rows.length === 0) return rows;
    const sealed = rows.map((row) => {
      const plain: Record<string, unknown> = Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, plainOf(table, row, column, ring)]));
      const values = sealIdentity(table, row.id, plain, ring);
      const out: Record<string, unknown> = { id: row.id };
      for (const [key, column] of Object.entries(columns)) out[column] = values[key];
      if (table === 'suspects') out.name_tags = values.nameTags;
      return out;
    });
    const set = [...Object.values(columns), ...(table === 'suspects' ? ['name_tags'] : [])]
      .map((column) => sql`${sql.identifier(column)} = j.${sql.identifier(column)}`);
    // One statement per batch: the new values travel as one JSON parameter.
    await tx.execute(sql`update ${sql.identifier(table)} t set ${sql.join(set, sql`, `)}
      from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(sealed)}::json) j where t.id = j.id`);
    return rows;
  });
}

export async function sealIdentityColumns(
  db: Db, mode: SealMode, opts: { batchSize?: number; ring?: KeyRing; onBatch?: (table: IdentityTable, done: number) => void } = {},
): Promise<SealCounts> {
  const size = opts.batchSize ?? 500;
  const counts: SealCounts = { victims: 0, suspects: 0, users: 0 };
  for (const table of Object.keys(IDENTITY_COLUMNS) as IdentityTable[]) {
    // The key is only needed once there is something to do (an empty database needs none).
    let ring = opts.ring;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      ring ??= await needsKey(db, table, mode) ? keyRing() : undefined;
      if (!ring) break;
      const rows = await sealBatch(db, table, mode, ring, after, size);
      if (rows.length === 0) break;
      counts[table] += rows.length;
      after = rows.at(-1)!.id;
      opts.onBatch?.(table, counts[table]);
    }
  }
  return counts;
}

async function needsKey(db: Db, table: IdentityTable, mode: SealMode): Promise<boolean> {
  if (mode === 'rotate') return true;
  // Any ring will do to build the plaintext test: it does not depend on the key id.
  const probe: KeyRing = { current: { id: 'probe', key: Buffer.alloc(32) }, keys: new Map() };
  const { rows } = (await db.execute(sql`select 1 from ${sql.identifier(table)} where ${needsWork(table, 'plaintext', probe)} limit 1`)) as unknown as { rows: unknown[] };
  return rows.length > 0;
}
