import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Switching the manager's language changes it on the account, for every session of that
// demo account: so this runs after the other specs (*.exclusive.spec.ts). The manager, not
// the investigator: the other exclusive spec deactivates the investigator meanwhile.

const english = `Workplace or office ${Date.now()}`;
const khmer = `កន្លែងធ្វើការ ឬការិយាល័យ ${Date.now()}`;

async function switchLanguage(page: Page, locale: 'en' | 'km') {
  await page.locator(`button[name="locale"][value="${locale}"]`).click();
  await expect(page.locator(`button[name="locale"][value="${locale}"]`)).toHaveAttribute('aria-pressed', 'true');
}

test('[admin] relabels a place type in English and Khmer; [manager] sees it in the case form in both languages', async ({ admin, manager }) => {
  await admin.goto('/admin/reference?list=placeTypes');
  const row = admin.locator('[data-testid="reference-row"][data-code="workplace"]');
  await row.getByRole('button', { name: 'Relabel Workplace' }).click();
  await row.getByLabel('English label').fill(english);
  await row.getByLabel('Khmer label').fill(khmer);
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText(english);
  await expect(row).toContainText(khmer);

  await manager.goto('/cases/new');
  await expect(manager.locator('option', { hasText: english }).first()).toBeAttached();
  try {
    await switchLanguage(manager, 'km');
    await manager.goto('/cases/new');
    await expect(manager.locator('html')).toHaveAttribute('lang', 'km');
    await expect(manager.locator('option', { hasText: khmer }).first()).toBeAttached();
    await expect(manager.locator('option', { hasText: english })).toHaveCount(0);
  } finally {
    await switchLanguage(manager, 'en');
  }
  await manager.goto('/cases/new');
  await expect(manager.locator('option', { hasText: english }).first()).toBeAttached();
});
