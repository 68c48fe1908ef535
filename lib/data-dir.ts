import path from 'node:path';

/** The git-ignored folder of the embedded database and the demo's generated secrets. */
export function dataDir(): string {
  return process.env.DATA_DIR ?? path.join(process.cwd(), '.data');
}
