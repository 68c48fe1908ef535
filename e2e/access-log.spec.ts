import { parse } from 'csv-parse/sync';
import { test, expect } from './fixtures';
import { openCase } from './open-case';

test('[manager] sees the investigator\'s view of a case in its access log, with time and role; the CSV holds the same rows', async ({ investigator, manager }) => {
  // A case of this test's own, so no other spec's views land in its log meanwhile.
  const { url, reference } = await openCase(investigator, { title: `E2E access log ${Date.now()}` });
  const caseId = url.split('/').pop()!;
  const viewedFrom = Date.now();
  await investigator.goto(url);
  await expect(investigator.getByText(reference)).toBeVisible();
  // Investigators have no access log: no link, and a 403.
  await expect(investigator.getByRole('link', { name: 'Who accessed this record' })).toHaveCount(0);
  expect((await investigator.goto(`${url}/access`))?.status()).toBe(403);

  await manager.goto(url);
  await manager.getByRole('link', { name: 'Who accessed this record' }).click();
  await expect(manager).toHaveURL(`${url}/access`);
  await expect(manager.getByRole('heading', { level: 1 })).toContainText(reference);

  const rows = manager.getByTestId('audit-row');
  const investigatorView = rows.filter({ hasText: 'Keo Sophea' }).filter({ hasText: 'case.view' }).first();
  await expect(investigatorView).toContainText('Investigator');
  await expect(investigatorView).toContainText('Allowed');
  const at = Date.parse((await investigatorView.locator('time').getAttribute('datetime'))!);
  expect(at).toBeGreaterThanOrEqual(viewedFrom - 5_000);
  expect(at).toBeLessThanOrEqual(Date.now() + 5_000);
  // The manager's own look at the log is the newest row.
  await expect(rows.first()).toContainText('case.access_log');
  await expect(rows.first()).toContainText('Manager');

  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
  // Through the page's own export link, fetched by the browser (as a click would).
  const href = await manager.getByTestId('access-export').getAttribute('href');
  expect(href).toBe(`/admin/audit/csv?record=${caseId}`);
  const res = await manager.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, cacheControl: r.headers.get('cache-control'), type: r.headers.get('content-type'), text: await r.text() };
  }, href!);
  expect(res.status).toBe(200);
  expect(res.cacheControl).toContain('no-store');
  expect(res.type).toContain('text/csv');
  const records = parse(res.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  expect(records.map((r) => r.id)).toEqual(shown);
  expect(records.some((r) => r['person'] === 'Keo Sophea' && r.role === 'investigator' && r.action === 'case.view')).toBe(true);
});

test('[manager] filters the audit trail by record and outcome; bad filters get a message beside the field', async ({ manager }) => {
  await manager.goto('/admin/audit?record=bad%20value&from=2021-13-40');
  await expect(manager.getByText('Enter a case reference (CPU-2021-0001) or a record id.')).toBeVisible();
  await expect(manager.getByLabel('Record')).toHaveValue('bad value');
  await expect(manager.getByTestId('audit-rows')).toHaveCount(0);

  await manager.goto('/admin/audit');
  await manager.getByLabel('Outcome').selectOption({ label: 'Denied' });
  await manager.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(manager).toHaveURL(/outcome=denied/);
  const outcomes = await manager.getByTestId('audit-row').locator('td:nth-child(5)').allInnerTexts();
  expect(outcomes.every((o) => o === 'Denied')).toBe(true);
});
