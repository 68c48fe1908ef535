import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// The published 2021 figures, read off the page as a manager would read them. No other
// spec records anything dated 2021, so they hold while the suite runs in parallel.
const headline = (page: Page, key: string) => page.getByTestId(`headline-${key}`).getByTestId('headline-value');
const percent = (text: string) => Number(text.replace(/[^0-9.]/g, ''));
const dollars = (text: string) => Number(text.replace(/[^0-9.]/g, ''));

/** The rows of a chart's table alternative, as text cells. */
async function tableRows(page: Page, key: string): Promise<string[][]> {
  const chart = page.getByTestId(`chart-${key}`);
  await chart.getByText('Show the figures as a table').click();
  return chart.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

test.describe('the outcomes dashboard', () => {
  test('[manager] 2021 shows the published figures', async ({ manager: page }) => {
    await page.goto('/dashboard?year=2021');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outcomes dashboard 2021');
    await expect(headline(page, 'investigations')).toHaveText('313');
    await expect(headline(page, 'suspectsArrested')).toHaveText('268');
    await expect(headline(page, 'arrestRate')).toHaveText('85.6%');
    await expect(headline(page, 'provincesWithOffences')).toHaveText('21 of 25');
    const spent = dollars(await headline(page, 'spent').innerText());
    expect(spent).toBeGreaterThanOrEqual(1_120_000);
    expect(spent).toBeLessThanOrEqual(1_130_000);
    const resolved = percent(await headline(page, 'resolutionRate').innerText());
    expect(resolved).toBeGreaterThanOrEqual(88);
    expect(resolved).toBeLessThanOrEqual(91);
    // Each tile says what it counts.
    await expect(page.getByTestId('headline-arrestRate')).toContainText('Suspects arrested divided by investigations');

    const provinces = await tableRows(page, 'provinces');
    expect(provinces).toHaveLength(25);
    expect(provinces.slice(0, 2).map(([name, n]) => [name, n]).sort()).toEqual([['Kampong Chhnang', '5'], ['Phnom Penh', '5']]);
    expect(Number(provinces[2]![1])).toBeLessThan(5);
    await expect(page.getByTestId('chart-provinces')).toContainText('Highlighted: the provinces with the most offence locations.');

    const relationships = await tableRows(page, 'relationships');
    expect(relationships.slice(0, 2).map((r) => r[0])).toEqual(['Neighbour', 'Father']);
  });

  test('[manager] a chart downloads as CSV with the rows of its table', async ({ manager: page }) => {
    await page.goto('/dashboard?year=2021');
    const rows = await tableRows(page, 'offenceTypes');
    const download = page.waitForEvent('download');
    await page.getByTestId('chart-offenceTypes').getByRole('link', { name: /Download CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('cpu-2021-offenceTypes.csv');
    const text = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Offence type,Investigations');
    expect(lines.slice(1)).toEqual(rows.map(([label, n]) => `${label},${n!.replace(/,/g, '')}`));
  });

  test('[manager] filters live in the URL; a year without cases reads as empty, not broken', async ({ manager: page }) => {
    await page.goto('/dashboard?year=2021');
    await page.getByLabel('Province', { exact: true }).selectOption({ label: 'Kampong Chhnang' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/province=04/);
    await expect(page.getByTestId('filter-note')).toContainText('Kampong Chhnang');
    await expect(headline(page, 'costPerInvestigation')).toHaveText('—');

    await page.goto('/dashboard?year=2031');
    await expect(page.getByTestId('dashboard-empty')).toContainText('No investigations or arrests are recorded for 2031.');
    await expect(page.getByTestId('chart-provinces')).toHaveCount(0);

    await page.goto('/dashboard?year=abc&province=zz');
    await expect(page.getByRole('status').filter({ hasText: 'not a valid choice' })).toBeVisible();
  });

  test('[investigator] reads the dashboard too', async ({ investigator: page }) => {
    await page.goto('/dashboard?year=2021');
    await expect(headline(page, 'investigations')).toHaveText('313');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Dashboard' })).toBeVisible();
  });

  for (const role of ['liaison', 'admin'] as const) {
    test(`[${role}] the dashboard and its CSV answer 403, and it is not in the navigation`, async ({ liaison, admin }) => {
      const page = { liaison, admin }[role];
      const response = await page.goto('/dashboard?year=2021');
      expect(response?.status()).toBe(403);
      await expect(page.getByText('313')).toHaveCount(0);
      const csv = await page.request.get('/dashboard/csv?table=provinces&year=2021');
      expect(csv.status()).toBe(403);
      expect(await csv.text()).not.toContain('Phnom Penh');
      await page.goto('/');
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
    });
  }

  test('[anonymous] the dashboard and its CSV send to sign in', async ({ anonymous: page }) => {
    await page.goto('/dashboard?year=2021');
    await expect(page).toHaveURL(/\/login/);
    const csv = await page.request.get('/dashboard/csv?table=provinces&year=2021', { maxRedirects: 0 });
    expect(csv.status()).toBe(307);
    expect(csv.headers().location).toContain('/login');
  });
});
