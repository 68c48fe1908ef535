import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, installDb } from './client';
import { migrateDatabase } from './migrate';
import { pgliteHandle } from './testing/handles';
import { sql } from 'drizzle-orm';
import { pgliteExtensions } from './pglite-extensions';

// A database that was only migrated, never seeded: what a production install starts from.
describe('a freshly migrated database', () => {
  const savedUrl = process.env.DATABASE_URL;
  afterAll(async () => {
    await closeDb();
    if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
  });

  it('has the 25 provinces and the reference lists, and no case data', async () => {
    delete process.env.DATABASE_URL;
    installDb(pgliteHandle(await PGlite.create({ extensions: pgliteExtensions })));
    await migrateDatabase();
    // Running again (every app start does) changes nothing.
    await migrateDatabase();
    const counts = await getDb().execute(sql`select
      (select count(*)::int from provinces) as provinces,
      (select count(*)::int from provinces where kind = 'capital' and name_en = 'Phnom Penh') as capital,
      (select count(*)::int from offence_types) as offence_types,
      (select count(*)::int from relationships where code in ('neighbour', 'father')) as relationships,
      (select count(*)::int from investigations) as investigations,
      (select count(*)::int from users) as users`);
    expect(counts.rows[0]).toMatchObject({ provinces: 25, capital: 1, relationships: 2, investigations: 0, users: 0 });
    expect((counts.rows[0] as { offence_types: number }).offence_types).toBeGreaterThanOrEqual(6);
  }, 120_000); // a new in-memory PGlite and every migration: seconds, more on a busy machine
});
