import path from 'node:path';
import { restorePglite, restorePostgres } from '../db/backup';
import { dataDir } from '../lib/data-dir';

// npm run db:restore -- <file>: into DATABASE_URL (a new, empty database), else into an
// empty embedded data folder (DATA_DIR).
const file = process.argv[2];
if (!file) {
  console.error('usage: npm run db:restore -- <backup file>');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
(url ? restorePostgres(file, url) : restorePglite(file, path.join(dataDir(), 'pglite')))
  .then(() => console.log(`[db] restored from ${file}`))
  .catch((err) => {
    console.error('[db] restore failed:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
