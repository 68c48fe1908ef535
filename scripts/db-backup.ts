import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { backupPglite, backupPostgres } from '../db/backup';
import { dataDir } from '../lib/data-dir';

// npm run db:backup [-- <file>]: PostgreSQL when DATABASE_URL is set, else the embedded database.
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const url = process.env.DATABASE_URL;
const file = process.argv[2] ?? path.join('backups', `cpu-${stamp}.${url ? 'pgdump' : 'tar.gz'}`);
mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

(url ? backupPostgres(url, file) : backupPglite(path.join(dataDir(), 'pglite'), file))
  .then(() => console.log(`[db] backup written to ${file}`))
  .catch((err) => {
    console.error('[db] backup failed:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
