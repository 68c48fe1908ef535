import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { test, expect } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/organisation';
import { contextDefaults } from './settings';

/**
 * The database goes away in the middle of a form submission. A server of its own reaches
 * PostgreSQL through a TCP relay this test opens and cuts, so the suite's shared server and
 * database are untouched. PostgreSQL only: the embedded database can't go away.
 */
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const root = path.resolve(__dirname, '..');
const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const base = `http://127.0.0.1:${PORT}`;

/** A relay to PostgreSQL that can be cut (every open connection dropped, new ones refused) and restored. */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const up = () => new Promise<void>((resolve) => {
    server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => s.destroy()); }
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, '127.0.0.1', () => { port = (server!.address() as net.AddressInfo).port; resolve(); });
  });
  const down = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server?.close(() => resolve());
  });
  return { up, down, url: (db: string) => { const u = new URL(target); u.host = `127.0.0.1:${port}`; u.pathname = `/${db}`; return u.toString(); } };
}

const run = (args: string[], env: NodeJS.ProcessEnv) => new Promise<void>((resolve, reject) => {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
  child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
});

test.describe('the database goes away', () => {
  test.skip(!serverUrl, 'needs a PostgreSQL server (TEST_DATABASE_URL): the embedded database cannot go away');
  test.slow();

  const name = `cpu_e2e_down_${randomBytes(4).toString('hex')}`;
  const link = relay(new URL(serverUrl ?? 'postgres://localhost'));
  let server: ChildProcess | undefined;
  const admin = async <T,>(work: (c: pg.Client) => Promise<T>, db = 'postgres') => {
    const url = new URL(serverUrl!); url.pathname = `/${db}`;
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    try { return await work(c); } finally { await c.end(); }
  };

  test.beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    await link.up();
    const env: NodeJS.ProcessEnv = {
      ...process.env, DATABASE_URL: link.url(name), AUTH_SECRET: randomBytes(32).toString('base64url'), PORT: String(PORT),
      // A database server needs the identity-field key (the seed writes encrypted names).
      FIELD_ENCRYPTION_KEYS: `down:${randomBytes(32).toString('base64')}`,
    };
    delete env.TEST_DATABASE_URL;
    await run(['--import', 'tsx', 'scripts/seed.ts', '--demo'], env);
    const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
    server = spawn(process.execPath, [nextBin, 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], { cwd: root, env, stdio: 'ignore' });
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`${base}/login`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('the server did not start');
  });

  test.afterAll(async () => {
    server?.kill('SIGTERM');
    await link.down();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  test('[investigator] a case saved while the database is away keeps its values and says so; the retry saves it exactly once; the server stays up', async ({ browser }) => {
    const context = await browser.newContext({ ...contextDefaults, baseURL: base });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(DEMO_ACCOUNTS.investigator.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((u) => u.pathname !== '/login');

    const title = `E2E database away ${Date.now()}`;
    const field = (label: string, scope: ReturnType<typeof page.getByRole> | typeof page = page) => scope.getByLabel(label, { exact: true });
    await page.goto('/cases/new');
    await field('Title').fill(title);
    await field('Offence').selectOption({ label: 'Indecent assault' });
    await field('Date reported').fill('2025-03-10');
    await field('How it was reported').selectOption({ label: 'Hotline' });
    const location = page.getByRole('group', { name: 'Offence location 1', exact: true });
    await field('Province', location).selectOption({ label: 'Kandal' });
    await field('District', location).fill('Ta Khmau');
    await field('Place', location).selectOption({ label: "Child's home" });
    const child = page.getByRole('group', { name: 'Child 1', exact: true });
    await field('Sex', child).selectOption({ label: 'Female' });
    await field('Age at offence', child).fill('9');

    await link.down();
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page.getByText(/The case could not be saved just now\. Your entries are still here/)).toBeVisible({ timeout: 20_000 });
    await expect(field('Title')).toHaveValue(title);
    await expect(field('District', location)).toHaveValue('Ta Khmau');
    await expect(page).toHaveURL(/\/cases\/new$/);

    // A signed-in page says plainly that the records are out of reach.
    const other = await context.newPage();
    await other.goto('/cases');
    await expect(other.getByRole('heading', { name: 'The records are out of reach for a moment' })).toBeVisible();

    await link.up();
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    const rows = await admin((c) => c.query('select count(*)::int as n from investigations where title = $1', [title]), name);
    expect(rows.rows[0].n).toBe(1);
    await other.reload();
    await expect(other.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
    expect(server!.exitCode).toBeNull();
    await context.close();
  });
});
