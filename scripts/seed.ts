import { closeDb, databaseKind, getDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { DEMO_ACCOUNTS, isSeeded, seedDemo } from '../db/seed';

// npm run db:seed [-- --demo]
// Embedded database (no DATABASE_URL): always with the demo sign-ins.
// PostgreSQL (DATABASE_URL): demo sign-ins only with --demo.
async function main(): Promise<void> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const demoAccounts = !process.env.DATABASE_URL || process.argv.includes('--demo');

  await migrateDatabase();
  console.log(`[seed] ${databaseKind()} database migrated in ${seconds()} s.`);
  const db = getDb();
  if (await isSeeded(db)) {
    console.log(`[seed] the ${databaseKind()} database already holds investigations: nothing to do.`);
    return;
  }
  await seedDemo(db, { demoAccounts });
  console.log(`[seed] demo dataset loaded; ${seconds()} s in all.`);
  if (demoAccounts) {
    console.log(`[seed] demo sign-ins (password: see README, "Demo accounts"):`);
    for (const account of Object.values(DEMO_ACCOUNTS)) console.log(`         ${account.role.padEnd(12)} ${account.email}`);
  }
}

main()
  .catch((err) => {
    console.error('[seed] failed:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(closeDb);
