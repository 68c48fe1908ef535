import { request as playwrightRequest } from '@playwright/test';
import { test, expect } from './fixtures';

/** Calls the API with a token and no cookie at all, as a script would. */
async function apiStatus(baseURL: string, token: string): Promise<number> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  try {
    return (await api.get('/api/v1/investigations?year=2021')).status();
  } finally {
    await api.dispose();
  }
}

test.describe('API tokens on My account', () => {
  // Several round trips through the page and the API in one test.
  test.describe.configure({ timeout: 90_000 });
  test('[investigator] creates a token, sees it once, uses it, revokes it, and it stops working', async ({ investigator: page, baseURL }) => {
    const name = `Reporting script ${Date.now().toString(36)}`;
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'API tokens' });

    // A blank name: the message beside the field, nothing created.
    await section.getByRole('button', { name: 'Create token' }).click();
    const nameField = section.getByLabel('Token name');
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await nameField.getAttribute('aria-describedby')}`)).toHaveText('Give the token a name.');

    await nameField.fill(name);
    await section.getByLabel('Expires after').selectOption({ label: '30 days' });
    await section.getByRole('button', { name: 'Create token' }).click();
    const shown = section.getByLabel('Your new token');
    await expect(shown).toHaveValue(/^cpu_[A-Za-z0-9_-]{43}$/);
    const token = await shown.inputValue();
    await expect(section.getByText('it is shown only once')).toBeVisible();
    const row = section.getByTestId('api-tokens').getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(`${token.slice(0, 10)}…`);

    expect(await apiStatus(baseURL!, token)).toBe(200);

    // Shown once: after a reload the page no longer holds the token, only its prefix.
    await page.reload();
    await expect(section.getByLabel('Your new token')).toHaveCount(0);
    expect(await page.content()).not.toContain(token);
    await expect(row).toContainText(token.slice(0, 10));

    await row.getByRole('button', { name: `Revoke the token ${name}` }).click();
    await expect(row).toContainText('Revoked');
    expect(await apiStatus(baseURL!, token)).toBe(401);
  });

  test('[liaison] the API reference is readable in the app', async ({ liaison: page }) => {
    await page.goto('/api-docs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('API reference');
    await expect(page.getByRole('heading', { name: 'PATCH /api/v1/investigations/{id}' })).toBeVisible();
    await expect(page.getByRole('table', { name: /Request body/ }).first()).toBeVisible();
  });
});
