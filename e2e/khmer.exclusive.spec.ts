import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { demoFacts } from './demo-facts';
import { expectNoEnglishUi } from './english-leaks';
import { STAFF } from '../db/seed/organisation';

// The language is saved on the account, for every session of it: this runs after the
// other exclusive specs (its own project in playwright.config.ts), with a session of its own.

const kase = demoFacts.khmerCase;
// Data, not UI: staff names are in Latin script, and the demo's free text is in English.
const DATA = [...STAFF.map((s) => s.name), kase.title, ...kase.englishText];

async function switchLanguage(page: Page, locale: 'en' | 'km') {
  await page.locator(`button[name="locale"][value="${locale}"]`).click();
  await expect(page.locator(`button[name="locale"][value="${locale}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

async function searchCases(page: Page, q: string) {
  await page.goto('/cases');
  await page.locator('#filter-q').fill(q);
  await page.locator('#filter-q').press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
}

test('[manager] works in Khmer: finds a case by Khmer text, reads it and the dashboard with no English UI', async ({ freshSession }) => {
  test.setTimeout(90_000);
  const page = await freshSession('manager');
  await page.goto('/home');
  try {
    await switchLanguage(page, 'km');
    await expectNoEnglishUi(page, DATA);

    await searchCases(page, kase.suspectName);
    const link = page.getByRole('link', { name: kase.reference, exact: true });
    await expect(link).toBeVisible();
    await expectNoEnglishUi(page, DATA);

    await searchCases(page, kase.district);
    await expect(page.getByRole('link', { name: kase.reference, exact: true })).toBeVisible();
    await expectNoEnglishUi(page, DATA);

    await page.getByRole('link', { name: kase.reference, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(kase.title);
    await expect(page.locator('main')).toContainText(kase.reference);
    const main = page.locator('main');
    await expect(main).toContainText(kase.district);
    await expect(main).toContainText(kase.suspectName);
    await expect(main).toContainText(kase.victimName);
    await expectNoEnglishUi(page, DATA);

    await page.goto('/dashboard');
    await expect(page.locator('main h1')).toBeVisible();
    await expectNoEnglishUi(page, DATA);

    // Khmer digits, saved on the account, then back to the digits everyone else reads.
    await page.getByRole('button', { name: 'លេខខ្មែរ' }).click();
    await expect(page.getByRole('button', { name: 'លេខខ្មែរ' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('main')).toContainText(/[០-៩]/u);
    await page.getByRole('button', { name: 'លេខខ្មែរ' }).click();
    await expect(page.getByRole('button', { name: 'លេខខ្មែរ' })).toHaveAttribute('aria-pressed', 'false');

    // Error pages too: a case that does not exist.
    await page.goto('/cases/00000000-0000-4000-8000-000000000000');
    await expectNoEnglishUi(page, DATA);
  } finally {
    await switchLanguage(page, 'en');
  }
});

test('[anonymous] the sign-in page follows the browser\'s language before sign-in', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'km-KH', extraHTTPHeaders: { 'Accept-Language': 'km-KH,km;q=0.9,en;q=0.5' } });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await expectNoEnglishUi(page);
  } finally {
    await context.close();
  }
});
