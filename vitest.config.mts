import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const usesServer = Boolean(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);

// Each test file opens its own database. An in-process PGlite takes 100-900 MB, so without
// a server run only as many files at once as free memory allows (about 1.5 GB each).
const cores = os.availableParallelism();
const maxWorkers = usesServer ? cores : Math.max(1, Math.min(cores, Math.floor(os.freemem() / 1.5e9)));

// A field-encryption key for this run (set here so the global setup's seed and every test
// file share it); never the embedded demo's key file.
process.env.FIELD_ENCRYPTION_KEYS ||= `test1:${randomBytes(32).toString('base64')}`;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      { find: /^server-only$/, replacement: `${root}db/testing/server-only-stub.ts` },
    ],
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', '.next/**', '.data/**'],
    globalSetup: ['db/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers,
    // PGlite's first start and the seed take seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
