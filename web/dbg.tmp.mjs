import { chromium } from 'playwright-core';
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.setDefaultTimeout(8000);
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
await page.goto(url + '/login');
await page.locator('input[name="email"]').fill('admin@loom.test');
await page.locator('input[name="password"]').fill('admin-password-1');
await page.getByTestId('login-submit').click();
await page.waitForURL((u) => u.pathname === '/');
const ids = await page.evaluate(async () => {
  const h = { Authorization: 'Bearer ' + localStorage.getItem('loom.token'), 'Content-Type': 'application/json' };
  const post = async (o, b) => { const r = await fetch('/api/records/' + o, { method: 'POST', headers: h, body: JSON.stringify(b) }); return [r.status, await r.json()]; };
  const [s1, acc] = await post('account', { name: 'Acme Ltd', account_type: 'customer', level: 'key_account', industry: 'retail' });
  const [s2, opp] = await post('opportunity', { name: 'Big deal', account: acc.id, amount: 120000, stage: 'proposal', close_date: '2026-12-31' });
  return { s1, s2, acc, opp, err: s2 === 201 ? null : opp };
});
console.log(JSON.stringify(ids.err ?? ids.opp));
for (const path of ['/o/opportunity', '/o/account', `/o/opportunity/${ids.opp.id}`, `/o/account/${ids.acc.id}`, '/o/opportunity/new']) {
  await page.goto(url + path);
  await page.waitForTimeout(1500);
  const name = path.replace(/[^a-z]+/g, '-');
  await page.screenshot({ path: `/tmp/loom/crm${name}.png`, fullPage: true });
  console.log(path, await page.locator('[data-testid="list-problem"], [data-testid="save-problem"]').count());
}
await browser.close();
