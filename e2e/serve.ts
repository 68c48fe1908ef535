/**
 * Playwright's web server: an isolated, freshly seeded database for this run, then
 * `next start` against it; the database is removed when the server is stopped.
 *
 * - TEST_DATABASE_URL or DATABASE_URL set: a database `cpu_e2e_<random>` on that server,
 *   dropped afterwards.
 * - Neither set: embedded PGlite in a temporary DATA_DIR, deleted afterwards.
 *
 * While it runs, e2e/run-files.ts names a folder holding the server's log (everything
 * `next start` prints) and, on PostgreSQL, the database's URL: specs read them to check
 * that nothing sensitive reaches the log or the database in plain text.
 *
 * Run as `node --import tsx e2e/serve.ts` (no tsx wrapper process, so signals reach this
 * process directly). It never builds: `npm test` runs `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, fstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { e2eRunFiles } from './run-files';

const root = path.resolve(__dirname, '..');
const port = process.env.PORT ?? '3100';
const host = '127.0.0.1';
const started = Date.now();

function log(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[e2e-serve ${seconds}s] ${message}`);
}

type Target = { env: NodeJS.ProcessEnv; describe: string; remove: () => Promise<void> };

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function postgresTarget(serverUrl: string): Promise<Target> {
  const name = `cpu_e2e_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: withDatabase(serverUrl, name) };
  delete env.TEST_DATABASE_URL;
  delete env.DATA_DIR;
  // A key of this run's own (the embedded database generates one into its DATA_DIR instead).
  env.FIELD_ENCRYPTION_KEYS = `e2e:${randomBytes(32).toString('base64')}`;
  return {
    env,
    describe: `database ${name}`,
    remove: () =>
      onServer(serverUrl, async (c) => {
        // Terminate what is left connected, then drop; retry while backends are exiting.
        for (let attempt = 1; ; attempt++) {
          await c.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [name],
          );
          try {
            await c.query(`DROP DATABASE IF EXISTS "${name}"`);
            return;
          } catch (err) {
            // 55006 object_in_use: a backend had not finished exiting yet.
            if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
            await new Promise((r) => setTimeout(r, 250));
          }
        }
      }),
  };
}

function pgliteTarget(): Target {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpu-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  return {
    env,
    describe: `embedded database in ${dir}`,
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a child to completion; resolves with its exit code (128+n when killed by a signal). */
function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('error', (err) => {
      console.error(err);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
  });
}

async function main(): Promise<number> {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.error('[e2e-serve] No production build found (.next/BUILD_ID is missing). Run `npm run build` first; `npm test` does it for you.');
    return 1;
  }

  let stopping = false;
  let child: ChildProcess | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    child?.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  // Playwright gives us a stdin pipe: when it closes, Playwright is gone (even if it was
  // SIGKILLed), so don't leave a server and a database behind.
  if (fstatSync(0).isFIFO()) {
    process.stdin.on('end', () => stop('SIGTERM'));
    process.stdin.resume();
  }

  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const target = serverUrl ? await postgresTarget(serverUrl) : pgliteTarget();
  target.env.AUTH_SECRET = randomBytes(32).toString('base64url');
  target.env.NEXT_TELEMETRY_DISABLED ??= '1';
  target.env.PORT = port;
  log(`using ${target.describe}`);
  const files = e2eRunFiles(port);
  rmSync(files.dir, { recursive: true, force: true });
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  if (target.env.DATABASE_URL) writeFileSync(files.databaseUrl, target.env.DATABASE_URL, { mode: 0o600 });

  let code = 0;
  let removed = false;
  try {
    if (!stopping) {
      child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--demo'], {
        cwd: root,
        env: target.env,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      code = await exitOf(child);
      child = undefined;
      if (code !== 0 && !stopping) console.error(`[e2e-serve] seeding failed (exit code ${code})`);
      else if (!stopping) log('migrated and seeded with the demo accounts');
    }
    if (code === 0 && !stopping) {
      const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
      // The preload stops next if this script is gone (even SIGKILLed), so no server outlives it.
      const stopWithParent = `data:text/javascript,${encodeURIComponent(
        "const parent = process.ppid; setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM'); }, 500).unref();",
      )}`;
      child = spawn(process.execPath, ['--import', stopWithParent, nextBin, 'start', '--port', port, '--hostname', host], {
        cwd: root,
        env: target.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // Shown as before, and kept in the run's server log.
      const serverLog = createWriteStream(files.serverLog, { flags: 'a', mode: 0o600 });
      child.stdout?.on('data', (chunk: Buffer) => { process.stdout.write(chunk); serverLog.write(chunk); });
      child.stderr?.on('data', (chunk: Buffer) => { process.stderr.write(chunk); serverLog.write(chunk); });
      child.once('exit', () => serverLog.end());
      log(`next start on http://${host}:${port}`);
      code = await exitOf(child);
      child = undefined;
      if (!stopping) console.error(`[e2e-serve] next start exited unexpectedly (exit code ${code})`);
      else code = 0;
    }
  } finally {
    rmSync(files.dir, { recursive: true, force: true });
    try {
      await target.remove();
      removed = true;
      log(`removed ${target.describe}`);
    } catch (err) {
      console.error(`[e2e-serve] could not remove ${target.describe}:`, err instanceof Error ? err.message : err);
    }
  }
  if (!removed) return 1;
  return stopping ? 0 : code || 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('[e2e-serve]', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
