import type { Page } from '@playwright/test';
import { test, expect, personas } from './fixtures';
import { BASE_URL } from './settings';

// Changes accounts and ends sessions: runs in the account-changes project, after the rest.
// It acts on a person it creates, so the demo accounts other specs use stay as they were.
const stamp = Date.now().toString(36);
const person = { name: `Dara Test ${stamp}`, email: `dara.${stamp}@cpu.local`, password: 'lotus-pond-at-dawn-2026' };
const NEXT_PASSWORD = 'monsoon-kite-over-tonle-sap';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The people page searched for one email (the search runs in the browser: no name or email in the address). */
async function personRow(admin: Page, email: string) {
  await admin.goto('/admin/users');
  await admin.getByLabel('Name or email').fill(email);
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  return row;
}

test.describe.serial('people administration', () => {
  let linkUrl = '';
  let createAction: { id: string; url: string } | null = null;

  test('[admin] adds an investigator; the one-time link is shown once and works once', async ({ admin, browser }) => {
    await admin.goto('/admin/users/new');
    const form = admin.locator('main');
    await form.getByLabel('Name').fill(person.name);
    await form.getByLabel('Email').fill('not an email');
    await form.getByLabel('Role').selectOption({ label: 'Investigator' });
    await form.getByLabel('Agency').selectOption({ label: 'Child Protection Unit' });
    await form.getByLabel('Language').selectOption({ label: 'English' });
    await admin.getByRole('button', { name: 'Add person' }).click();
    await expect(admin.getByText('Enter an email address like name@example.org.')).toBeVisible();
    await expect(form.getByLabel('Name')).toHaveValue(person.name);

    await form.getByLabel('Email').fill(person.email);
    const posted = admin.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await admin.getByRole('button', { name: 'Add person' }).click();
    const request = await posted;
    createAction = { id: request.headers()['next-action']!, url: request.url() };
    const link = admin.getByLabel('One-time link to set a password');
    await expect(link).toHaveValue(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    linkUrl = await link.inputValue();

    const context = await browser.newContext({ baseURL: BASE_URL, locale: 'en-US' });
    try {
      const page = await context.newPage();
      const response = await page.goto(linkUrl);
      expect(response?.headers()['referrer-policy']).toBe('no-referrer');
      await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
      await page.getByLabel('New password', { exact: true }).fill(person.password);
      await page.getByLabel('Repeat the new password').fill(`${person.password}x`);
      await page.getByRole('button', { name: 'Set password' }).click();
      await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
      await page.getByLabel('New password', { exact: true }).fill('qazwsxedcrfv');
      await page.getByLabel('Repeat the new password').fill('qazwsxedcrfv');
      await page.getByRole('button', { name: 'Set password' }).click();
      await expect(page.getByText('This password is too common and easy to guess. Choose another.')).toBeVisible();
      await page.getByLabel('New password', { exact: true }).fill(person.password);
      await page.getByLabel('Repeat the new password').fill(person.password);
      await page.getByRole('button', { name: 'Set password' }).click();
      await expect(page.getByTestId('password-set')).toBeVisible();

      // Used once: the same link now says it no longer works.
      await page.goto(linkUrl);
      await expect(page.getByTestId('link-invalid')).toContainText('This link no longer works');
      await page.goto('/set-password/unknown-token');
      await expect(page.getByTestId('link-invalid')).toContainText('This link no longer works');
    } finally {
      await context.close();
    }
  });

  test('[new investigator] My account: sees both sessions, signs the other out, changes the password', async ({ freshSession }) => {
    const other = await freshSession({ email: person.email, password: person.password });
    const page = await freshSession({ email: person.email, password: person.password });
    expect((await page.goto('/admin/users'))?.status(), 'an investigator on the people page').toBe(403);
    await nav(page).getByRole('link', { name: 'My account', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
    const sessions = page.getByTestId('own-sessions');
    await expect(sessions.getByRole('row')).toHaveCount(3);
    await expect(sessions).toContainText('This session');
    await sessions.getByRole('button', { name: /^Sign out the session started/ }).click();
    await expect(sessions.getByRole('row')).toHaveCount(2);
    await other.reload();
    await expect(other).toHaveURL(/\/login/);

    await page.getByLabel('Current password').fill('not-my-current-password');
    await page.getByLabel('New password', { exact: true }).fill(NEXT_PASSWORD);
    await page.getByLabel('Repeat the new password').fill(NEXT_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your current password is not correct.')).toBeVisible();
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue(NEXT_PASSWORD);
    await page.getByLabel('Current password').fill(person.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByTestId('password-changed')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
    person.password = NEXT_PASSWORD;

    // The language is saved on the account.
    await page.getByLabel('Language of the app').selectOption('km');
    await page.getByRole('button', { name: 'Save language' }).click();
    await expect(page.getByRole('heading', { name: 'គណនីរបស់ខ្ញុំ', level: 1 })).toBeVisible();
    await page.getByLabel('ភាសារបស់កម្មវិធី').selectOption('en');
    await page.getByRole('button', { name: 'រក្សាទុកភាសា' }).click();
    await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
  });

  test('[new investigator] signs in; a role change to liaison shows on their next request; deactivation signs them out', async ({ admin, freshSession }) => {
    test.setTimeout(90_000);
    const page = await freshSession({ email: person.email, password: person.password });
    await expect(page).toHaveURL(/\/home$/);
    await expect(nav(page).getByRole('link', { name: 'Dashboard', exact: true })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'My account', exact: true })).toBeVisible();

    const row = await personRow(admin, person.email);
    await row.getByLabel(`Role of ${person.name}`, { exact: true }).selectOption({ label: 'Police liaison officer' });
    await row.getByRole('button', { name: `Change the role of ${person.name}` }).click();
    await expect(row.getByText('Role changed. It applies from their next page.')).toBeVisible();

    // Their next request, in the session they already have: liaison pages and navigation.
    await page.goto('/home');
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByRole('heading', { name: 'Cases shared with you' })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Dashboard', exact: true })).toHaveCount(0);
    await expect(page.getByTestId('viewer')).toContainText('Police liaison officer');

    const again = await personRow(admin, person.email);
    await again.getByRole('button', { name: `Deactivate ${person.name}` }).click();
    await expect(again).toContainText('Deactivated');
    await page.reload();
    await expect(page).toHaveURL(/\/login/);
  });

  test('[admin] the last active administrator cannot demote themselves', async ({ admin }) => {
    const row = await personRow(admin, personas.admin.email);
    const name = (await row.getByRole('cell').first().innerText()).trim();
    await row.getByLabel(`Role of ${name}`, { exact: true }).selectOption({ label: 'Manager' });
    await row.getByRole('button', { name: `Change the role of ${name}` }).click();
    await expect(row.getByText("The last active administrator can't be given another role.")).toBeVisible();
    const reloaded = await personRow(admin, personas.admin.email);
    await expect(reloaded.getByLabel(`Role of ${name}`, { exact: true })).toHaveValue('admin');
    await expect(nav(admin).getByRole('link', { name: 'People', exact: true })).toBeVisible();
  });

  for (const role of ['manager', 'liaison'] as const) {
    test(`[${role}] gets 403 on every admin page, and the add-person action is refused with nothing written`, async ({ manager, liaison, admin }) => {
      const page = role === 'manager' ? manager : liaison;
      for (const path of ['/admin/users', '/admin/users/new', '/admin/users?role=admin&status=active']) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
      }
      expect(createAction, 'the admin test captured the action').not.toBeNull();
      const sneaky = `sneaky.${role}.${stamp}@cpu.local`;
      const agencyId = personas.admin.agencyId;
      const response = await page.request.post(createAction!.url, {
        headers: { 'next-action': createAction!.id, 'content-type': 'text/plain;charset=UTF-8', origin: BASE_URL, accept: 'text/x-component' },
        data: JSON.stringify([{ name: 'Sneaky', email: sneaky, role: 'admin', agencyId, locale: 'en' }]),
      });
      expect(response.status()).toBeLessThan(500);
      expect(await response.text()).toContain('"error":"forbidden"');
      await admin.goto('/admin/users');
      await admin.getByLabel('Name or email').fill(sneaky);
      await expect(admin.getByText('Nobody matches these filters.')).toBeVisible();
    });
  }
});
