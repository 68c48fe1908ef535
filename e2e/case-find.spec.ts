import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { contextDefaults } from './settings';
import { buildDemoDataset, casesVisibleTo, type InvestigationRow } from '../db/seed/dataset';
import { searchWords } from '../lib/security/field-crypto';

// What the filters should find, computed from the generator the e2e database is seeded with.
const dataset = buildDemoDataset();
const PHNOM_PENH = '12';
const byNewest = (a: InvestigationRow, b: InvestigationRow) =>
  a.openedOn === b.openedOn ? (a.id < b.id ? 1 : -1) : a.openedOn < b.openedOn ? 1 : -1;
const live = casesVisibleTo(dataset, 'manager').sort(byNewest);
const investigatorCases = casesVisibleTo(dataset, 'investigator');
const investigatorIds = new Set(investigatorCases.map((c) => c.id));
const inProvince = (province: string) =>
  new Set(dataset.offenceLocations.filter((l) => l.provinceCode === province && !l.archivedAt).map((l) => l.investigationId));
const opened = (year: number) => (c: InvestigationRow) => c.openedOn.startsWith(`${year}-`);
const inPhnomPenh = inProvince(PHNOM_PENH);
const phnomPenh2021 = live.filter((c) => opened(2021)(c) && inPhnomPenh.has(c.id));

/**
 * Cases whose reference or title contains the text, ignoring case, or with a suspect whose
 * name and alias hold every word of it (names are encrypted: searched by whole words only).
 */
function matchingText(cases: InvestigationRow[], text: string): InvestigationRow[] {
  const q = text.toLowerCase();
  const wanted = searchWords(text);
  const byAlias = new Set(dataset.suspects.filter((s) => {
    const words = new Set(searchWords(`${s.fullName ?? ''} ${s.alias ?? ''}`));
    return !s.archivedAt && wanted.length > 0 && wanted.every((w) => words.has(w));
  }).map((s) => s.investigationId));
  return cases.filter((c) => c.reference.toLowerCase().includes(q) || c.title.toLowerCase().includes(q) || byAlias.has(c.id));
}
const alias = dataset.suspects.find((s) => s.alias && !s.archivedAt && live.some((c) => c.id === s.investigationId) && s.alias.startsWith('Ta '))!.alias!;
const aliasMatches = matchingText(live, alias);
const knownCase = live[137]!;
const outsideInvestigator = live.find((c) => !investigatorIds.has(c.id))!;

const matchText = (n: number) => (n === 0 ? 'No cases match these filters' : n === 1 ? '1 case matches these filters' : `${n.toLocaleString('en-US')} cases match these filters`);
const listedRefs = async (page: Page) => (await page.locator('tbody tr td:first-child').allInnerTexts()).map((s) => s.trim());

test.describe('finding cases', () => {
  test('[manager] filters by year and province with the form, and the count is right', async ({ manager }) => {
    expect(phnomPenh2021.length).toBeGreaterThan(25);
    await manager.goto('/cases');
    await manager.getByLabel('Year opened').selectOption('2021');
    await manager.getByLabel('Province of an offence').selectOption({ label: 'Phnom Penh' });
    await manager.getByRole('button', { name: 'Apply filters' }).click();
    await expect(manager).toHaveURL(/\/cases\?year=2021&province=12$/);
    await expect(manager.getByTestId('case-count')).toHaveText(matchText(phnomPenh2021.length));
    expect(await listedRefs(manager)).toEqual(phnomPenh2021.slice(0, 25).map((c) => c.reference));

    // The next page keeps the filters.
    const older = manager.getByRole('link', { name: 'Older cases' });
    expect(await older.getAttribute('href')).toMatch(/^\/cases\?year=2021&province=12&after=/);
    await older.click();
    await expect(manager).toHaveURL(/after=/);
    await expect(manager.locator('tbody tr td:first-child').first()).toHaveText(phnomPenh2021[25]!.reference);
    await expect(manager.getByTestId('case-count')).toHaveText(matchText(phnomPenh2021.length));
    expect(await listedRefs(manager)).toEqual(phnomPenh2021.slice(25, 50).map((c) => c.reference));
    await expect(manager.getByLabel('Year opened')).toHaveValue('2021');
  });

  test('[manager] the form works without JavaScript', async ({ manager, browser }) => {
    const context = await browser.newContext({ ...contextDefaults, javaScriptEnabled: false, storageState: await manager.context().storageState() });
    try {
      const page = await context.newPage();
      await page.goto('/cases');
      await page.getByLabel('Year opened').selectOption('2021');
      await page.getByLabel('Province of an offence').selectOption(PHNOM_PENH);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect(page).toHaveURL(/year=2021/);
      await expect(page.getByTestId('case-count')).toHaveText(matchText(phnomPenh2021.length));
    } finally {
      await context.close();
    }
  });

  test('[manager] searches a known reference and a known suspect alias', async ({ manager }) => {
    await manager.goto('/cases');
    await manager.getByLabel('Search').fill(knownCase.reference);
    await manager.getByLabel('Search').press('Enter');
    await expect(manager.getByTestId('case-count')).toHaveText(matchText(1));
    expect(await listedRefs(manager)).toEqual([knownCase.reference]);

    await manager.getByLabel('Search').fill(alias.toLowerCase());
    await manager.getByRole('button', { name: 'Apply filters' }).click();
    await expect(manager.getByTestId('case-count')).toHaveText(matchText(aliasMatches.length));
    expect(new Set(await listedRefs(manager))).toEqual(new Set(aliasMatches.slice(0, 25).map((c) => c.reference)));

    // Names are matched as whole words: a cut-off alias finds fewer cases (titles only).
    const fragment = alias.slice(0, -1);
    const fragmentMatches = matchingText(live, fragment);
    expect(fragmentMatches.length).toBeLessThan(aliasMatches.length);
    await manager.getByLabel('Search').fill(fragment);
    await manager.getByRole('button', { name: 'Apply filters' }).click();
    await expect(manager.getByTestId('case-count')).toHaveText(matchText(fragmentMatches.length));
  });

  test('[manager] a link reproduces the view in a new page', async ({ manager }) => {
    const lead = dataset.members.find((m) => m.role === 'lead' && m.investigationId === knownCase.id)!.userId;
    const view = `/cases?year=${knownCase.openedOn.slice(0, 4)}&lead=${lead}&sort=reference`;
    await manager.goto(view);
    const count = await manager.getByTestId('case-count').innerText();
    const refs = await listedRefs(manager);
    expect(refs.length).toBeGreaterThan(0);
    expect([...refs].sort()).toEqual(refs);

    const other = await manager.context().newPage();
    await other.goto(manager.url());
    await expect(other.getByTestId('case-count')).toHaveText(count);
    expect(await listedRefs(other)).toEqual(refs);
    await expect(other.getByLabel('Sort by')).toHaveValue('reference');
    await expect(other.getByLabel('Lead investigator')).toHaveValue(lead);
    await other.close();
  });

  test('[manager] walks to page 20 of every case through the pagination links', async ({ manager }) => {
    test.slow(); // twenty page loads on a shared two-core machine
    // Oldest first: cases other specs open meanwhile land at the end, not on these pages.
    const oldest = [...live].reverse();
    await manager.goto('/cases?sort=opened_asc');
    for (let n = 2; n <= 20; n++) {
      const href = await manager.getByRole('link', { name: 'Newer cases' }).getAttribute('href');
      await manager.goto(href!);
    }
    expect(await listedRefs(manager)).toEqual(oldest.slice(19 * 25, 20 * 25).map((c) => c.reference));
    await expect(manager.getByRole('link', { name: 'Older cases' })).toBeVisible();
    await manager.getByRole('link', { name: 'Oldest cases' }).click();
    await expect(manager).toHaveURL(/\/cases\?sort=opened_asc$/);
    expect(await listedRefs(manager)).toEqual(oldest.slice(0, 25).map((c) => c.reference));
  });

  test('[manager] junk in the URL gives the whole list, and a search with no match says so', async ({ manager }) => {
    const junk = await manager.goto('/cases?year=abc&status=nope&province=%27&lead=1&sort=evil&after=%25%25');
    expect(junk?.status()).toBe(200);
    // The demo alone is more than the list counts to (1,000): it says so rather than count them all.
    expect(live.length).toBeGreaterThan(1000);
    await expect(manager.getByTestId('case-count')).toHaveText('More than 1,000 cases in your scope');

    await manager.goto('/cases?q=%25_%25');
    await expect(manager.getByTestId('case-count')).toHaveText('No cases match these filters');
    await expect(manager.getByText('No case in your scope matches these filters.')).toBeVisible();
    await expect(manager.getByRole('link', { name: 'Clear all filters' }).first()).toHaveAttribute('href', '/cases');
  });
});

test.describe('filters and scope', () => {
  test('[investigator] filters never reveal a case outside their scope', async ({ investigator }) => {
    await investigator.goto(`/cases?q=${outsideInvestigator.reference}`);
    await expect(investigator.getByTestId('case-count')).toHaveText('No cases match these filters');
    await expect(investigator.getByText(outsideInvestigator.reference)).toHaveCount(0);

    const mine = investigatorCases.filter((c) => opened(2021)(c) && inPhnomPenh.has(c.id)).sort(byNewest);
    expect(mine.length).toBeLessThan(phnomPenh2021.length);
    await investigator.goto(`/cases?year=2021&province=${PHNOM_PENH}`);
    await expect(investigator.getByTestId('case-count')).toHaveText(matchText(mine.length));
    expect(await listedRefs(investigator)).toEqual(mine.slice(0, 25).map((c) => c.reference));

    // The lead choices name only people who lead one of their cases.
    const leads = new Set(dataset.members.filter((m) => m.role === 'lead' && investigatorIds.has(m.investigationId) && !dataset.investigations.find((c) => c.id === m.investigationId)!.archivedAt).map((m) => m.userId));
    const offered = await investigator.getByLabel('Lead investigator').locator('option:not([value=""])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(new Set(offered)).toEqual(leads);
  });
});
