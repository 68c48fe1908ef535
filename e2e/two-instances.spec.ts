import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { test, expect, type Page } from '@playwright/test';
import { hashPassword } from '../lib/auth/password';
import { contextDefaults } from './settings';

/**
 * Two `next start` instances on one PostgreSQL database, as behind a load balancer: they
 * start at the same moment on an empty database (the migrations run once), a session
 * opened on one is honoured and ended on the other, and failed sign-ins on both count
 * toward one lockout. PostgreSQL only: the embedded database admits one process.
 */
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const root = path.resolve(__dirname, '..');
const PORTS = [Number(process.env.E2E_PORT ?? 3100) + 60, Number(process.env.E2E_PORT ?? 3100) + 61] as const;
const [A, B] = PORTS.map((port) => `http://127.0.0.1:${port}`) as [string, string];
const PASSWORD = 'two-instances-test-2026';

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await answered;
}

test.describe('two app instances on one database', () => {
  test.skip(!serverUrl, 'needs a PostgreSQL server (TEST_DATABASE_URL): the embedded database admits one process');
  test.slow();

  const name = `cpu_e2e_two_${randomBytes(4).toString('hex')}`;
  const url = (() => { const u = new URL(serverUrl ?? 'postgres://localhost'); u.pathname = `/${name}`; return u.toString(); })();
  const servers: ChildProcess[] = [];
  const admin = async <T,>(work: (c: pg.Client) => Promise<T>, db = 'postgres') => {
    const u = new URL(serverUrl!); u.pathname = `/${db}`;
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    try { return await work(c); } finally { await c.end(); }
  };
  const users = { session: `two-session-${randomBytes(3).toString('hex')}@cpu.local`, lockout: `two-lockout-${randomBytes(3).toString('hex')}@cpu.local` };

  test.beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString('base64url'), NEXT_TELEMETRY_DISABLED: '1' };
    delete env.TEST_DATABASE_URL;
    const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
    // Both at once, on an empty database: each runs the migrations when it starts (instrumentation.ts).
    for (const port of PORTS) {
      servers.push(spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], { cwd: root, env: { ...env, PORT: String(port) }, stdio: 'ignore' }));
    }
    for (const base of [A, B]) {
      let up = false;
      for (let i = 0; i < 240 && !up; i++) {
        up = await fetch(`${base}/login`).then((r) => r.ok, () => false);
        if (!up) await new Promise((r) => setTimeout(r, 500));
      }
      if (!up) throw new Error(`${base} did not start`);
    }
    const hash = await hashPassword(PASSWORD);
    // Investigators: a manager would be asked to enrol a second step first; sessions and lockout are the point here.
    await admin((c) => c.query(`insert into users (email, name, role, password_hash) values ($1, 'Two Instances', 'investigator', $3), ($2, 'Two Lockout', 'investigator', $3)`,
      [users.session, users.lockout, hash]), name);
  });

  test.afterAll(async () => {
    for (const s of servers) s.kill('SIGTERM');
    await Promise.all(servers.map((s) => (s.exitCode !== null ? undefined : new Promise((r) => s.once('exit', r)))));
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  test('the migrations ran once, though both instances started together on an empty database', async () => {
    const journal = JSON.parse(readFileSync(path.join(root, 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const applied = await admin((c) => c.query<{ n: number; distinct: number }>(
      `select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`), name);
    expect(applied.rows[0]).toEqual({ n: journal.entries.length, distinct: journal.entries.length });
    const provinces = await admin((c) => c.query<{ n: number }>(`select count(*)::int as n from provinces`), name);
    expect(provinces.rows[0]!.n).toBe(25);
    for (const s of servers) expect(s.exitCode).toBeNull();
  });

  test('[investigator] a session opened on A works on B, and signing out on A ends it on B', async ({ browser }) => {
    const context = await browser.newContext({ ...contextDefaults });
    const page = await context.newPage();
    await signIn(page, A, users.session, PASSWORD);
    await expect(page).toHaveURL((u) => u.port === String(PORTS[0]) && u.pathname !== '/login');
    const cookies = await context.cookies(A);
    expect(cookies.length).toBeGreaterThan(0);

    // The same cookie, sent to the other instance only.
    const onB = await browser.newContext({ ...contextDefaults, storageState: { cookies, origins: [] } });
    const bPage = await onB.newPage();
    await bPage.goto(`${B}/dashboard`);
    await expect(bPage).toHaveURL(`${B}/dashboard`);
    await expect(bPage.getByTestId('viewer')).toContainText('Two Instances');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    const replay = await onB.request.get(`${B}/dashboard`, { maxRedirects: 0 });
    expect([302, 303, 307]).toContain(replay.status());
    expect(replay.headers()['location']).toMatch(/\/login/);
    await bPage.goto(`${B}/dashboard`);
    await expect(bPage).toHaveURL(/\/login/);
    await context.close();
    await onB.close();
  });

  test('[anonymous] failed sign-ins on A and on B count toward one lockout', async ({ browser }) => {
    // An address of its own (documentation range), so the per-address limit is not what stops it.
    const context = await browser.newContext({ ...contextDefaults, extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.61' } });
    // Straight at Auth.js's credentials endpoint: three failures on A, two on B.
    for (const base of [A, A, A, B, B]) {
      const { csrfToken } = (await (await context.request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
      const answer = await context.request.post(`${base}/api/auth/callback/credentials`, {
        form: { csrfToken, email: users.lockout, password: 'a wrong password, again' }, maxRedirects: 0,
      });
      expect(answer.status()).toBeLessThan(500);
      expect((await context.cookies(base)).some((c) => c.name.endsWith('authjs.session-token'))).toBe(false);
    }
    const locked = await admin((c) => c.query<{ locked: boolean }>(`select locked_at is not null as locked from users where email = $1`, [users.lockout]), name);
    expect(locked.rows[0]!.locked).toBe(true);
    // The right password, on either instance, no longer opens a session.
    const page = await context.newPage();
    for (const base of [A, B]) {
      await signIn(page, base, users.lockout, PASSWORD);
      await expect(page.getByTestId('login-error')).toHaveText('Email or password is incorrect.');
      await expect(page).toHaveURL(/\/login/);
    }
    await context.close();
  });
});
