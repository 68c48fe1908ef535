import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/lib/data-dir';

let cached: string | undefined;

/**
 * AUTH_SECRET signs the session cookie. Production must set it. The embedded demo
 * (no DATABASE_URL) generates one into its git-ignored data folder on first start.
 */
export function resolveAuthSecret(): string {
  cached ??= process.env.AUTH_SECRET || embeddedSecret();
  return cached;
}

function embeddedSecret(): string {
  if (process.env.DATABASE_URL) {
    throw new Error('AUTH_SECRET must be set when DATABASE_URL is set (see README, "Configuration").');
  }
  const file = path.join(dataDir(), 'auth-secret');
  mkdirSync(dataDir(), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readFileSync(file, 'utf8').trim();
}
