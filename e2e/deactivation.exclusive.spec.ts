import { test, expect, submitLogin, personas, DEMO_PASSWORD } from './fixtures';

// Deactivating a demo account ends every session it has, the other worker's too: this file
// runs in its own project, after every other spec (playwright.config.ts).
test.describe('sessions end on the server', () => {
  test('[admin] deactivating a user ends their open session on the next request', async ({ admin, freshSession, personaSessions }) => {
    const investigator = await freshSession('investigator');
    await investigator.goto('/cases');
    await expect(investigator.getByRole('heading', { name: 'Cases' })).toBeVisible();

    await admin.goto('/admin/users');
    const row = admin.getByRole('row').filter({ hasText: personas.investigator.email });
    await row.getByRole('button', { name: /^Deactivate/ }).click();
    await expect(row).toContainText('Deactivated');
    try {
      await investigator.reload();
      await expect(investigator).toHaveURL(/\/login/);
      // And the deactivated person can't simply sign in again.
      await submitLogin(investigator, { email: personas.investigator.email, password: DEMO_PASSWORD });
      await expect(investigator.getByTestId('login-error')).toBeVisible();
    } finally {
      await row.getByRole('button', { name: /^Reactivate/ }).click();
      await expect(row).toContainText('Active');
      // Deactivation revoked every investigator session, the shared persona's too.
      personaSessions.forget('investigator');
    }
  });
});
