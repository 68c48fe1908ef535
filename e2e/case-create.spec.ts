import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { todayIso } from '../lib/validation/fields';

const today = todayIso();
const lastYear = Number(today.slice(0, 4)) - 1;
const day = (md: string) => `${lastYear}-${md}`;
const tomorrow = (() => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();

/** "1,234 cases in your scope" on /cases, read in a page of its own so the form stays as it is. */
async function caseCount(page: Page): Promise<number> {
  const other = await page.context().newPage();
  await other.goto('/cases');
  const text = await other.getByTestId('case-count').innerText();
  await other.close();
  return Number(text.replace(/\D/g, ''));
}

const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });

async function fillBasics(page: Page, title: string) {
  await field(page, 'Title').fill(title);
  await field(page, 'Summary').fill('Reported by the school director after a pupil disclosed.');
  await field(page, 'Offence').selectOption({ label: 'Indecent assault' });
  await field(page, 'Date reported').fill(day('03-10'));
  await field(page, 'How it was reported').selectOption({ label: 'School' });
  await field(page, 'Priority').selectOption({ label: 'High' });
  await field(page, 'From').fill(day('02-01'));
  await field(page, 'To').fill(day('03-01'));
}

async function fillLocation(page: Page, n: number, l: { province: string; district: string; place: string; on: string }) {
  const g = group(page, `Offence location ${n}`);
  await field(g, 'Province').selectOption({ label: l.province });
  await field(g, 'District').fill(l.district);
  await field(g, 'Place').selectOption({ label: l.place });
  await field(g, 'Date').fill(l.on);
}

async function fillVictim(page: Page, age: string) {
  const g = group(page, 'Child 1');
  await field(g, 'Name').fill('E2E Canary Child');
  await field(g, 'Sex').selectOption({ label: 'Female' });
  await field(g, 'Age at offence').fill(age);
}

async function fillArrestedSuspect(page: Page, n: number, arrestedOn: string) {
  const g = group(page, `Suspect ${n}`);
  await field(g, 'Alias').fill('Teacher K');
  await field(g, 'Sex').selectOption({ label: 'Male' });
  await field(g, 'Age').fill('44');
  await field(g, 'Relationship to the child').selectOption({ label: 'Teacher' });
  await field(g, 'Status').selectOption({ label: 'Arrested' });
  await field(g, 'Arrest date').fill(arrestedOn);
  await field(g, 'Arresting agency').selectOption({ label: 'Phnom Penh Municipal Police Commissariat' });
}

/** A minimal valid case: one location, one child, no suspect. */
async function fillMinimalCase(page: Page, title: string) {
  await fillBasics(page, title);
  await fillLocation(page, 1, { province: 'Kandal', district: 'Ta Khmau', place: "Child's home", on: day('02-10') });
  await fillVictim(page, '9');
}

const CASE_URL = /\/cases\/[0-9a-f-]{36}$/;

test.describe('open a case', () => {
  // Long forms filled field by field, on a 2-core machine that may be building beside us.
  test.slow();

  test('[investigator] opens a case with 2 locations, 2 suspects and a child with 2 services', async ({ investigator: page }) => {
    const before = await caseCount(page);
    await page.goto('/cases');
    await page.getByRole('link', { name: 'New case' }).click();
    await expect(page.getByRole('heading', { name: 'Open a case' })).toBeVisible();

    const title = `E2E full case ${Date.now()}`;
    await fillBasics(page, title);
    await group(page, 'Partner agencies involved').getByLabel('Anti-Human Trafficking and Juvenile Protection Department').check();

    await fillLocation(page, 1, { province: 'Phnom Penh', district: 'Chamkar Mon', place: 'School', on: day('02-05') });
    await page.getByRole('button', { name: 'Add a location' }).click();
    await fillLocation(page, 2, { province: 'Siem Reap', district: 'Siem Reap', place: 'Guesthouse or hotel', on: day('02-20') });

    await page.getByRole('button', { name: 'Add a suspect' }).click();
    await fillArrestedSuspect(page, 1, day('03-12'));
    await page.getByRole('button', { name: 'Add a suspect' }).click();
    const second = group(page, 'Suspect 2');
    await field(second, 'Relationship to the child').selectOption({ label: 'Stranger' });
    await field(second, 'Status').selectOption({ label: 'Wanted' });

    await fillVictim(page, '12');
    const child = group(page, 'Child 1');
    await child.getByRole('button', { name: 'Add a service' }).click();
    await field(group(child, 'Service 1'), 'Service').selectOption({ label: 'Medical care' });
    await field(group(child, 'Service 1'), 'Provider').fill('Calmette Hospital');
    await field(group(child, 'Service 1'), 'Start date').fill(day('03-11'));
    await child.getByRole('button', { name: 'Add a service' }).click();
    await field(group(child, 'Service 2'), 'Service').selectOption({ label: 'Counselling' });
    await field(group(child, 'Service 2'), 'Start date').fill(day('03-15'));

    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page).toHaveURL(CASE_URL);
    const caseUrl = page.url();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    const reference = (await page.getByText(new RegExp(`^CPU-${today.slice(0, 4)}-\\d{4}$`)).innerText()).trim();
    await expect(page.getByTestId('location')).toHaveCount(2);
    await expect(page.getByTestId('location').filter({ hasText: 'Chamkar Mon' })).toContainText('Phnom Penh');
    await expect(page.getByTestId('location').filter({ hasText: 'Siem Reap' })).toHaveCount(1);
    await expect(page.getByTestId('suspect')).toHaveCount(2);
    await expect(page.getByTestId('victim')).toHaveCount(1);
    expect(await caseCount(page)).toBe(before + 1);

    // Found by a filter and by text search.
    await page.goto(`/cases?year=${today.slice(0, 4)}&province=17`);
    await expect(page.getByRole('link', { name: reference })).toBeVisible();
    await page.goto(`/cases?q=${encodeURIComponent(reference)}`);
    await expect(page.getByTestId('case-count')).toHaveText('1 case matches these filters');
    await page.getByRole('link', { name: reference }).click();
    await expect(page).toHaveURL(caseUrl);

    // A suspect edited; the timeline shows the opening and the edit, newest first.
    const suspect = page.getByTestId('suspect').filter({ hasText: 'Teacher K' });
    await suspect.getByRole('button', { name: /^Edit / }).click();
    await suspect.getByLabel('Alias').fill('Teacher K (deputy head)');
    await suspect.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('suspect').filter({ hasText: 'Teacher K (deputy head)' })).toBeVisible();
    const steps = page.getByTestId('timeline').locator('li');
    await expect(steps.first()).toContainText('Suspect changed');
    await expect(steps.last()).toContainText(/opened/i);
  });

  test('[investigator] bad input gets field errors, keeps every value and writes nothing', async ({ investigator: page }) => {
    const before = await caseCount(page);
    await page.goto('/cases/new');
    const longTitle = 'T'.repeat(20_000);
    await fillBasics(page, 'placeholder');
    await field(page, 'Title').fill(longTitle);
    // Location 1 without a province.
    const loc = group(page, 'Offence location 1');
    await field(loc, 'District').fill('Chamkar Mon');
    await field(loc, 'Place').selectOption({ label: 'School' });
    await page.getByRole('button', { name: 'Add a suspect' }).click();
    await fillArrestedSuspect(page, 1, tomorrow);
    await fillVictim(page, '19');

    await page.getByRole('button', { name: 'Open case' }).click();

    const expectError = async (input: Locator, id: string, text: string) => {
      await expect(page.locator(`#${id}`)).toHaveText(text);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toHaveAttribute('aria-describedby', new RegExp(`\\b${id}\\b`));
    };
    await expectError(field(page, 'Title'), 'f-title-error', 'This is too long.');
    await expectError(field(loc, 'Province'), 'f-locations-0-provinceCode-error', 'Fill in this field.');
    await expectError(field(group(page, 'Suspect 1'), 'Arrest date'), 'f-suspects-0-arrestedOn-error', 'This date is in the future.');
    await expectError(field(group(page, 'Child 1'), 'Age at offence'), 'f-victims-0-ageAtOffence-error', "A child's age is 0 to 17.");

    const summary = page.getByTestId('error-summary');
    await expect(summary.getByRole('heading', { name: 'Please correct the following' })).toBeVisible();
    await expect(summary.getByRole('listitem')).toHaveCount(4);
    await expect(summary).toBeFocused();

    // Every typed value is still there.
    await expect(field(page, 'Title')).toHaveValue(longTitle);
    await expect(field(loc, 'District')).toHaveValue('Chamkar Mon');
    await expect(field(group(page, 'Suspect 1'), 'Arrest date')).toHaveValue(tomorrow);
    await expect(field(group(page, 'Suspect 1'), 'Alias')).toHaveValue('Teacher K');
    await expect(field(group(page, 'Child 1'), 'Age at offence')).toHaveValue('19');
    await expect(field(group(page, 'Child 1'), 'Name')).toHaveValue('E2E Canary Child');
    await expect(page).toHaveURL(/\/cases\/new$/);
    expect(await caseCount(page)).toBe(before);

    // Leaving with unsaved changes asks first; declining stays on the form.
    page.once('dialog', (dialog) => {
      expect(dialog.type()).toBe('confirm');
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(/\/cases\/new$/);
    await expect(field(page, 'Title')).toHaveValue(longTitle);
  });

  test('[investigator] a double-clicked submit creates one case', async ({ investigator: page }) => {
    const before = await caseCount(page);
    await page.goto('/cases/new');
    await fillMinimalCase(page, `E2E double click ${Date.now()}`);
    await page.getByRole('button', { name: 'Open case' }).dblclick();
    await expect(page).toHaveURL(CASE_URL);
    expect(await caseCount(page)).toBe(before + 1);
  });

  test('[investigator] a lost response keeps the form, and sending again lands on the one case it made', async ({ investigator: page }) => {
    const before = await caseCount(page);
    await page.goto('/cases/new');
    const title = `E2E lost response ${Date.now()}`;
    await fillMinimalCase(page, title);
    // The server saves the case, but the answer never reaches the browser.
    await page.route('**/cases/new', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.fulfill({ status: 503, body: 'unavailable' });
    });
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page.getByTestId('error-summary')).toContainText('The case could not be saved just now.');
    await expect(field(page, 'Title')).toHaveValue(title);
    await expect(page.getByRole('button', { name: 'Open case' })).toBeEnabled();

    await page.unroute('**/cases/new');
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page).toHaveURL(CASE_URL);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    expect(await caseCount(page)).toBe(before + 1);
  });

  test('[liaison] and [admin] get 403 at /cases/new; [liaison] sees no New case link', async ({ liaison, admin }) => {
    for (const page of [liaison, admin]) {
      const response = await page.goto('/cases/new');
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
    }
    await liaison.goto('/cases');
    await expect(liaison.getByTestId('case-count')).toBeVisible();
    await expect(liaison.getByRole('link', { name: 'New case' })).toHaveCount(0);
  });
});
