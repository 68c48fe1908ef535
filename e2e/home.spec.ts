import { test, expect } from './fixtures';
import { demoFacts } from './demo-facts';
import { caseFacts } from './case-facts';

const NOT_SHARED = 'No case with that reference is shared with you.';
/** A case of the demo investigator's, shared with the liaison's agency, that no other spec edits. */
const sharedMemberCase = caseFacts.memberCasesWithSuspects.filter((c) => demoFacts.liaisonCaseRefs.has(c.reference)).at(-1)!;

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

  test("[manager] edits a case; the lead's team sees it in their updates and the liaison sees it marked, until each opens it", async ({ manager, investigator, liaison }) => {
    test.slow();
    const c = sharedMemberCase;
    await manager.goto(`/cases/${c.id}`);
    const suspect = manager.getByTestId('suspect').first();
    await suspect.getByRole('button', { name: /^Edit / }).click();
    await suspect.getByLabel('Alias').fill(`Home alias ${Date.now() % 100000}`);
    await suspect.getByRole('button', { name: 'Save' }).click();
    await expect(manager.getByTestId('timeline').locator('li').first()).toContainText('Suspect changed');

    await investigator.goto('/home');
    const update = investigator.getByTestId('updates').getByRole('row').filter({ hasText: c.reference });
    await expect(update).toContainText('1 change: Suspects changed');
    await expect(update).toContainText('by Mao Chenda');

    await liaison.goto('/home');
    // Updated cases come first; other specs running beside this one may have changed some too.
    const rows = liaison.getByTestId('shared-cases').locator('tbody tr');
    const first = rows.filter({ hasText: c.reference });
    await expect(first).toContainText('Updated');
    const marks = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-updated') === 'true'));
    expect(marks).toEqual([...marks].sort((a, b) => Number(b) - Number(a)));

    await update.getByRole('link', { name: c.reference }).click();
    await expect(investigator).toHaveURL(new RegExp(`/cases/${c.id}$`));
    await investigator.goto('/home');
    await expect(investigator.getByTestId('updates-count')).toBeVisible();
    await expect(investigator.getByRole('row').filter({ hasText: c.reference })).toHaveCount(0);

    await first.getByRole('link', { name: c.reference }).click();
    await expect(liaison).toHaveURL(new RegExp(`/cases/${c.id}$`));
    await liaison.goto('/home');
    await expect(liaison.getByTestId('shared-cases').locator('tbody tr').filter({ hasText: c.reference }).filter({ hasText: 'Updated' })).toHaveCount(0);
  });
});
