import { test, expect } from './fixtures';

// 2020: no other spec writes a report or records anything dated 2020.
test.describe('the annual report', () => {
  test.slow();

  test('[manager] drafts, publishes, downloads, then starts a correction while the published version stays', async ({ manager: page }) => {
    await page.goto('/reports/2020');
    await expect(page.getByText('There is no report for 2020 yet.')).toBeVisible();
    await page.getByTestId('start-report').click();
    await page.getByTestId('start-report-open').getByRole('button', { name: 'Start the 2020 report' }).click();
    await expect(page.getByTestId('report-status')).toContainText('Draft, version 1');

    const edit = page.getByTestId('edit-report');
    await edit.getByRole('button', { name: 'Edit the text' }).click();
    await edit.getByRole('textbox', { name: 'Summary', exact: true }).fill('In 2020 the unit opened 287 investigations.');
    await edit.getByRole('textbox', { name: 'Challenges and failings', exact: true }).fill('Courts closed for weeks in the pandemic.');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('report')).toContainText('Courts closed for weeks in the pandemic.');

    await page.getByTestId('publish-report').click();
    await page.getByTestId('publish-report-open').getByRole('button', { name: 'Publish version 1' }).click();
    await expect(page.getByTestId('report-status')).toContainText('Version 1, published on');
    await expect(page.getByTestId('report-status')).toContainText('by Mao Chenda');

    for (const [name, type, magic] of [['PDF (Khmer)', 'application/pdf', '%PDF'], ['Workbook (XLSX)', 'spreadsheetml', 'PK']] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
      expect(response.headers()['cache-control']).toContain('no-store');
      expect((await response.body()).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }

    await page.getByTestId('start-report').click();
    await page.getByTestId('start-report-open').getByRole('button', { name: 'Start version 2' }).click();
    await expect(page.getByTestId('report-status')).toContainText('Draft, version 2');
    await expect(page.getByTestId('report')).toContainText('Courts closed for weeks in the pandemic.');
    await page.getByRole('link', { name: 'Version 1 (Published)' }).click();
    await expect(page.getByTestId('report-status')).toContainText('Version 1, published on');
  });

  test('[investigator] and [liaison] get 403 on the report and its files', async ({ investigator, liaison }) => {
    for (const page of [investigator, liaison]) {
      expect((await page.goto('/reports/2021'))?.status()).toBe(403);
      expect((await page.goto('/reports'))?.status()).toBe(403);
      expect((await page.request.get('/reports/2021/pdf?lang=km')).status()).toBe(403);
      expect((await page.request.get('/reports/2021/xlsx')).status()).toBe(403);
    }
  });
});
