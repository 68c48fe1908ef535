import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { databaseKind, getDb, type Db } from './client';
import { ensureReferenceData } from './reference';
import { sealIdentityColumns } from './identity-sealing';

const migrationsFolder = path.join(process.cwd(), 'drizzle');
// Any constant works; it only has to be the same in every instance of the app.
const MIGRATION_LOCK = 727_001;

/**
 * Applies pending migrations, then makes sure the reference data is there and that no
 * identity field is left in plain text (db/identity-sealing.ts). On PostgreSQL it holds an advisory lock on its own
 * connection, so app instances starting together apply each migration once.
 */
export async function migrateDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || databaseKind() === 'pglite') {
    await migratePglite(getDb() as never, { migrationsFolder });
    await ensureReferenceData(getDb());
    await sealIdentityColumns(getDb(), 'plaintext');
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const db = drizzle(client);
    await db.execute(sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePg(db, { migrationsFolder });
      await ensureReferenceData(db);
      await sealIdentityColumns(db as unknown as Db, 'plaintext');
    } finally {
      await db.execute(sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await client.end();
  }
}
