import type { BrowserContextOptions } from '@playwright/test';

/** Where e2e/serve.ts runs `next start` for the suite (never the demo's port 3000). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Options for every browser context the suite opens, including the persona fixtures'. */
export const contextDefaults = {
  baseURL: BASE_URL,
  locale: 'en-US',
} satisfies BrowserContextOptions;
