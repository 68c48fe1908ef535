import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { demoFacts } from './demo-facts';
import { BASE_URL } from './settings';
import { MATRIX, entryKey, type MatrixEntry, type Outcome, type Persona } from '../lib/authz-matrix';

/**
 * Every page and route handler of lib/authz-matrix.ts, GET once per persona over HTTP, with
 * the status compared to the matrix. Reads only (GETs): runs in the parallel project.
 *
 * REST API entries (kind 'api') take a bearer token and never a cookie: here each persona's
 * signed-in browser calls every API method with its cookie alone, and every one must answer
 * 401 (the public OpenAPI document aside), which also shows the proxy lets /api/v1 through to
 * the handler. Their outcomes with each persona's own token are checked in app/api/v1/api.test.ts
 * against the real route handlers.
 *
 * Not covered here: 'deactivated' (needs an account deactivated mid-session, which ends
 * sessions and belongs in the account-changes project; its effect, getViewer() returning
 * null, is covered by e2e/deactivation.exclusive.spec.ts, and its data-layer checks by
 * db/queries/authz-matrix.test.ts). Server actions are covered at the data layer.
 */

const YEAR = 2021;
const TOKEN = 'A'.repeat(43);
const ANY_ID = '00000000-0000-4000-8000-000000000000';

/** The concrete URL for an entry, for the case that persona's cell is about. */
function urlFor(entry: MatrixEntry, caseId: string): string {
  const route = entry.file
    .replace(/^app\//, '')
    .replace(/\((app|auth)\)\//, '')
    .replace(/\/?(page\.tsx|route\.ts)$/, '');
  const special: Record<string, string> = {
    'dashboard/csv': `/dashboard/csv?table=provinces&year=${YEAR}`,
    'reports/go': `/reports/go?year=${YEAR}`,
    'api/auth/[...nextauth]': '/api/auth/session',
  };
  if (special[route]) return special[route];
  return `/${route}`.replace('[id]', caseId).replace('[year]', String(YEAR)).replace('[token]', TOKEN)
    .replace(/\[(suspectId|victimId|prosecutionId)\]/, ANY_ID);
}

/** An API method with a browser's cookie and no token: 401, unless it needs no token at all. */
function cookieOnlyExpectation(entry: MatrixEntry): Outcome {
  return entry.expect.anonymous === 'allow' ? 'allow' : 'unauthorized';
}

async function outcomeOf(page: Page, url: string, method = 'GET'): Promise<Outcome | string> {
  // A POST-only handler (the import upload) gets a same-origin POST with an empty body: it writes nothing.
  const res = method === 'POST' && !url.startsWith('/api/v1/')
    ? await page.request.post(url, { maxRedirects: 0, headers: { Origin: new URL(BASE_URL).origin }, data: '' })
    : await page.request.fetch(url, { method, maxRedirects: 0 });
  const status = res.status();
  if (status >= 300 && status < 400) {
    const target = new URL(res.headers().location ?? '/', res.url()).pathname;
    return target === '/login' ? 'login' : 'redirect';
  }
  if (status >= 200 && status < 300) return 'allow';
  return ({ 401: 'unauthorized', 403: 'forbidden', 404: 'notFound' } as Record<number, Outcome>)[status] ?? `status ${status}`;
}

const httpEntries = MATRIX.filter((e) => e.kind !== 'action');

/**
 * The demo seeds no annual report, and this spec must not write one (it runs in parallel with
 * report.spec.ts). The download handlers check the viewer and reports:read before looking for
 * the report, so for them a 404 means "let through, nothing to download": it counts as allow.
 */
const ALLOWED_BUT_EMPTY = new Set(['app/(app)/reports/[year]/pdf/route.ts', 'app/(app)/reports/[year]/xlsx/route.ts']);

/** Runs every page/route for one persona; collects every mismatch so one run shows them all. */
async function check(page: Page, persona: Persona, caseId: string) {
  const mismatches: string[] = [];
  for (const entry of httpEntries) {
    const url = urlFor(entry, caseId);
    const method = entry.kind === 'api' ? entry.name! : (entry.method ?? 'GET');
    const expected = entry.kind === 'api' ? cookieOnlyExpectation(entry) : entry.expect[persona];
    let got = await outcomeOf(page, url, method);
    if (got === 'notFound' && expected === 'allow' && ALLOWED_BUT_EMPTY.has(entryKey(entry))) got = 'allow';
    if (got !== expected) mismatches.push(`${entryKey(entry)} ${method} ${url}: expected ${expected}, got ${got}`);
  }
  expect(mismatches, `${persona}: pages and routes that differ from lib/authz-matrix.ts`).toEqual([]);
}

const anyCase = demoFacts.caseSharedWithLiaison.id;

test.describe('authorization matrix: pages and route handlers', () => {
  // Some 60 requests per persona (every page, route and API method): more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 120_000 });
  test('[anonymous]', async ({ anonymous }) => check(anonymous, 'anonymous', anyCase));
  test('[investigator] member of the case', async ({ investigator }) => check(investigator, 'investigatorMember', demoFacts.caseOfInvestigator.id));
  test('[investigator] not a member of the case', async ({ investigator }) => check(investigator, 'investigatorNotMember', demoFacts.caseOutsideInvestigator.id));
  test('[manager]', async ({ manager }) => check(manager, 'manager', anyCase));
  test('[liaison] case shared', async ({ liaison }) => check(liaison, 'liaisonShared', demoFacts.caseSharedWithLiaison.id));
  test('[liaison] case not shared', async ({ liaison }) => check(liaison, 'liaisonNotShared', demoFacts.caseNotSharedWithLiaison.id));
  test('[admin]', async ({ admin }) => check(admin, 'admin', anyCase));
});
