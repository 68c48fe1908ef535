import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openCase } from './open-case';

// The demo liaison as the manager's form lists them: name, then agency.
const PRAK_VANNAK = 'Prak Vannak (Anti-Human Trafficking and Juvenile Protection Department)';

/** The case to share is opened by this test (see e2e/open-case.ts for why). */
const openCaseAsManager = (page: Page) => openCase(page, { title: `E2E sharing ${Date.now()}` });

/** The references the viewer's case list shows when searching for `reference`. */
async function listedAs(page: Page, reference: string): Promise<string[]> {
  await page.goto(`/cases?q=${encodeURIComponent(reference)}`);
  await expect(page.getByTestId('case-count')).toBeVisible();
  return (await page.locator('tbody tr td:first-child').allInnerTexts()).map((r) => r.trim());
}

test.describe('sharing a case with a named liaison officer', () => {
  // Two personas signing in (argon2id) and several renders on a busy two-core machine.
  test.slow();

  test('[manager] shares a case with the liaison by name, then withdraws it; [liaison] sees it only in between', async ({ manager, liaison }) => {
    const { url, reference } = await openCaseAsManager(manager);
    expect(reference).toMatch(/^CPU-\d{4}-\d+$/);
    expect((await liaison.goto(url))?.status(), 'the case starts out not shared with the liaison').toBe(404);

    const team = manager.getByRole('region', { name: 'Team and sharing' });
    await team.getByTestId('share-liaison').click();
    const officer = team.getByLabel('Liaison officer', { exact: true });
    // Nobody chosen: a message beside the field, and nothing shared.
    await team.getByTestId('share-liaison-open').getByRole('button', { name: 'Share with a liaison officer' }).click();
    await expect(officer).toHaveAttribute('aria-invalid', 'true');
    await expect(team.getByText('Choose a person.')).toBeVisible();
    await expect(team.getByTestId('named-liaison').filter({ hasText: 'Prak Vannak' })).toHaveCount(0);

    await officer.selectOption({ label: PRAK_VANNAK });
    await team.getByTestId('share-liaison-open').getByRole('button', { name: 'Share with a liaison officer' }).click();
    const named = team.getByTestId('named-liaison').filter({ hasText: 'Prak Vannak' });
    await expect(named).toBeVisible();
    await expect(manager.getByTestId('timeline').locator('li').first()).toContainText('Shared with liaison officer: Prak Vannak');

    const shared = await liaison.goto(url);
    expect(shared?.status()).toBe(200);
    await expect(liaison.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(liaison.getByText(reference)).toBeVisible();
    await expect(liaison.getByRole('region', { name: 'Team and sharing' }).getByText('Shared with you by name.')).toBeVisible();
    expect(await listedAs(liaison, reference)).toEqual([reference]);
    await liaison.goto(url);

    // Withdrawing asks for confirmation first.
    await named.getByRole('button', { name: 'Withdraw the share with Prak Vannak' }).click();
    await named.getByRole('button', { name: 'Withdraw the share', exact: true }).click();
    await expect(team.getByTestId('named-liaison').filter({ hasText: 'Prak Vannak' })).toHaveCount(0);
    await expect(manager.getByTestId('timeline').locator('li').first()).toContainText('Share with liaison officer withdrawn: Prak Vannak');

    const after = await liaison.reload();
    expect(after?.status(), 'the liaison\'s very next request is refused').toBe(404);
    await expect(liaison.getByText(reference)).toHaveCount(0);
    expect(await listedAs(liaison, reference), 'and the case is gone from their list').toEqual([]);
  });
});
