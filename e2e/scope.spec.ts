import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { demoFacts } from './demo-facts';

/** Every reference in the viewer's case list, following its "Older cases" links to the end. */
async function allListedReferences(page: Page): Promise<string[]> {
  await page.goto('/cases');
  const refs: string[] = [];
  for (let pageNo = 0; pageNo < 500; pageNo++) {
    refs.push(...(await page.locator('tbody tr td:first-child').allInnerTexts()).map((s) => s.trim()));
    const older = page.getByRole('link', { name: 'Older cases' });
    if ((await older.count()) === 0) return refs;
    await page.goto((await older.getAttribute('href'))!);
  }
  throw new Error('the case list did not end');
}

/** Other specs open cases while this one runs; the demo data's cases are the years up to 2023. */
const isDemoRef = (ref: string) => Number(ref.split('-')[1]) <= 2023;
const countInScope = async (page: Page) => Number((await page.getByTestId('case-count').innerText()).replace(/[^0-9]/g, ''));

test.describe('case scope in the case list', () => {
  test('[investigator] the list holds exactly the cases they are a member of', async ({ investigator }) => {
    test.slow(); // every page of ~600 cases
    const refs = await allListedReferences(investigator);
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs).size, 'no case listed twice across pages').toBe(refs.length);
    expect(new Set(refs.filter(isDemoRef))).toEqual(demoFacts.investigatorCaseRefs);
    await investigator.goto('/cases');
    expect(await countInScope(investigator)).toBeGreaterThanOrEqual(demoFacts.investigatorCaseRefs.size);
  });

  test('[liaison] the list holds exactly the cases shared with them or their agency', async ({ liaison }) => {
    test.slow(); // every page of ~400 cases
    const refs = await allListedReferences(liaison);
    expect(new Set(refs.filter(isDemoRef))).toEqual(demoFacts.liaisonCaseRefs);
    expect(refs.length).toBeLessThan(demoFacts.liveCaseCount);
  });

  test('[manager] sees every live case, newest first', async ({ manager }) => {
    await manager.goto('/cases');
    // The demo alone is more than the list counts to (1,000): it says so rather than count them all.
    expect(demoFacts.liveCaseCount).toBeGreaterThan(1000);
    await expect(manager.getByTestId('case-count')).toHaveText('More than 1,000 cases in your scope');
    const openedYears = (await manager.locator('tbody tr td:first-child').allInnerTexts()).map((r) => Number(r.split('-')[1]));
    expect(openedYears.length).toBe(25);
    expect([...openedYears].sort((a, b) => b - a)).toEqual(openedYears);
  });
});

test.describe('case pages outside scope', () => {
  test('[liaison] an unshared case answers 404, a shared one opens', async ({ liaison }) => {
    const denied = await liaison.goto(`/cases/${demoFacts.caseNotSharedWithLiaison.id}`);
    expect(denied?.status()).toBe(404);
    await expect(liaison.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(liaison.getByText(demoFacts.caseNotSharedWithLiaison.reference)).toHaveCount(0);

    const allowed = await liaison.goto(`/cases/${demoFacts.caseSharedWithLiaison.id}`);
    expect(allowed?.status()).toBe(200);
    await expect(liaison.getByText(demoFacts.caseSharedWithLiaison.reference)).toBeVisible();
  });

  test('[investigator] a case they are not a member of answers 404', async ({ investigator }) => {
    const response = await investigator.goto(`/cases/${demoFacts.caseOutsideInvestigator.id}`);
    expect(response?.status()).toBe(404);
  });

  test('[admin] case pages answer 403', async ({ admin }) => {
    for (const path of ['/cases', `/cases/${demoFacts.caseSharedWithLiaison.id}`]) {
      const response = await admin.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(admin.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
    }
  });

  test('[investigator] the people page answers 403', async ({ investigator }) => {
    const response = await investigator.goto('/admin/users');
    expect(response?.status()).toBe(403);
  });

  test('[manager] a malformed or unknown case id answers 404, not an error', async ({ manager }) => {
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' or '1'='1"]) {
      const response = await manager.goto(`/cases/${encodeURIComponent(id)}`);
      expect(response?.status(), id).toBe(404);
    }
  });
});
