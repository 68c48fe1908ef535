import { expect, type Locator, type Page } from '@playwright/test';
import { todayIso } from '../lib/validation/fields';

/**
 * Opens a new case through the form, as whoever `page` is signed in as (who becomes its
 * lead), dated last year. Specs that share a case with the demo liaison use one of these:
 * sharing a seeded case, even for seconds, would race e2e/scope.spec.ts, which checks the
 * liaison's list against the seed in the other worker (a case of this year is outside it).
 */
export async function openCase(page: Page, opts: { title: string; suspect?: { relationship: string; status: string } }) {
  const lastYear = Number(todayIso().slice(0, 4)) - 1;
  const field = (label: string, scope: Page | Locator = page) => scope.getByLabel(label, { exact: true });
  await page.goto('/cases/new');
  await field('Title').fill(opts.title);
  await field('Offence').selectOption({ label: 'Indecent assault' });
  await field('Date reported').fill(`${lastYear}-03-10`);
  await field('How it was reported').selectOption({ label: 'Hotline' });
  const location = page.getByRole('group', { name: 'Offence location 1', exact: true });
  await field('Province', location).selectOption({ label: 'Kandal' });
  await field('District', location).fill('Ta Khmau');
  await field('Place', location).selectOption({ label: "Child's home" });
  if (opts.suspect) {
    await page.getByRole('button', { name: 'Add a suspect' }).click();
    const suspect = page.getByRole('group', { name: 'Suspect 1', exact: true });
    await field('Relationship to the child', suspect).selectOption({ label: opts.suspect.relationship });
    await field('Status', suspect).selectOption({ label: opts.suspect.status });
  }
  const child = page.getByRole('group', { name: 'Child 1', exact: true });
  await field('Sex', child).selectOption({ label: 'Female' });
  await field('Age at offence', child).fill('9');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const reference = (await page.locator('article header p.font-mono').innerText()).trim();
  return { url: new URL(page.url()).pathname, reference };
}
