import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Switching the investigator's language changes it on the account, for every session of
// that demo account: so this runs alone, after the other specs (*.exclusive.spec.ts).

const english = `Workplace or office ${Date.now()}`;
const khmer = `កន្លែងធ្វើការ ឬការិយាល័យ ${Date.now()}`;

async function switchLanguage(page: Page, locale: 'en' | 'km') {
  await page.locator(`button[name="locale"][value="${locale}"]`).click();
  await expect(page.locator(`button[name="locale"][value="${locale}"]`)).toHaveAttribute('aria-pressed', 'true');
}

test('[admin] relabels a place type in English and Khmer; [investigator] sees it in the case form in both languages', async ({ admin, investigator }) => {
  await admin.goto('/admin/reference?list=placeTypes');
  const row = admin.locator('[data-testid="reference-row"][data-code="workplace"]');
  await row.getByRole('button', { name: 'Relabel Workplace' }).click();
  await row.getByLabel('English label').fill(english);
  await row.getByLabel('Khmer label').fill(khmer);
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText(english);
  await expect(row).toContainText(khmer);

  await investigator.goto('/cases/new');
  await expect(investigator.locator('option', { hasText: english }).first()).toBeAttached();
  try {
    await switchLanguage(investigator, 'km');
    await investigator.goto('/cases/new');
    await expect(investigator.locator('html')).toHaveAttribute('lang', 'km');
    await expect(investigator.locator('option', { hasText: khmer }).first()).toBeAttached();
    await expect(investigator.locator('option', { hasText: english })).toHaveCount(0);
  } finally {
    await switchLanguage(investigator, 'en');
  }
  await investigator.goto('/cases/new');
  await expect(investigator.locator('option', { hasText: english }).first()).toBeAttached();
});
