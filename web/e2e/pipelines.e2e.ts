// Browser end-to-end test of the sales board, the approval inbox and the dashboards: a rep moves an
// opportunity through the stages (required fields, then a discount gate), their manager approves it from
// the inbox, and the dashboards draw the results. Real server, Debian Chromium; screenshots in
// web/test-results/ (1366×768 and a 390-px phone). Run: npm run test:e2e -w web (needs web/dist, server/dist).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import { e2eServer } from './e2e-server';
import { apiJson, signIn } from './session';
import type { E2eServer } from './e2e-server';

const stamp = Date.now();
const MANAGER = { email: `manager.${stamp}@loom.test`, password: 'manager-pass-1', name: 'Mia Manager' };
const REP = { email: `rep.${stamp}@loom.test`, password: 'rep-password-1', name: 'Ray Rep' };
const DEAL = `Globex expansion ${stamp}`;

let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let admin: Page;
let rep: Page;
let accountId = '';
let dealId = '';

async function signedIn(email: string, password: string, viewport = { width: 1366, height: 768 }, locale = 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  // A step that cannot happen fails in seconds, naming the locator, rather than at the test timeout.
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.url, email, password, locale);
  return page;
}

/** Calls the API as the user signed in on `page` (set-up steps that need no UI). */
async function api<T = Record<string, unknown>>(page: Page, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  return apiJson<T>(page, path, init);
}

async function created(page: Page, path: string, body: unknown): Promise<string> {
  const answer = await api<{ id: string }>(page, path, { method: 'POST', body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

const column = (page: Page, stage: string) => page.getByTestId(`column-${stage}`);
const card = (page: Page, stage: string, title = DEAL): Locator => column(page, stage).getByTestId('board-card').filter({ hasText: title });

beforeAll(async () => {
  server = await e2eServer();
  browser = await launchChromium();
  admin = await signedIn(server.adminEmail, server.adminPassword);
  const manager = await created(admin, '/api/users', { ...MANAGER, roles: ['sales_manager'] });
  await created(admin, '/api/users', { ...REP, roles: ['sales_rep'], manager });
  accountId = await created(admin, '/api/records/account', { name: `Globex ${stamp}` });
  rep = await signedIn(REP.email, REP.password);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('the sales board', () => {
  it('shows an opportunity created through the API in its stage, with its amount and owner', async () => {
    // The discount is set on create: changing it later would start the approval by automation (big_discount_approval).
    dealId = await created(rep, '/api/records/opportunity', { name: DEAL, account: accountId, amount: 84000, discount: 25 });
    await rep.getByTestId('nav-pipeline-sales').click();
    await rep.waitForURL(/\/pipelines\/sales$/);
    const lead = card(rep, 'lead');
    await lead.waitFor();
    expect(await lead.getByTestId('card-amount').textContent()).toBe('84,000.00');
    expect(await lead.getByTestId('card-owner').textContent()).toContain(REP.name);
    expect(await column(rep, 'lead').getByTestId('column-sum').textContent()).toBe('84,000.00');
    await screenshot(rep, 'board');
  });

  it('asks for the fields Proposal requires when the card is dropped there, then moves it', async () => {
    await card(rep, 'lead').dragTo(column(rep, 'proposal'));
    const dialog = rep.getByTestId('stage-fields-dialog');
    await dialog.getByTestId('stage-field-close_date').waitFor();
    expect(await dialog.textContent()).toContain(`To move “${DEAL}” to Proposal, fill in these fields.`);
    // The card waits in its new column while the dialog is open.
    await card(rep, 'proposal').waitFor();
    await screenshot(rep, 'board-required-fields');

    const date = dialog.getByTestId('stage-field-close_date').locator('input');
    await date.fill('2027-01-15');
    await date.press('Enter');
    await rep.getByTestId('stage-fields-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await card(rep, 'proposal').waitFor();
    const record = await api<{ stage: string; close_date: string }>(rep, `/api/records/opportunity/${dealId}`);
    expect(record.body).toMatchObject({ stage: 'proposal', close_date: '2027-01-15' });
    expect(await column(rep, 'proposal').getByTestId('column-count').textContent()).toBe('1');
  });

  it('moves with the card’s menu too, and puts the card back when the dialog is cancelled', async () => {
    // Lost is off screen at 1366 px: the menu reaches it without dragging across a scrolling board.
    await card(rep, 'proposal').getByTestId('card-menu').click();
    await rep.locator('.el-dropdown-menu:visible').getByTestId('move-to-lost').click();
    const dialog = rep.getByTestId('stage-fields-dialog');
    await dialog.getByTestId('stage-field-loss_reason').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await card(rep, 'proposal').waitFor();
    expect(await card(rep, 'lost').count()).toBe(0);
  });

  it('offers to submit the move to Negotiation for approval when the discount is over 20 %', async () => {
    await card(rep, 'proposal').dragTo(column(rep, 'negotiation'));
    const gate = rep.getByTestId('approval-gate-dialog');
    await gate.waitFor();
    expect(await gate.textContent()).toContain('needs the approval “Large discount approval”');
    await gate.getByTestId('gate-comment').fill('Multi-year deal, 25 % discount agreed with procurement');
    await screenshot(rep, 'board-approval-gate');
    await rep.getByTestId('gate-submit').click();
    await gate.waitFor({ state: 'hidden' });

    // Until it is approved the card stays in Proposal, marked as awaiting approval.
    await card(rep, 'proposal').getByTestId('card-awaiting').waitFor();
    const submitted = await api<{ data: Array<{ recordId: string; status: string; targetStage: string }> }>(rep, '/api/approvals?box=submitted&status=pending');
    expect(submitted.body.data).toEqual([expect.objectContaining({ recordId: dealId, status: 'pending', targetStage: 'negotiation' })]);
    await screenshot(rep, 'board-awaiting-approval');
  });

  it('shows the rep’s request under "Submitted by me", where they could recall it', async () => {
    await rep.getByTestId('nav-approvals').click();
    await rep.waitForURL(/\/approvals/);
    await rep.getByTestId('approvals-tab-submitted').click();
    const row = rep.getByTestId('approvals-table').locator('.el-table__row', { hasText: DEAL });
    await row.waitFor();
    await row.getByTestId('recall').waitFor();
    expect(await row.getByTestId('approve').count()).toBe(0);
    await screenshot(rep, 'approvals-submitted');
  });
});

describe('the approval inbox', () => {
  let manager: Page;

  it('shows the manager a badge and the request as a card on a phone', async () => {
    const phone = await signedIn(MANAGER.email, MANAGER.password, { width: 390, height: 844 });
    await phone.goto(`${server.url}/approvals`);
    const item = phone.getByTestId('approvals-cards').locator('.approval-card', { hasText: DEAL });
    await item.waitFor();
    expect(await item.textContent()).toContain('Large discount approval · Manager');
    await item.getByTestId('approve').waitFor();
    await screenshot(phone, 'phone-approvals');
    await phone.getByTestId('sidebar-toggle').click();
    expect(await phone.getByTestId('nav-drawer').getByTestId('nav-approvals-badge').textContent()).toBe('1');
    await screenshot(phone, 'phone-nav-badge');
  });

  it('opens the request in a drawer with its steps, approvers, activity and record', async () => {
    manager = await signedIn(MANAGER.email, MANAGER.password);
    expect(await manager.getByTestId('nav-approvals-badge').textContent()).toBe('1');
    await manager.getByTestId('nav-approvals').click();
    const row = manager.getByTestId('approvals-table').locator('.el-table__row', { hasText: DEAL });
    await row.waitFor();
    await screenshot(manager, 'approvals-inbox');

    await row.locator('td').first().click();
    const drawer = manager.getByTestId('approval-drawer');
    await drawer.getByTestId('approval-timeline').getByText('Multi-year deal').waitFor();
    expect(await drawer.getByTestId('approval-steps').textContent()).toMatch(/Manager\s*In progress/);
    expect(await drawer.getByTestId('approval-tasks').textContent()).toContain(MANAGER.name);
    expect(await drawer.getByTestId('approval-record').textContent()).toContain('25%');
    await screenshot(manager, 'approvals-drawer');
    await manager.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('approves with one click, and the record enters Negotiation', async () => {
    const row = manager.getByTestId('approvals-table').locator('.el-table__row', { hasText: DEAL });
    await row.getByTestId('approve').click();
    await row.waitFor({ state: 'detached' });
    await manager.getByTestId('nav-approvals-badge').waitFor({ state: 'detached' });

    const record = await api<{ stage: string; approval_status: string }>(rep, `/api/records/opportunity/${dealId}`);
    expect(record.body).toMatchObject({ stage: 'negotiation', approval_status: 'approved' });
    await rep.goto(`${server.url}/pipelines/sales`);
    await card(rep, 'negotiation').waitFor();
    expect(await card(rep, 'negotiation').getByTestId('card-awaiting').count()).toBe(0);
    await screenshot(rep, 'board-after-approval');
  });

  it('asks for a comment before rejecting', async () => {
    const other = await created(rep, '/api/records/opportunity', { name: `Initech ${stamp}`, account: accountId, amount: 12000, discount: 30 });
    expect((await api(rep, '/api/approvals', { method: 'POST', body: { object: 'opportunity', recordId: other, comment: 'Pilot' } })).status).toBe(201);
    await manager.getByTestId('approvals-refresh').click();
    const row = manager.getByTestId('approvals-table').locator('.el-table__row', { hasText: `Initech ${stamp}` });
    await row.waitFor();
    await row.getByTestId('reject').click();
    const dialog = manager.getByTestId('approval-comment-dialog');
    await manager.getByTestId('approval-comment-submit').click();
    await dialog.locator('.el-form-item.is-error').waitFor();
    await dialog.getByTestId('approval-comment').fill('Discount not justified for a pilot');
    await screenshot(manager, 'approvals-reject-comment');
    await manager.getByTestId('approval-comment-submit').click();
    await row.waitFor({ state: 'detached' });
    const answer = await api<{ data: Array<{ status: string }> }>(rep, '/api/approvals?box=submitted&status=rejected');
    expect(answer.body.data.length).toBe(1);
  });
});

describe('dashboards', () => {
  it('draws the funnel, forecast, RFM segments, customer engagement and team performance', async () => {
    // A won deal this month (performance) and a paid order (RFM) besides the rep's deals.
    const won = await created(admin, '/api/records/opportunity', { name: `Won deal ${stamp}`, account: accountId, amount: 50000, close_date: '2027-02-01' });
    expect((await api(admin, `/api/records/opportunity/${won}`, { method: 'PATCH', body: { stage: 'won' } })).status).toBe(200);
    const contact = await created(admin, '/api/records/contact', { name: `Lin ${stamp}`, account: accountId });
    const today = new Date().toISOString().slice(0, 10);
    await created(admin, '/api/records/sales_order', { customer: contact, amount: 3200, status: 'paid', order_date: today, paid_at: `${today}T08:00:00Z` });
    // Four activities with the contact this week: engaged (behaviour segments).
    for (const type of ['call', 'call', 'meeting', 'email']) {
      await created(admin, '/api/records/activity', { subject: `${type} with Lin`, type, status: 'done', contact, starts_at: `${today}T09:00:00Z` });
    }

    await admin.getByTestId('nav-dashboards').click();
    await admin.waitForURL(/\/dashboards$/);
    for (const report of ['funnel', 'forecast', 'rfm', 'behaviour', 'performance']) {
      const card = admin.getByTestId(`dash-${report}`);
      await card.locator('canvas').first().waitFor();
      expect(await card.getAttribute('data-state'), report).toBe('ok');
    }
    expect(await admin.getByTestId('performance-table').textContent()).toContain('Administrator');
    expect(await admin.getByTestId('dash-behaviour').textContent()).toMatch(/[1-9]\d* customers? with activities/);
    await admin.waitForTimeout(800); // the charts' entry animation
    await screenshot(admin, 'dashboards');
    await admin.getByTestId('dash-behaviour').screenshot({ path: 'test-results/dashboards-behaviour.png' });
  });

  it('fits a phone, in Chinese', async () => {
    const phone = await signedIn(server.adminEmail, server.adminPassword, { width: 390, height: 844 }, 'zh-CN');
    await phone.goto(`${server.url}/dashboards`);
    await phone.getByTestId('dash-funnel').getByText('销售漏斗').waitFor();
    await phone.getByTestId('dash-performance').locator('canvas').first().waitFor();
    await phone.waitForTimeout(800);
    await screenshot(phone, 'phone-dashboards-zh');
  });
});

describe('on a 390-px phone', () => {
  it('shows the board one column at a time, and moves a card with its menu', async () => {
    const phone = await signedIn(REP.email, REP.password, { width: 390, height: 844 });
    const title = `Umbrella ${stamp}`;
    await created(phone, '/api/records/opportunity', { name: title, account: accountId, amount: 9000 });
    await phone.goto(`${server.url}/pipelines/sales`);
    await card(phone, 'lead', title).waitFor();
    await screenshot(phone, 'phone-board');
    await card(phone, 'lead', title).getByTestId('card-menu').click();
    await phone.locator('.el-dropdown-menu:visible').getByTestId('move-to-qualified').click();
    await card(phone, 'qualified', title).waitFor();
  });

  it('keeps the opportunity list and its form usable', async () => {
    const phone = await signedIn(REP.email, REP.password, { width: 390, height: 844 });
    await phone.goto(`${server.url}/o/opportunity`);
    await phone.getByTestId('record-link').first().waitFor();
    await screenshot(phone, 'phone-opportunity-list');
    await phone.goto(`${server.url}/o/opportunity/${dealId}`);
    await phone.getByTestId('field-name').locator('input').waitFor();
    await screenshot(phone, 'phone-opportunity-form');
  });
});
