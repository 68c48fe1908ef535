import { test, expect } from './fixtures';

// 2024 has no demo spending, and no other spec records any: the dashboard's 2021 figures stay put.
test.describe('expenditure', () => {
  test('[manager] adds a line with a bad amount, corrects it, and the year total and the dashboard follow', async ({ manager: page }) => {
    await page.goto('/expenditure?year=2024');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Expenditure 2024');
    const add = page.getByTestId('add-expenditure');
    await add.getByRole('button', { name: 'Add a line' }).click();
    await add.getByLabel('Category').selectOption({ label: 'Training' });
    await add.getByLabel('Amount (US$)').fill('1,250.50');
    await add.getByRole('button', { name: 'Save' }).click();
    const amount = add.getByLabel('Amount (US$)');
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await amount.getAttribute('aria-describedby')}`)).toContainText('no commas');
    await expect(amount).toHaveValue('1,250.50');

    await amount.fill('1250.50');
    await add.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('expenditure-line').filter({ hasText: 'Training' })).toContainText('US$1,250.50');
    const total = await page.getByTestId('expenditure-total').innerText();

    await page.goto('/dashboard?year=2024');
    const spent = await page.getByTestId('headline-spent').getByTestId('headline-value').innerText();
    const dollars = (text: string) => Number(text.replace(/[^0-9.]/g, ''));
    expect(dollars(spent)).toBe(Math.round(dollars(total)));
  });

  test('[investigator] the expenditure page answers 403', async ({ investigator: page }) => {
    expect((await page.goto('/expenditure?year=2024'))?.status()).toBe(403);
  });
});
