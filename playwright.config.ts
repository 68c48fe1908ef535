import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import { BASE_URL, E2E_PORT, contextDefaults } from './e2e/settings';

/**
 * The system's Chromium (CHROMIUM_PATH, else Debian's /usr/bin/chromium) where it exists,
 * else Playwright's own browser if it was installed; undefined means Playwright's own.
 */
function chromiumExecutable(): string | undefined {
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(system)) return system;
  if (process.env.CHROMIUM_PATH) console.warn(`CHROMIUM_PATH=${system} does not exist; trying Playwright's own Chromium.`);
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    'No Chromium for the e2e tests. Install one: `apt-get install chromium` (Debian/Ubuntu) or ' +
      '`npx playwright install chromium`, or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}

const executablePath = chromiumExecutable();
const launchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Two cores and one shared server: two workers, test files in parallel, tests within a file in order.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  globalTimeout: process.env.CI ? 15 * 60_000 : undefined,
  expect: { timeout: 5_000 },
  use: {
    ...contextDefaults,
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: '**/*.exclusive.spec.ts', use: { browserName: 'chromium', launchOptions } },
    // Specs that deactivate or change demo accounts end sessions other tests rely on:
    // they run alone, after everything else.
    { name: 'account-changes', testMatch: '**/*.exclusive.spec.ts', testIgnore: '**/khmer.exclusive.spec.ts', dependencies: ['chromium'], use: { browserName: 'chromium', launchOptions } },
    // The Khmer walk-through switches the manager's language, as admin-lists-khmer does: after it, alone.
    { name: 'khmer', testMatch: '**/khmer.exclusive.spec.ts', dependencies: ['account-changes'], use: { browserName: 'chromium', launchOptions } },
  ],
  webServer: {
    // A fresh seeded database and `next start` on E2E_PORT; removed again on shutdown.
    command: 'node --import tsx e2e/serve.ts',
    url: `${BASE_URL}/login`,
    env: { PORT: String(E2E_PORT) },
    reuseExistingServer: false,
    // First open of a new PGlite folder plus the demo seed.
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM (not the default SIGKILL) so serve.ts can drop its database.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
