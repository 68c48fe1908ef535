import { test, expect, submitLogin, submitCode, passSecondStep, personas, DEMO_PASSWORD, demoTotpSecret } from './fixtures';
import { codeForStep, timeStep } from '../lib/auth/totp';

const REPLAYED = 'This code was already used. Wait for the next code.';
const WRONG = 'This code is not correct. Check the time on your phone and try the newest code.';

/** A six-digit code right for no step near now. */
function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1, 2].map((d) => codeForStep(secret, timeStep() + d)));
  for (let i = 0; ; i++) {
    const candidate = String((271828 + i * 7919) % 1_000_000).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

test.describe('two-step sign-in', () => {
  test('[manager] is asked for a code after the password; a wrong code is refused beside the field; the right one lands on /home; the same code again is refused', async ({ browser }) => {
    test.slow(); // two sign-ins, four form posts
    const secret = demoTotpSecret(personas.manager.email)!;
    expect(secret, 'the demo manager has a published TOTP secret').toBeTruthy();
    const first = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US' });
    const second = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US' });
    try {
      const page = await first.newPage();
      await page.goto('/login');
      await submitLogin(page, { email: personas.manager.email, password: DEMO_PASSWORD });
      await expect(page).toHaveURL((url) => url.pathname === '/login/two-step');
      await expect(page.getByRole('heading', { name: 'Two-step sign-in' })).toBeVisible();

      // The password alone gave no session: a signed-in page still sends to /login.
      const home = await first.request.get('/home', { maxRedirects: 0 });
      expect(new URL(home.headers().location ?? '', home.url()).pathname).toBe('/login');
      // The state between the steps is an HttpOnly, SameSite=Lax cookie, never in the URL.
      const cookies = await first.cookies();
      expect(cookies.some((c) => c.name.includes('session-token'))).toBe(false);
      const challenge = cookies.find((c) => c.name.endsWith('cpu.sign-in-step'));
      expect(challenge).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(page.url()).not.toContain(challenge!.value);

      const wrong = wrongCode(secret);
      expect(await submitCode(page, wrong)).toBe(WRONG);
      const field = page.getByLabel('Code', { exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAttribute('aria-describedby', /code-error/);
      await expect(field).toHaveValue(wrong);

      // The current code (or the next one, if the other worker's sign-in just used it).
      const used = await passSecondStep(page, secret);
      await expect(page).toHaveURL((url) => url.pathname === personas.manager.home);

      // Someone who saw that code types it into a second sign-in: refused as a replay.
      const other = await second.newPage();
      await other.goto('/login');
      await submitLogin(other, { email: personas.manager.email, password: DEMO_PASSWORD });
      await expect(other).toHaveURL((url) => url.pathname === '/login/two-step');
      expect(await submitCode(other, codeForStep(secret, used))).toBe(REPLAYED);
      await expect(other).toHaveURL((url) => url.pathname === '/login/two-step');
      const stillOut = await second.request.get('/home', { maxRedirects: 0 });
      expect(new URL(stillOut.headers().location ?? '', stillOut.url()).pathname).toBe('/login');
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('[anonymous] the second step without a password step first is sent to /login', async ({ anonymous }) => {
    await anonymous.goto('/login/two-step');
    await expect(anonymous).toHaveURL((url) => url.pathname === '/login');
  });

  test('[investigator] without two-step turned on, signs in with the password alone; My account offers to turn it on', async ({ investigator }) => {
    await investigator.goto('/account');
    await expect(investigator.getByTestId('two-step-status')).toContainText('Two-step sign-in is off.');
    await expect(investigator.getByRole('button', { name: 'Set up two-step sign-in' })).toBeVisible();
  });
});
