import os from 'node:os';
import path from 'node:path';

/**
 * Files e2e/serve.ts keeps for the specs while the server on `port` runs (removed when it
 * stops): everything `next start` prints, and the URL of the run's PostgreSQL database
 * (absent on the embedded database).
 */
export function e2eRunFiles(port: string | number) {
  const dir = path.join(os.tmpdir(), `cpu-e2e-run-${port}`);
  return { dir, serverLog: path.join(dir, 'server.log'), databaseUrl: path.join(dir, 'database-url') };
}
