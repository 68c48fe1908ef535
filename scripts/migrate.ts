import { closeDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';

migrateDatabase()
  .then(() => console.log('[db] migrations applied'))
  .catch((err) => {
    console.error('[db] migration failed:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(closeDb);
