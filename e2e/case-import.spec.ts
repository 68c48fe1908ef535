import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { test, expect } from './fixtures';

/*
 * The import of past years' cases, through the page a manager uses, and the case list's
 * export link. The imported cases are opened in 2024, after the demo years (specs treat references up to 2023 as demo cases).
 */

test.describe('case import and export', () => {
  // Uploads, imports and whole-list downloads: more than a page load.
  test.describe.configure({ timeout: 120_000 });

  test('[manager] downloads the template, sees a bad row by line and column, fixes it, imports, and finds the cases', async ({ manager: page }) => {
    const tag = randomBytes(4).toString('hex');
    await page.goto('/cases');
    await page.getByRole('link', { name: 'Import past cases' }).click();
    await expect(page.getByRole('heading', { name: 'Import past cases', level: 1 })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the template' }).click();
    const template = (await readFile((await (await download).path())!, 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...example] = template.trim().split(/\r?\n/);
    expect(header).toMatch(/^external_reference,title,/);
    expect(example).toHaveLength(3);

    // Two cases made from the template's example, moved after the demo years (2024-2025), so lists
    // sorted oldest first (case-find's pagination walk) keep the demo's cases on their pages.
    const caseLines = (ref: string, title: string) => example.map((line) => line
      .replace('SHEET-2019-017', ref).replace('Abuse reported by a teacher', title).replaceAll('2019-', '2024-').replaceAll('2020-', '2025-'));
    const good = [header!, ...caseLines(`E2E-${tag}-1`, `Imported ${tag} one`), ...caseLines(`E2E-${tag}-2`, `Imported ${tag} two`)];
    const bad = [...good];
    bad[6] = bad[6]!.replace(',female,11,', ',female,19,'); // line 7: the second case's child

    const upload = async (lines: string[]) => page.getByLabel('CSV file (UTF-8)').setInputFiles({ name: 'past.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
    await upload(bad);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('import-problem-count')).toHaveText(/1 problem in this file/);
    const problem = page.getByTestId('import-problems').locator('tbody tr');
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText('7');
    await expect(problem).toContainText('victim_age');
    await expect(problem).toContainText("A child's age is 0 to 17.");
    await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

    await upload(good);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('import-checked')).toHaveText(/6 lines, 2 cases/);
    await page.getByRole('button', { name: 'Import 2 cases' }).click();
    await expect(page.getByTestId('import-done')).toContainText('2 cases imported.');

    await page.getByRole('link', { name: 'See the cases' }).click();
    await page.goto(`/cases?q=${encodeURIComponent(`Imported ${tag}`)}`);
    await expect(page.getByTestId('case-count')).toHaveText('2 cases match these filters');
    await expect(page.getByRole('link', { name: `Imported ${tag} one` }).or(page.getByText(`Imported ${tag} one`)).first()).toBeVisible();

    // Importing the same file again adds nothing.
    await page.goto('/cases/import');
    await upload(good);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('import-checked')).toContainText('2 cases were imported before');
  });

  test('[manager] the CSV export link carries the list\'s filters, and the file holds those cases', async ({ manager: page }) => {
    await page.goto('/cases?year=2021&status=closed&sort=reference');
    const link = page.getByRole('link', { name: 'Download CSV' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/cases\/export\/csv\?/);
    const params = new URL(href!, 'http://x').searchParams;
    expect([params.get('year'), params.get('status'), params.get('sort')]).toEqual(['2021', 'closed', 'reference']);
    expect(await page.getByRole('link', { name: 'Download XLSX' }).getAttribute('href')).toBe(href!.replace('/csv?', '/xlsx?'));

    const count = Number((await page.getByTestId('case-count').textContent())!.replace(/\D/g, ''));
    const download = page.waitForEvent('download');
    await link.click();
    const text = (await readFile((await (await download).path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^Reference,Earlier reference,Title,Status,/);
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(1).every((l) => /^CPU-2021-\d{4},/.test(l) && l.includes(',Closed,'))).toBe(true);
  });

  test('[liaison] the export has no summary column', async ({ liaison: page }) => {
    const res = await page.request.get('/cases/export/csv');
    expect(res.status()).toBe(200);
    const header = (await res.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(header).not.toContain('Summary');
    expect(header).toContain('Children');
  });
});
