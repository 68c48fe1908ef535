import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const ADMIN_PAGES = ['/admin/users', '/admin/agencies', '/admin/reference', '/admin/reference?list=charges'];

async function refusedEverywhere(page: Page, auditToo: boolean) {
  for (const path of ADMIN_PAGES) expect((await page.goto(path))?.status(), path).toBe(403);
  await expect(page.getByRole('link', { name: 'Agencies', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Reference lists', exact: true })).toHaveCount(0);
  if (!auditToo) return;
  expect((await page.goto('/admin/audit'))?.status()).toBe(403);
  expect((await page.request.get('/admin/audit/csv')).status()).toBe(403);
  await expect(page.getByRole('link', { name: 'Audit trail', exact: true })).toHaveCount(0);
}

test.describe('admin lists', () => {
  test('[investigator] gets 403 on every admin page, the audit trail and its export', async ({ investigator }) => {
    await refusedEverywhere(investigator, true);
  });
  test('[liaison] gets 403 on every admin page, the audit trail and its export', async ({ liaison }) => {
    await refusedEverywhere(liaison, true);
  });
  test('[manager] gets 403 on every admin page but reads the audit trail', async ({ manager }) => {
    await refusedEverywhere(manager, false);
    expect((await manager.goto('/admin/audit'))?.status()).toBe(200);
    await expect(manager.getByRole('link', { name: 'Audit trail', exact: true })).toBeVisible();
  });

  test('[admin] adds an agency, renames it and deactivates it', async ({ admin }) => {
    const name = `E2E Kampot Court ${Date.now()}`;
    await admin.goto('/admin/agencies');
    await admin.getByRole('button', { name: 'Add an agency' }).click();
    const form = admin.getByTestId('add-agency');
    await form.getByRole('button', { name: 'Save' }).click();
    // Nothing typed: messages beside the fields, nothing saved.
    await expect(form.getByText('This is required.').first()).toBeVisible();
    await form.getByLabel('Name (English)').fill(name);
    await form.getByLabel('Name (Khmer)').fill('សាលាដំបូងខេត្តកំពត');
    await form.getByLabel('Kind').selectOption({ label: 'Court' });
    await form.getByRole('button', { name: 'Save' }).click();
    const row = admin.getByTestId('agency-row').filter({ hasText: name });
    await expect(row).toContainText('Active');

    await row.getByRole('button', { name: `Rename ${name}` }).click();
    await row.getByLabel('Name (English)').fill(`${name} renamed`);
    await row.getByRole('button', { name: 'Save' }).click();
    const renamed = admin.getByTestId('agency-row').filter({ hasText: `${name} renamed` });
    await renamed.getByRole('button', { name: `Deactivate ${name} renamed` }).click();
    await renamed.getByRole('button', { name: 'Deactivate the agency' }).click();
    await expect(renamed).toContainText('Deactivated');
  });
});
