import { closeDb, getDb } from '../db/client';
import { sealIdentityColumns } from '../db/identity-sealing';
import { keyRing } from '../lib/security/field-crypto';

// npm run db:rotate-field-key: re-encrypts every identity field (and re-computes suspects'
// name tags) under the first key of FIELD_ENCRYPTION_KEYS, in batches. Safe to stop and run
// again: it carries on where it stopped. See SECURITY.md, "Rotating secrets".
const current = keyRing().current.id;
console.log(`[db] re-encrypting identity fields under key "${current}"`);
sealIdentityColumns(getDb(), 'rotate', { onBatch: (table, done) => console.log(`[db] ${table}: ${done} rows`) })
  .then((counts) => console.log(`[db] done: ${counts.victims} victims, ${counts.suspects} suspects, ${counts.users} accounts' two-step secrets re-encrypted; keys other than "${current}" may now be removed`))
  .catch((err) => {
    console.error('[db] rotation stopped:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(closeDb);
