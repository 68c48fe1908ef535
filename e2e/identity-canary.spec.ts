import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import pg from 'pg';
import { test, expect } from './fixtures';
import { e2eRunFiles } from './run-files';
import { E2E_PORT } from './settings';
import { todayIso } from '../lib/validation/fields';

const year = Number(todayIso().slice(0, 4)) - 1;
const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** Every row of every table of the database, as text (what a dump would hold), that contains the needle. */
async function rowsContaining(client: pg.Client, needle: string): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select quote_ident(table_schema) || '.' || quote_ident(table_name) as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`);
  expect(tables.length).toBeGreaterThan(10);
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${name} t where strpos(lower(t::text), lower($1)) > 0`, [needle]);
    if (rows[0]!.n > 0) found.push(name);
  }
  return found;
}

test.describe('identity fields never leak', () => {
  test.slow();

  test('[investigator] a canary child and suspect name reach no URL, browser storage or server log, and only ciphertext reaches PostgreSQL', async ({ investigator: page }) => {
    const victimName = `Canary-${randomBytes(8).toString('hex')}`;
    const suspectName = `Canary-${randomBytes(8).toString('hex')}`;
    const canaries = [victimName, suspectName];
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    page.on('framenavigated', (frame) => urls.push(frame.url()));

    await page.goto('/cases/new');
    await field(page, 'Title').fill(`E2E canary case ${Date.now()}`);
    await field(page, 'Summary').fill('Reported by a neighbour.');
    await field(page, 'Offence').selectOption({ label: 'Indecent assault' });
    await field(page, 'Date reported').fill(`${year}-03-10`);
    await field(page, 'How it was reported').selectOption({ label: 'School' });
    await field(page, 'Priority').selectOption({ label: 'High' });
    await field(page, 'From').fill(`${year}-02-01`);
    await field(page, 'To').fill(`${year}-03-01`);
    const location = group(page, 'Offence location 1');
    await field(location, 'Province').selectOption({ label: 'Kandal' });
    await field(location, 'District').fill('Ta Khmau');
    await field(location, 'Place').selectOption({ label: "Child's home" });
    const child = group(page, 'Child 1');
    await field(child, 'Name').fill(victimName);
    await field(child, 'Sex').selectOption({ label: 'Female' });
    await field(child, 'Age at offence').fill('10');
    await field(child, 'Date of birth').fill(`${year - 10}-01-15`);
    await page.getByRole('button', { name: 'Add a suspect' }).click();
    const suspect = group(page, 'Suspect 1');
    await field(suspect, 'Name').fill(suspectName);
    await field(suspect, 'Sex').selectOption({ label: 'Male' });
    await field(suspect, 'Relationship to the child').selectOption({ label: 'Neighbour' });
    await field(suspect, 'Status').selectOption({ label: 'Wanted' });
    await page.getByRole('button', { name: 'Open case' }).click();

    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const caseId = page.url().split('/').at(-1)!;
    // The names were saved, and the investigator reads them back in clear.
    await expect(page.getByTestId('victim')).toContainText(victimName);
    await expect(page.getByTestId('suspect')).toContainText(suspectName);
    await page.reload();
    await expect(page.getByTestId('victim')).toContainText(victimName);

    // (1) No URL, no browser storage, no cookie.
    expect(urls.length).toBeGreaterThan(3);
    const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    const cookies = JSON.stringify(await page.context().cookies());
    for (const canary of canaries) {
      for (const url of urls) expect(decodeURIComponent(url), 'a URL').not.toContain(canary);
      expect(storage, 'browser storage').not.toContain(canary);
      expect(cookies, 'cookies').not.toContain(canary);
    }

    // (2) Not in any line the server printed.
    const files = e2eRunFiles(E2E_PORT);
    const lines = readFileSync(files.serverLog, 'utf8').split('\n');
    expect(lines.join('').length, 'the server log has content, so this check can fail').toBeGreaterThan(0);
    for (const canary of canaries) {
      expect(lines.filter((line) => line.toLowerCase().includes(canary.toLowerCase())), 'server log lines').toEqual([]);
    }

    // (3) PostgreSQL holds only ciphertext. (On the embedded database db/identity-encryption.test.ts reads the raw rows.)
    test.skip(!existsSync(files.databaseUrl), 'embedded database: the raw rows are checked by db/identity-encryption.test.ts');
    const client = new pg.Client({ connectionString: readFileSync(files.databaseUrl, 'utf8').trim() });
    await client.connect();
    try {
      const { rows: victims } = await client.query<{ full_name: string; date_of_birth: string }>(
        'select full_name, date_of_birth from victims where investigation_id = $1', [caseId]);
      expect(victims).toHaveLength(1);
      expect(victims[0]!.full_name).toMatch(/^enc:v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
      expect(victims[0]!.date_of_birth).toMatch(/^enc:v1:/);
      const { rows: suspects } = await client.query<{ full_name: string }>('select full_name from suspects where investigation_id = $1', [caseId]);
      expect(suspects[0]!.full_name).toMatch(/^enc:v1:/);
      for (const canary of canaries) expect(await rowsContaining(client, canary), 'tables holding a canary').toEqual([]);
      // The scan itself finds what is there in clear.
      expect(await rowsContaining(client, caseId)).toEqual(expect.arrayContaining(['public.investigations', 'public.victims']));
    } finally {
      await client.end();
    }
  });
});
