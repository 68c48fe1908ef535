import { test, expect, submitLogin, personas, DEMO_PASSWORD, roles } from './fixtures';
import { openCase } from './open-case';

const NAV_BY_ROLE = {
  investigator: ['Home', 'Cases'],
  manager: ['Home', 'Cases'],
  liaison: ['Home', 'Cases'],
  admin: ['People'],
} as const;
const ALL_NAV = ['Home', 'Cases', 'People'];

test.describe('signing in', () => {
  test('[anonymous] is sent to /login from any signed-in page', async ({ anonymous: page }) => {
    for (const path of ['/', '/home', '/cases', '/cases/00000000-0000-4000-8000-000000000000', '/admin/users']) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/login(\?|$)/);
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    }
  });

  test('[anonymous] a wrong password and an unknown email get the same single message', async ({ anonymous: page }) => {
    await page.goto('/login');
    await submitLogin(page, { email: personas.investigator.email, password: 'not-the-password-at-all' });
    const error = page.getByTestId('login-error');
    await expect(error).toHaveText('Email or password is incorrect.');
    await expect(page.getByLabel('Email')).toHaveValue(personas.investigator.email);
    await expect(page).toHaveURL(/\/login/);
    // The form resets its password field once the answer is rendered; type only after that.
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

    await submitLogin(page, { email: 'nobody-here@cpu.local', password: DEMO_PASSWORD });
    await expect(error).toHaveText('Email or password is incorrect.');
    await expect(page.getByLabel('Email')).toHaveValue('nobody-here@cpu.local');
    await expect(page.getByTestId('login-error')).toHaveCount(1);
  });

  for (const role of roles) {
    test(`[${role}] signs in and sees the ${role} navigation`, async ({ freshSession }) => {
      const page = await freshSession(role);
      await expect(page).toHaveURL((url) => url.pathname === personas[role].home);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const label of ALL_NAV) {
        const expected = (NAV_BY_ROLE[role] as readonly string[]).includes(label) ? 1 : 0;
        await expect(nav.getByRole('link', { name: label, exact: true }), `${role} nav ${label}`).toHaveCount(expected);
      }
      await expect(page.getByTestId('viewer')).toContainText(
        { investigator: 'Investigator', manager: 'Manager', liaison: 'Police liaison officer', admin: 'Administrator' }[role],
      );
    });
  }
});

test.describe('sessions end on the server', () => {
  test('[investigator] after sign-out, replaying the old session cookie is refused', async ({ freshSession, browser }) => {
    const page = await freshSession('investigator');
    const stolen = await page.context().storageState();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);

    const replay = await browser.newContext({ storageState: stolen, baseURL: page.url() });
    try {
      const response = await replay.request.get('/cases', { maxRedirects: 0 });
      // Either the proxy or the page refuses it; neither shows the case list.
      expect([302, 303, 307]).toContain(response.status());
      expect(response.headers()['location']).toMatch(/\/login/);
      const replayPage = await replay.newPage();
      await replayPage.goto('/cases');
      await expect(replayPage).toHaveURL(/\/login/);
    } finally {
      await replay.close();
    }
  });
});

test.describe('response headers', () => {
  const expectHardened = (headers: Record<string, string>, where: string) => {
    expect(headers['x-content-type-options'], where).toBe('nosniff');
    expect(headers['x-frame-options'], where).toBe('DENY');
    const policy = headers['content-security-policy'] ?? '';
    expect(policy, where).toContain("frame-ancestors 'none'");
    // Scripts only with this response's nonce: never inline, never eval.
    const scripts = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scripts, where).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scripts, where).not.toContain('unsafe-inline');
    expect(scripts, where).not.toContain('unsafe-eval');
    expect(headers['referrer-policy'], where).toBe('same-origin');
    expect(headers['permissions-policy'], where).toContain('camera=()');
  };
  const nonceOf = (headers: Record<string, string>) => /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1];

  test('[anonymous] the login page is hardened, with a new nonce on every response, and still works', async ({ anonymous }) => {
    const errors: string[] = [];
    anonymous.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text()); });
    const first = await anonymous.goto('/login');
    expectHardened(first!.headers(), '/login');
    const second = await anonymous.reload();
    expect(nonceOf(second!.headers())).toBeTruthy();
    expect(nonceOf(second!.headers())).not.toBe(nonceOf(first!.headers()));
    // Next's own scripts carry the nonce: the page hydrates and nothing was blocked.
    await expect(anonymous.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
    expect(errors).toEqual([]);
  });

  test('[anonymous] the not-found page is hardened too', async ({ anonymous }) => {
    const response = await anonymous.goto('/login/no-such-page');
    expect(response!.status()).toBe(404);
    expectHardened(response!.headers(), '404');
  });

  test('[investigator] signed-in pages are hardened and never cached', async ({ investigator }) => {
    for (const path of ['/cases', '/cases/00000000-0000-4000-8000-000000000000']) {
      const response = await investigator.goto(path);
      const headers = response!.headers();
      expectHardened(headers, path);
      expect(headers['cache-control'], path).toContain('no-store');
    }
  });
});

test.describe('sign-in throttling', () => {
  test('[anonymous] an address that keeps failing is told to wait, even with the right password', async ({ browser }) => {
    test.slow();
    // A documentation-range address of its own, so no other test shares its count.
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.77' } });
    const page = await context.newPage();
    try {
      await page.goto('/login');
      for (let i = 0; i < 30; i++) {
        const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
        await submitLogin(page, { email: `sprayed-${i}@cpu.local`, password: 'Summer2026!-guess' });
        await answered;
        await expect(page.getByTestId('login-error')).toHaveText('Email or password is incorrect.');
        // The form resets its password field once the answer is rendered; type only after that.
        await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
      }
      await submitLogin(page, { email: personas.manager.email, password: DEMO_PASSWORD });
      await expect(page.getByTestId('login-error')).toContainText('Too many failed sign-ins');
      await expect(page).toHaveURL(/\/login/);
      // Straight at Auth.js's endpoint, the same address gets 429 before any password check.
      const direct = await context.request.post('/api/auth/callback/credentials', {
        form: { email: personas.manager.email, password: DEMO_PASSWORD }, maxRedirects: 0,
      });
      expect(direct.status()).toBe(429);
      expect(direct.headers()['retry-after']).toBe('900');
    } finally {
      await context.close();
    }
  });
});

test.describe('stored script', () => {
  test('[manager] a case titled with an HTML payload shows it as text and never runs it', async ({ manager }) => {
    const dialogs: string[] = [];
    manager.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    const payload = `<img src=x onerror=alert(1)> E2E ${Date.now()}`;
    const { url } = await openCase(manager, { title: payload });
    await manager.goto(url);
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText(payload);
    await manager.goto(`/cases?q=${encodeURIComponent('E2E')}`);
    await expect(manager.getByText(payload).first()).toBeVisible();
    expect(dialogs).toEqual([]);
    expect(await manager.locator('img[src="x"]').count()).toBe(0);
  });
});
