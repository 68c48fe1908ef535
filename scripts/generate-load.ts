import { parseArgs } from 'node:util';
import { migrateDatabase } from '../db/migrate';
import { closeDb } from '../db/client';
import { generateLoad } from '../db/load';

// npm run db:generate-load -- --investigations 1000000 --years 10 [--last-year 2025] [--seed 1]
// Fills the empty PostgreSQL database at DATABASE_URL with generated cases (never the
// embedded one, never a database with the demo accounts or any investigation).
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      investigations: { type: 'string', default: '10000' },
      years: { type: 'string', default: '10' },
      'last-year': { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the generator only fills a PostgreSQL database, never the embedded one');
  const investigations = Number(values.investigations);
  const years = Number(values.years);
  if (!Number.isInteger(investigations) || investigations < 1 || !Number.isInteger(years) || years < 1 || years > 50) {
    throw new Error('--investigations and --years must be positive integers (years at most 50)');
  }
  await migrateDatabase();
  await closeDb();
  await generateLoad(url, {
    investigations,
    years,
    lastYear: values['last-year'] ? Number(values['last-year']) : undefined,
    seed: values.seed ? Number(values.seed) : undefined,
  });
}

main().catch((err) => {
  console.error('[load] failed:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
