import { test, expect } from './fixtures';
import { caseFacts } from './case-facts';

test.describe('the case page', () => {
  // Signing a persona in (argon2id) and a first render on a busy two-core machine take a while.
  test.slow();
  test('[investigator] edits a suspect and sees the change on the timeline', async ({ investigator: page }) => {
    const c = caseFacts.memberCasesWithSuspects[0]!;
    await page.goto(`/cases/${c.id}`);
    const suspect = page.getByTestId('suspect').first();
    await suspect.getByRole('button', { name: /^Edit / }).click();
    const alias = `E2E alias ${Date.now() % 100000}`;
    await suspect.getByLabel('Alias').fill(alias);
    await suspect.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('suspect').filter({ hasText: alias })).toBeVisible();
    const latest = page.getByTestId('timeline').locator('li').first();
    await expect(latest).toContainText('Suspect changed');
    await expect(latest).toContainText('Changed: Alias');
    await expect(latest).toContainText('by ');
  });

  test('[investigator] bad input shows a message beside the field, keeps the typing and saves nothing', async ({ investigator: page }) => {
    const c = caseFacts.memberCasesWithSuspects[1]!;
    await page.goto(`/cases/${c.id}`);
    await page.getByTestId('add-victim').getByRole('button', { name: 'Add a child' }).click();
    const form = page.getByTestId('add-victim');
    await form.getByLabel('Sex').selectOption('female');
    await form.getByLabel('Age at offence').fill('19');
    await form.getByRole('button', { name: 'Save' }).click();
    const age = form.getByLabel('Age at offence');
    await expect(age).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText("A child's age is 0 to 17.").first()).toBeVisible();
    await expect(age).toHaveValue('19');
    const victims = await page.getByTestId('victim').count();
    await page.reload();
    await expect(page.getByTestId('victim')).toHaveCount(victims);
  });

  test('[liaison] a shared case shows children as counts only: no victim name, date of birth or code in its HTML or RSC payload', async ({ liaison: page }) => {
    const { caseId, code, fullName, dateOfBirth, reference } = caseFacts.canary;
    const url = `/cases/${caseId}`;
    await page.goto(url);
    await expect(page.getByRole('table', { name: /Children in this case by sex and age band/ })).toBeVisible();
    await expect(page.getByText(code)).toHaveCount(0);
    await expect(page.getByText(fullName)).toHaveCount(0);
    // Nor the case's free-text summary, which may describe the child.
    await expect(page.getByTestId('case-summary')).toHaveCount(0);
    // No edit controls for the case's records; liaison officers only record arrests, prosecutions and hearings.
    await expect(page.getByRole('button', { name: /^(Edit(?! the hearing)|Remove|Add(?! a (prosecution|hearing))|Close|Archive)/ })).toHaveCount(0);

    const html = await page.request.get(url);
    expect(html.status()).toBe(200);
    const htmlText = await html.text();
    expect(htmlText, 'the page did render the case').toContain(reference);
    expect(htmlText).not.toContain(fullName);
    expect(htmlText).not.toContain(dateOfBirth);
    expect(htmlText).not.toContain(code);

    const rsc = await page.request.get(url, { headers: { RSC: '1' } });
    expect(rsc.status()).toBe(200);
    const rscText = await rsc.text();
    expect(rscText, 'the payload did carry the case').toContain(reference);
    expect(rscText).not.toContain(code);
    expect(rscText).not.toContain(fullName);
    expect(rscText).not.toContain(dateOfBirth);
  });

  test('[manager] closes a case with a reason and reopens it; the timeline shows both', async ({ manager: page }) => {
    const c = caseFacts.openCases.at(-1)!;
    await page.goto(`/cases/${c.id}`);
    await page.getByTestId('close-case').click();
    await page.getByLabel('Why is the case closed?').selectOption('no_further_action');
    await page.getByTestId('close-case-open').getByRole('button', { name: 'Close the case' }).click();
    const overview = page.getByRole('region', { name: 'Overview' });
    await expect(overview.getByText('No further action')).toBeVisible();
    await expect(page.getByTestId('timeline').locator('li').first()).toContainText(/to Closed \(No further action\)/);

    await page.getByTestId('reopen-case').click();
    await page.getByLabel('Why is the case reopened?').selectOption('new_evidence');
    await page.getByTestId('reopen-case-open').getByRole('button', { name: 'Reopen the case' }).click();
    await expect(page.getByTestId('timeline').locator('li').first()).toContainText(/from Closed to .+ \(New evidence\)/);
    await expect(page.getByTestId('timeline').locator('li').nth(1)).toContainText('No further action');
    await expect(overview.getByText('No further action')).toHaveCount(0);
  });

  test('[admin] the case page answers 403', async ({ admin: page }) => {
    const response = await page.goto(`/cases/${caseFacts.canary.caseId}`);
    expect(response?.status()).toBe(403);
  });
});
