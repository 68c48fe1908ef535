import { test, expect } from './fixtures';
import { caseFacts } from './case-facts';

test.describe('prosecution form validation', () => {
  // Signing a persona in (argon2id) and a first render on a busy two-core machine take a while.
  test.slow();
  test('[investigator] verdict before filing, a sentence of -1 and a conviction without verdict date: errors beside the fields, typing kept, nothing saved', async ({ investigator: page }) => {
    const c = caseFacts.memberCasesWithSuspects.at(-3)!;
    await page.goto(`/cases/${c.id}`);
    const before = await page.getByTestId('prosecution').count();

    const add = page.getByTestId('add-prosecution').first();
    await add.getByRole('button', { name: /^Add a prosecution/ }).click();
    await add.getByLabel('Court', { exact: true }).selectOption('12');
    await add.getByLabel('Rape', { exact: true }).check();
    await add.getByLabel('Status', { exact: true }).selectOption('convicted');
    await add.getByLabel('Date filed').fill('2024-05-01');
    await add.getByLabel('Verdict date').fill('2024-04-01');
    await add.getByLabel('Sentence (years)').fill('-1');
    await add.getByRole('button', { name: 'Save' }).click();

    const verdict = add.getByLabel('Verdict date');
    const years = add.getByLabel('Sentence (years)');
    await expect(verdict).toHaveAttribute('aria-invalid', 'true');
    await expect(years).toHaveAttribute('aria-invalid', 'true');
    // Beside the field: the input points at its message.
    const verdictError = page.locator(`#${await verdict.getAttribute('aria-describedby')}`);
    await expect(verdictError).toHaveText('The verdict date is before the date filed.');
    const yearsError = page.locator(`#${await years.getAttribute('aria-describedby')}`);
    await expect(yearsError).toHaveText('Years must be a whole number from 0 to 99.');
    await expect(add.getByTestId('form-error-summary')).toContainText('Verdict date');
    await expect(verdict).toHaveValue('2024-04-01');
    await expect(years).toHaveValue('-1');
    await expect(add.getByLabel('Rape', { exact: true })).toBeChecked();

    // A conviction with no verdict date at all.
    await verdict.fill('');
    await years.fill('15');
    await add.getByRole('button', { name: 'Save' }).click();
    await expect(verdict).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await verdict.getAttribute('aria-describedby')}`))
      .toHaveText('A convicted, acquitted or dismissed prosecution needs a verdict date.');
    await expect(years).toHaveAttribute('aria-invalid', 'false');
    await expect(add.getByLabel('Status', { exact: true })).toHaveValue('convicted');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Prosecutions' })).toBeVisible();
    await expect(page.getByTestId('prosecution')).toHaveCount(before);
  });

  test('[investigator] files a prosecution, adds a hearing, records a conviction with a 15-year sentence and closes as convicted', async ({ investigator: page }) => {
    const c = caseFacts.memberCasesWithoutProsecutions.at(-2)!;
    // Yesterday in UTC is never in Phnom Penh's future.
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const caseNumber = `E2E-${Date.now() % 100000}/2026`;
    await page.goto(`/cases/${c.id}`);

    const add = page.getByTestId('add-prosecution').first();
    await add.getByRole('button', { name: /^Add a prosecution/ }).click();
    await add.getByLabel('Court', { exact: true }).selectOption('12');
    await add.getByLabel('Court case number').fill(caseNumber);
    await add.getByLabel('Rape', { exact: true }).check();
    await add.getByLabel('Date filed').fill(day);
    await add.getByRole('button', { name: 'Save' }).click();
    const filed = page.getByTestId('prosecution').filter({ hasText: caseNumber });
    await expect(filed.getByTestId('prosecution-status')).toHaveText('Charged');
    await expect(filed).toContainText('Phnom Penh Municipal Court');
    await expect(page.getByTestId('timeline')).toContainText('Prosecution filed (Charged)');

    const hearing = filed.getByTestId('add-hearing');
    await hearing.getByRole('button', { name: /^Add a hearing/ }).click();
    await hearing.getByLabel('Hearing date').fill(day);
    await hearing.getByLabel('Hearing type').selectOption('trial');
    await hearing.getByRole('button', { name: 'Save' }).click();
    await expect(filed.getByTestId('hearing')).toContainText('Trial');

    const update = filed.getByTestId('update-prosecution');
    await update.getByRole('button', { name: /^Update prosecution/ }).click();
    await update.getByLabel('Status', { exact: true }).selectOption('convicted');
    await update.getByLabel('Verdict date').fill(day);
    await update.getByLabel('Sentence (years)').fill('15');
    await update.getByRole('button', { name: 'Save' }).click();
    await expect(filed.getByTestId('prosecution-status')).toHaveText('Convicted');
    await expect(filed).toContainText('15 years');
    await expect(page.getByTestId('timeline').locator('li').first()).toContainText('Verdict recorded: Convicted, 15 years');

    // The only prosecution is decided: closing with the matching reason is offered.
    await expect(page.getByTestId('timeline')).toContainText('to Referred to court (a charge was filed)');
    await page.getByTestId('close-suggested').click();
    await page.getByTestId('close-suggested-open').getByRole('button', { name: 'Close as convicted' }).click();
    await expect(page.getByTestId('timeline').locator('li').first()).toContainText(/to Closed \(Convicted\)/);
    await expect(page.getByTestId('close-suggested')).toHaveCount(0);
  });
});
