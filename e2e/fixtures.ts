/**
 * Persona fixtures: one signed-in page per role, signed in through the real login form
 * once per worker and reused through its storage state (so every test gets its own
 * browser context, sharing one server session per role and worker).
 *
 *   test('[liaison] sees only shared cases', async ({ liaison }) => { await liaison.goto('/cases'); ... });
 *   test('[anonymous] is sent to /login', async ({ anonymous }) => { ... });
 *
 * A test that ends a session (signs out, disables or changes a demo account) must not use
 * the shared personas: it takes a fresh sign-in of its own, which is closed after the test:
 *
 *   test('[investigator] sign-out ends the session', async ({ freshSession }) => {
 *     const page = await freshSession('investigator');
 *     ...
 *   });
 *
 * The demo admin and manager sign in with a second step: the fixtures type the current code
 * of their published demo secret (passSecondStep), taking the next period's code when the
 * other worker has just used this one (a code works once).
 *
 * The shared session is checked before and after each test: a test that ended it fails
 * with a message saying so, and the next test signs that persona in again. Ending every
 * session of a demo account (deactivating it) also hits the other worker's tests running
 * at that moment: such tests should act on a user of their own.
 */
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRETS } from '../db/seed/organisation';
import { codeForStep, timeStep, TOTP_PERIOD_SECONDS } from '../lib/auth/totp';
import type { Role } from '../lib/vocabulary';
import { contextDefaults } from './settings';

export type { Role };

export const roles = ['investigator', 'manager', 'liaison', 'admin'] as const satisfies readonly Role[];

export { DEMO_PASSWORD };
const homes = { investigator: '/home', manager: '/home', liaison: '/home', admin: '/admin/users' } as const;
/** The demo accounts the e2e database is seeded with (db/seed), and where each lands after sign-in. */
export const personas = {
  investigator: { ...DEMO_ACCOUNTS.investigator, home: homes.investigator },
  manager: { ...DEMO_ACCOUNTS.manager, home: homes.manager },
  liaison: { ...DEMO_ACCOUNTS.liaison, home: homes.liaison },
  admin: { ...DEMO_ACCOUNTS.admin, home: homes.admin },
} as const;

export type Credentials = { email: string; password: string };
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Fills in and submits the login form on the current page (expects to be on /login). */
export async function submitLogin(page: Page, { email, password }: Credentials): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The demo account's authenticator secret (admin and manager sign in with a second step), if any. */
export function demoTotpSecret(email: string): string | undefined {
  const key = (Object.keys(DEMO_TOTP_SECRETS) as (keyof typeof DEMO_TOTP_SECRETS)[]).find((k) => DEMO_ACCOUNTS[k].email === email);
  return key ? DEMO_TOTP_SECRETS[key] : undefined;
}

/**
 * Types a code on /login/two-step and says what came of it: signed in, or the message beside
 * the field. A message left from an earlier try is cleared first (the page is loaded afresh),
 * so the answer read is this code's.
 */
export async function submitCode(page: Page, code: string): Promise<'signed-in' | string> {
  const error = page.locator('#code-error');
  if (await error.isVisible()) await page.goto('/login/two-step');
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  return Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 }).then(() => 'signed-in' as const),
    error.waitFor({ timeout: 15_000 }).then(async () => (await error.textContent()) ?? ''),
  ]);
}

const REPLAYED = 'This code was already used. Wait for the next code.';

/**
 * The second step with the demo account's current code. A code works once, and the other
 * worker may have just signed the same account in: then the next step's code (the server
 * accepts one step of drift) is used, and only when that is taken too, the next period is
 * awaited.
 */
export async function passSecondStep(page: Page, secret: string): Promise<number> {
  let tried = -1;
  for (let attempt = 1; attempt <= 6; attempt++) {
    let step = Math.max(timeStep(), tried + 1);
    const waitMs = (step - 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now();
    if (waitMs > 0) await page.waitForTimeout(waitMs + 200);
    step = Math.max(timeStep(), tried + 1);
    const outcome = await submitCode(page, codeForStep(secret, step));
    if (outcome === 'signed-in') return step;
    if (outcome !== REPLAYED) throw new Error(`The second sign-in step refused the demo code: ${outcome}`);
    tried = step;
  }
  throw new Error('The second sign-in step kept refusing the demo codes as already used');
}

function credentialsOf(who: Role | Credentials): Credentials {
  return typeof who === 'string' ? { email: personas[who].email, password: DEMO_PASSWORD } : who;
}

/**
 * A new browser context signed in through the login form, with its own server session.
 * The caller owns it: close it with `page.context().close()` (the `freshSession` fixture
 * does that for you).
 */
export async function signIn(browser: Browser, who: Role | Credentials): Promise<Page> {
  const { email, password } = credentialsOf(who);
  const context = await browser.newContext(contextDefaults);
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await submitLogin(page, { email, password });
    try {
      await page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 });
    } catch {
      throw new Error(`Signing in as ${email} did not leave /login (wrong password, disabled or rate-limited account?)`);
    }
    if (new URL(page.url()).pathname === '/login/two-step') {
      const secret = demoTotpSecret(email);
      if (!secret) throw new Error(`${email} is asked for a two-step code, and it is not a demo account with a known secret`);
      await passSecondStep(page, secret);
    }
    if (typeof who === 'string') {
      await expect(page, `${who} lands on ${personas[who].home}`).toHaveURL((url) => url.pathname === personas[who].home);
    }
    return page;
  } catch (err) {
    await context.close();
    throw err;
  }
}

/**
 * Whether the context's session is still good: "/" sends a signed-in viewer on to their
 * home page and anyone else to /login, without rendering a case list.
 */
async function sessionAlive(context: BrowserContext): Promise<boolean> {
  // A keep-alive socket the server has just closed answers ECONNRESET: that says nothing
  // about the session, so ask again on a new connection before concluding anything.
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await context.request.get('/', { maxRedirects: 0 });
      if (res.status() >= 300 && res.status() < 400) {
        return new URL(res.headers().location ?? '/login', res.url()).pathname !== '/login';
      }
      return res.ok();
    } catch (err) {
      if (attempt >= 3 || !/ECONNRESET|socket hang up|EPIPE/.test(String(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** Per worker: the storage state of one signed-in session per role, made on first use. */
class PersonaSessions {
  private readonly states = new Map<Role, Promise<StorageState>>();
  constructor(private readonly browser: Browser) {}

  state(role: Role): Promise<StorageState> {
    let state = this.states.get(role);
    if (!state) {
      state = signIn(this.browser, role).then(async (page) => {
        const saved = await page.context().storageState();
        await page.context().close();
        return saved;
      });
      // A failed sign-in is not cached: the next test tries again.
      const pending = state;
      pending.catch(() => {
        if (this.states.get(role) === pending) this.states.delete(role);
      });
      this.states.set(role, pending);
    }
    return state;
  }

  forget(role: Role): void {
    this.states.delete(role);
  }
}

type PersonaPages = Record<Role, Page>;
type Fixtures = PersonaPages & {
  /** A page in a new context with no session. */
  anonymous: Page;
  /** A fresh, separate sign-in (own server session), closed after the test. */
  freshSession: (who: Role | Credentials) => Promise<Page>;
};
type WorkerFixtures = { personaSessions: PersonaSessions };
const PERSONA_SETUP_MS = 90_000;

function persona(role: Role) {
  return async (
    { browser, personaSessions }: { browser: Browser; personaSessions: PersonaSessions },
    provide: (page: Page) => Promise<void>,
  ) => {
    const open = async () => browser.newContext({ ...contextDefaults, storageState: await personaSessions.state(role) });
    let context = await open();
    // Another worker's test may have ended every session of this account (e.g. by
    // deactivating it): start from a working one.
    if (!(await sessionAlive(context))) {
      await context.close();
      personaSessions.forget(role);
      context = await open();
    }
    await provide(await context.newPage());
    const alive = await sessionAlive(context).catch(() => false);
    await context.close();
    if (!alive) {
      personaSessions.forget(role);
      throw new Error(
        `The shared ${role} session was ended during this test. A test that signs out, or disables or ` +
          `changes a demo account, must use its own session (await freshSession('${role}')) or its own user; ` +
          `with two workers, a test in the other worker may have done it.`,
      );
    }
  };
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  personaSessions: [async ({ browser }, provide) => provide(new PersonaSessions(browser)), { scope: 'worker' }],
  // A first sign-in per worker may wait up to one TOTP period (the other worker just used the
  // code): its own timeout, not the test's.
  investigator: [persona('investigator'), { timeout: PERSONA_SETUP_MS }],
  manager: [persona('manager'), { timeout: PERSONA_SETUP_MS }],
  liaison: [persona('liaison'), { timeout: PERSONA_SETUP_MS }],
  admin: [persona('admin'), { timeout: PERSONA_SETUP_MS }],
  anonymous: async ({ browser }, provide) => {
    const context = await browser.newContext(contextDefaults);
    await provide(await context.newPage());
    await context.close();
  },
  freshSession: async ({ browser }, provide) => {
    const pages: Page[] = [];
    await provide(async (who) => {
      const page = await signIn(browser, who);
      pages.push(page);
      return page;
    });
    await Promise.all(pages.map((page) => page.context().close()));
  },
});

export { expect };
