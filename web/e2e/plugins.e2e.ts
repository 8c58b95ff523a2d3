// Browser end-to-end test of plugins' web side: with loyalty and complaints enabled, the contact page
// shows the loyalty panel (balance, tier, history) and the dashboards show the complaints widget;
// after loyalty is disabled, a reload leaves no trace of its panel, and its objects leave the sidebar
// (their records stay reachable) until it is enabled again. Screenshots land in web/test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import { e2eServer } from './e2e-server';
import { apiText, signIn } from './session';
import type { E2eServer } from './e2e-server';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let contactId = '';

/** Calls the API as the signed-in user (set-up steps that need no UI); throws on a failed answer. */
async function api<T = any>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await apiText(page, path, init);
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${res.body}`);
  return (res.body ? JSON.parse(res.body) : null) as T;
}

beforeAll(async () => {
  server = await e2eServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await signIn(page, server.url, server.adminEmail, server.adminPassword);

  for (const name of ['loyalty', 'complaints']) {
    await api(`/api/plugins/${name}/install`, { method: 'POST', body: {} });
    await api(`/api/plugins/${name}/enable`, { method: 'POST', body: {} });
  }
  contactId = (await api<{ id: string }>('/api/records/contact', { method: 'POST', body: { name: 'Li Wei' } })).id;
  // a paid order earns 1,500 points (after its update commits), then a manual correction takes 200
  const order = await api<{ id: string }>('/api/records/sales_order', { method: 'POST', body: { customer: contactId, amount: 1500, status: 'draft' } });
  await api(`/api/records/sales_order/${order.id}`, { method: 'PATCH', body: { status: 'paid', paid_at: new Date().toISOString() } });
  let account = await api<{ id: string; balance: number }>(`/api/plugins/loyalty/members/${contactId}`);
  for (let i = 0; i < 50 && account.balance !== 1500; i++) {
    await new Promise((r) => setTimeout(r, 100));
    account = await api(`/api/plugins/loyalty/members/${contactId}`);
  }
  await api('/api/plugins/loyalty/adjust', { method: 'POST', body: { account: account.id, points: -200, reason: 'Correction' } });

  const complaint = (body: object) => api<{ id: string }>('/api/records/complaint', { method: 'POST', body });
  await complaint({ subject: 'Broken kettle', type: 'quality', severity: 'high' });
  await complaint({ subject: 'Late parcel', type: 'delivery', severity: 'medium', sla_due_at: new Date(Date.now() - 3_600_000).toISOString() });
  const solved = await complaint({ subject: 'Wrong invoice', type: 'billing', severity: 'low' });
  await api(`/api/records/complaint/${solved.id}`, { method: 'PATCH', body: { status: 'processing' } });
  await api(`/api/records/complaint/${solved.id}`, { method: 'PATCH', body: { status: 'resolved', resolution: 'Invoice corrected' } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('plugins in the UI', () => {
  it('shows the loyalty panel on a contact: balance, tier and history', async () => {
    // plugins load when the app starts: a fresh page load after enabling them
    await page.goto(`${server.url}/o/contact/${contactId}`);
    const tab = page.locator('#tab-plugin-loyalty-points');
    expect(await tab.textContent()).toBe('Loyalty points');
    await tab.click();
    const panel = page.getByTestId('plugin-panel-loyalty-points');
    await panel.locator('[data-testid="loyalty-panel"][data-state="ok"]').waitFor();
    expect(await panel.getByTestId('loyalty-balance').textContent()).toBe('1,300');
    expect(await panel.getByTestId('loyalty-tier').textContent()).toBe('Silver');
    const rows = panel.getByTestId('loyalty-history').locator('.el-table__body tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('Correction'), expect.stringMatching(/Order .* paid/)]);
    expect(await rows.first().textContent()).toContain('-200');
    expect(await rows.last().textContent()).toContain('+1,500');
    expect(await panel.getByTestId('loyalty-next').textContent()).toBe('3,500 more points to Gold');
    await screenshot(page, 'plugins-loyalty-panel');
  });

  it('labels the panel in Chinese when the UI is in Chinese', async () => {
    await page.evaluate(() => localStorage.setItem('loom.locale', 'zh-CN'));
    await page.reload();
    const tab = page.locator('#tab-plugin-loyalty-points');
    expect(await tab.textContent()).toBe('会员积分');
    await tab.click();
    const panel = page.getByTestId('plugin-panel-loyalty-points');
    await panel.getByTestId('loyalty-balance').waitFor();
    expect(await panel.textContent()).toContain('积分余额');
    expect(await panel.getByTestId('loyalty-tier').textContent()).toBe('银卡');
    await screenshot(page, 'plugins-loyalty-panel-zh');
    await page.evaluate(() => localStorage.setItem('loom.locale', 'en'));
  });

  it('shows the complaints widget on the dashboards: totals, SLA breaches, resolution time and two charts', async () => {
    await page.goto(`${server.url}/dashboards`);
    const widget = page.getByTestId('plugin-widget-complaints-summary');
    await widget.locator('[data-testid="complaints-widget"][data-state="ok"]').waitFor();
    expect(await widget.getByTestId('complaints-total').textContent()).toBe('3');
    expect(await widget.getByTestId('complaints-breaches').textContent()).toBe('1');
    expect(await widget.getByTestId('complaints-resolution').textContent()).toMatch(/^\d+ min$/);
    // ECharts drew both charts on canvas
    await widget.locator('[data-testid="complaints-by-type"] canvas').waitFor();
    await widget.locator('[data-testid="complaints-by-severity"] canvas').waitFor();
    await widget.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500); // the charts' entry animation
    await screenshot(page, 'plugins-complaints-widget');
  });

  it('after loyalty is disabled, a reload shows the contact without its panel (the complaints widget stays)', async () => {
    await api('/api/plugins/loyalty/disable', { method: 'POST', body: {} });
    await page.goto(`${server.url}/o/contact/${contactId}`);
    await page.getByTestId('record-title').getByText('Li Wei').waitFor();
    await page.locator('#tab-history').waitFor();
    expect(await page.locator('#tab-plugin-loyalty-points').count()).toBe(0);
    expect(await page.getByTestId('plugin-panel-loyalty-points').count()).toBe(0);
    await screenshot(page, 'plugins-loyalty-disabled');
    await page.goto(`${server.url}/dashboards`);
    await page.getByTestId('plugin-widget-complaints-summary').waitFor();
  });

  it("a disabled plugin's objects leave the sidebar, its records stay reachable; enabling it brings them back", async () => {
    // still disabled from the test above
    await page.goto(`${server.url}/admin/plugins`);
    const nav = page.getByTestId('nav-menu');
    await page.getByTestId('plugin-state-loyalty').getByText('Disabled').waitFor();
    await nav.getByTestId('nav-object-complaint').waitFor(); // another plugin's objects stay
    expect(await nav.getByTestId('nav-object-loyalty_account').count()).toBe(0);
    expect(await nav.getByText('Loyalty accounts').count()).toBe(0);
    expect(await nav.getByTestId('nav-object-contact').count()).toBe(1); // a base object loyalty only asks access to
    expect((await api<{ data: unknown[] }>('/api/records/loyalty_account')).data).toHaveLength(1);
    await screenshot(page, 'plugins-disabled-nav');

    await page.getByTestId('plugin-enable-loyalty').click(); // enable asks no confirmation
    await page.getByTestId('plugin-state-loyalty').getByText('Enabled').waitFor();
    await nav.getByTestId('nav-object-loyalty_account').waitFor(); // without a reload
    expect(await nav.getByTestId('nav-object-loyalty_account').textContent()).toContain('Loyalty accounts');
    await screenshot(page, 'plugins-enabled-nav');
  });
});
