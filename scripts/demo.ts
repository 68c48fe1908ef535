/**
 * `npm run demo`: migrate, seed on the first run, build if the sources changed, then
 * `next start`. Without DATABASE_URL everything runs on the embedded database in DATA_DIR
 * (default ./.data), with the demo accounts. Each step is its own process, so the embedded
 * database is closed before `next start` opens it (PGlite allows one process per folder).
 * Extra arguments go to the seed script (e.g. `npm run demo -- --demo` with DATABASE_URL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/organisation';

const root = process.cwd();
const port = process.env.PORT ?? '3000';
const embedded = !process.env.DATABASE_URL;
const seedArgs = process.argv.slice(2);
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, '.data'));

let current: ChildProcess | undefined;
let stopping: NodeJS.Signals | undefined;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopping = signal;
    current?.kill(signal);
  });
}

/** Runs a step to completion; resolves with its exit code (128+n when killed by a signal). */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const env = { NEXT_TELEMETRY_DISABLED: '1', ...process.env };
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    current = child;
    child.once('error', (err) => {
      console.error(err.message);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      current = undefined;
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
  });
}

function finish(code: number): never {
  releaseLock();
  process.exit(code);
}

async function step(title: string, command: string, args: string[]): Promise<void> {
  const started = Date.now();
  console.log(`\n> ${title}`);
  const code = await run(command, args);
  if (stopping) finish(128 + os.constants.signals[stopping]);
  if (code !== 0) {
    console.error(`\n${title} failed (exit code ${code}).`);
    finish(code);
  }
  console.log(`  ${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Preloaded into `next start`: it stops when this script is gone, however this script
 * ended, so no orphaned server keeps the embedded database open.
 */
const stopWithParent = `data:text/javascript,${encodeURIComponent(
  "const parent = process.ppid; setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM'); }, 500).unref();",
)}`;

// --- one demo per embedded data folder -----------------------------------------------
const lockFile = path.join(dataDir, 'demo.pid');
let locked = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(): void {
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      locked = true;
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockFile, 'utf8'));
      if (pid && alive(pid)) {
        console.error(`A demo (pid ${pid}) is already running on ${dataDir}; stop it first (the embedded database allows one process).`);
        process.exit(1);
      }
      unlinkSync(lockFile); // left behind by a demo that was killed
    }
  }
  throw new Error(`could not lock ${lockFile}`);
}

function releaseLock(): void {
  if (!locked) return;
  locked = false;
  try {
    unlinkSync(lockFile);
  } catch {
    // already gone
  }
}

// --- is the production build older than the sources? ---------------------------------
const NOT_BUILD_INPUTS = new Set([
  'node_modules', '.next', '.data', '.git', '.ci', 'e2e', 'scripts', 'test-results',
  'playwright-report', 'blob-report', 'coverage', 'bench', 'next-env.d.ts',
]);

function newestInput(dir: string, skip: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (NOT_BUILD_INPUTS.has(entry.name) || full === skip) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestInput(full, skip));
    else if (entry.isFile() && !/\.(md|tsbuildinfo)$|\.(test|spec)\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function buildReason(): string | undefined {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no production build yet';
  if (newestInput(root, dataDir) > statSync(buildId).mtimeMs) return 'sources changed since the last build';
  return undefined;
}

async function main(): Promise<void> {
  if (!embedded && !process.env.AUTH_SECRET) {
    console.error('AUTH_SECRET must be set when DATABASE_URL is (e.g. `export AUTH_SECRET=$(openssl rand -base64 32)`).');
    process.exit(1);
  }
  if (!embedded && !process.env.FIELD_ENCRYPTION_KEYS) {
    console.error('FIELD_ENCRYPTION_KEYS must be set when DATABASE_URL is (e.g. `export FIELD_ENCRYPTION_KEYS="k1:$(openssl rand -base64 32)"`; keep it safe).');
    process.exit(1);
  }
  if (embedded) takeLock();
  process.on('exit', releaseLock);

  await step(
    embedded ? `Preparing the embedded database in ${path.relative(root, dataDir) || '.'}` : 'Preparing the database at DATABASE_URL',
    process.execPath,
    ['--import', 'tsx', 'scripts/seed.ts', ...seedArgs],
  );

  const reason = buildReason();
  if (reason) {
    await step(`Building the app (${reason})`, process.execPath, [
      createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next'),
      'build',
    ]);
  }

  const url = `http://localhost:${port}`;
  console.log(`\n> Starting the app on ${url}`);
  const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
  const server = run(process.execPath, ['--import', stopWithParent, nextBin, 'start', '--port', port]);
  void announceWhenReady(url, server);
  const code = await server;
  finish(code);
}

async function announceWhenReady(url: string, server: Promise<number>): Promise<void> {
  let exited = false;
  void server.then(() => (exited = true));
  for (let i = 0; i < 300 && !exited && !stopping; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/login`, { redirect: 'manual' });
      const emails = Object.values(DEMO_ACCOUNTS).map((a) => a.email);
      const accounts = embedded || seedArgs.includes('--demo')
        ? `Sign in as ${emails.slice(0, -1).join(', ')} or ${emails.at(-1)}\n  with the password ${DEMO_PASSWORD}.\n  The admin and the manager are then asked for a code: \`npm run demo:code -- manager\` prints it\n  (or add their secrets from README.md to an authenticator app).`
        : 'Demo accounts exist only when seeded with --demo (see README.md).';
      console.log(`\n  The case-records app is running at ${url}\n  ${accounts}\n  Press Ctrl+C to stop.\n`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  finish(1);
});
