import { test, expect } from './fixtures';
import { demoFacts } from './demo-facts';

const NOT_SHARED = 'No case with that reference is shared with you.';

test.describe('the home page', () => {
  test('[liaison] lands on the home after sign-in and sees their shared cases with status', async ({ freshSession }) => {
    const page = await freshSession('liaison');
    await expect(page).toHaveURL((url) => url.pathname === '/home');
    await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute('aria-current', 'page');
    const table = page.getByTestId('shared-cases');
    await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Next hearing' })).toBeVisible();
    const refs = (await table.locator('tbody tr td:first-child a').allInnerTexts()).map((s) => s.trim());
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs.filter((r) => Number(r.split('-')[1]) <= 2023)) expect(demoFacts.liaisonCaseRefs.has(ref), ref).toBe(true);
    await expect(page.getByTestId('shared-count')).toContainText('shared with you');
  });

  test('[liaison] finds a shared case by its reference, typed loosely, and arrives at it', async ({ liaison: page }) => {
    await page.goto('/home');
    const ref = (await page.getByTestId('shared-cases').locator('tbody tr td:first-child a').first().innerText()).trim();
    await page.getByLabel('Find a case by its reference').fill(`  ${ref.toLowerCase()} `);
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByText(ref, { exact: true })).toBeVisible();
    // The reference travelled in the request body, not the URL.
    expect(page.url()).not.toContain(ref);
  });

  test('[liaison] a case not shared and a made-up reference get the same message, the typing kept', async ({ liaison: page }) => {
    await page.goto('/home');
    const box = page.getByLabel('Find a case by its reference');
    for (const typed of [demoFacts.caseNotSharedWithLiaison.reference, 'CPU-1999-0001']) {
      await box.fill(typed);
      await page.getByRole('button', { name: 'Open case' }).click();
      await expect(page.getByText(NOT_SHARED)).toBeVisible();
      await expect(box).toHaveValue(typed);
      await expect(box).toHaveAttribute('aria-invalid', 'true');
      await expect(page).toHaveURL((url) => url.pathname === '/home' && url.search === '');
    }
  });

  test('[investigator] lands on the home with the updates on their cases and the find box', async ({ freshSession }) => {
    const page = await freshSession('investigator');
    await expect(page.getByRole('heading', { name: 'Updates on your cases' })).toBeVisible();
    await expect(page.getByTestId('updates-count')).toBeVisible();
    await page.getByLabel('Find a case by its reference').fill(demoFacts.caseOutsideInvestigator.reference);
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page.getByText('No case with that reference is among your cases.')).toBeVisible();
  });

  test('[admin] the home answers 403', async ({ admin }) => {
    const response = await admin.goto('/home');
    expect(response?.status()).toBe(403);
  });
});
