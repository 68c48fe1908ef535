import { chromium } from '@playwright/test';
const [base, email, ...paths] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email!);
  await page.getByLabel('Password', { exact: true }).fill('child-safe-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
  for (const [i, p] of paths.entries()) {
    if (p.startsWith('click:')) { await page.locator(p.slice(6)).first().click(); await page.waitForLoadState('networkidle'); }
    else { const r = await page.goto(`${base}${p}`); console.log(p, r?.status()); }
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${email!.split('@')[0]}-${i}.png`, fullPage: true });
  }
  await browser.close();
})();
