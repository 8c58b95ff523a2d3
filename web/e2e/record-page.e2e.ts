// Browser end-to-end test of the record page: a layout condition shows and hides a field as the rep types
// (and the hidden value is not saved), the stage bar moves a deal with a required-field prompt and explains a
// gate, the approval panel submits the deal and the manager approves it there, the account's related lists show
// its children and create one prefilled, and the header search finds the deal. Real server, Debian Chromium;
// screenshots in web/test-results/record-*.png (1366×768 and a 390-px phone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import { e2eServer } from './e2e-server';
import { apiJson, signIn } from './session';
import type { E2eServer } from './e2e-server';

const stamp = Date.now();
const MANAGER = { email: `rp-manager.${stamp}@loom.test`, password: 'manager-pass-1', name: 'Mona Manager' };
const REP = { email: `rp-rep.${stamp}@loom.test`, password: 'rep-password-1', name: 'Rick Rep' };
const DEAL = `Hooli expansion ${stamp}`;
const ACCOUNT = `Hooli ${stamp}`;

let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let admin: Page;
let rep: Page;
let accountId = '';
let dealId = '';

async function signedIn(email: string, password: string, viewport = { width: 1366, height: 768 }, locale = 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.url, email, password, locale);
  return page;
}

async function api<T = Record<string, unknown>>(page: Page, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  return apiJson<T>(page, path, init);
}

async function created(page: Page, path: string, body: unknown): Promise<string> {
  const answer = await api<{ id: string }>(page, path, { method: 'POST', body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

const deal = async () => (await api<Record<string, unknown>>(rep, `/api/records/opportunity/${dealId}`)).body;

beforeAll(async () => {
  server = await e2eServer();
  browser = await launchChromium();
  admin = await signedIn(server.adminEmail, server.adminPassword);
  const team = await created(admin, '/api/teams', { name: `Record page team ${stamp}` });
  const manager = await created(admin, '/api/users', { ...MANAGER, roles: ['sales_manager'], team });
  await created(admin, '/api/users', { ...REP, roles: ['sales_rep'], manager, team });
  // The base layout, with "next step" shown only while the deal's name mentions a renewal.
  const layout = (await api<Record<string, unknown> & { sections: Array<{ name: string; fields: unknown[] }> }>(admin, '/api/metadata/layouts/opportunity_default')).body;
  const sections = layout.sections.map((s) => ({ ...s, fields: s.fields.map((f) => (f === 'next_step' ? { field: 'next_step', visibleWhen: { name: { $contains: 'renewal' } } } : f)) }));
  const put = await api(admin, '/api/metadata/layouts/opportunity_default', { method: 'PUT', body: { ...layout, sections } });
  expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
  rep = await signedIn(REP.email, REP.password);
  accountId = await created(rep, '/api/records/account', { name: ACCOUNT });
  dealId = await created(rep, '/api/records/opportunity', { name: DEAL, account: accountId, amount: 84000, discount: 25 });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('layout visibility conditions', () => {
  it('shows a field while its condition holds for what is typed, and does not save it once hidden', async () => {
    await rep.goto(`${server.url}/o/opportunity/${dealId}`);
    const name = rep.getByTestId('field-name').locator('input');
    await name.waitFor();
    expect(await rep.getByTestId('field-next_step').count()).toBe(0);
    await screenshot(rep, 'record-1-condition-hidden');

    await name.fill(`${DEAL} renewal`);
    await rep.getByTestId('field-next_step').waitFor();
    await rep.getByTestId('field-next_step').locator('input').fill('Call procurement');
    await screenshot(rep, 'record-2-condition-shown');

    await name.fill(DEAL);
    await rep.getByTestId('field-next_step').waitFor({ state: 'detached' });
    await name.fill(`${DEAL} (updated)`);
    await rep.getByTestId('record-save').click();
    await rep.getByTestId('record-title').getByText(`${DEAL} (updated)`).waitFor();
    expect(await deal()).toMatchObject({ name: `${DEAL} (updated)`, next_step: null });
    await name.fill(DEAL);
    await rep.getByTestId('record-save').click();
    await rep.getByTestId('record-title').getByText(DEAL, { exact: true }).waitFor();
  });
});

describe('the layout designer', () => {
  it('shows the field’s condition on its chip and the section’s as "always visible", editable', async () => {
    await admin.goto(`${server.url}/admin/layouts/opportunity_default`);
    const rule = admin.getByTestId('field-visible-when-next_step');
    await rule.waitFor();
    expect(await rule.textContent()).toContain('renewal');
    expect(await admin.getByTestId('field-visible-when-name').textContent()).not.toContain('renewal');
    const section = admin.locator('[data-testid="section-card"][data-section="deal"]');
    expect(await section.getByTestId('section-visible-when').textContent()).toContain('Always visible');
    await section.getByTestId('section-visible-when-edit').click();
    await admin.getByTestId('section-visible-when-save').waitFor();
    await screenshot(admin, 'record-0-designer-condition');
    await admin.keyboard.press('Escape');
  });
});

describe('the stage bar', () => {
  it('highlights the current stage and asks for the fields Proposal requires before moving there', async () => {
    const bar = rep.getByTestId('stage-bar');
    expect(await bar.getByTestId('stage-lead').getAttribute('data-state')).toBe('current');
    await bar.getByTestId('stage-proposal').click();
    const dialog = rep.getByTestId('stage-fields-dialog');
    await dialog.getByTestId('stage-field-close_date').waitFor();
    expect(await dialog.textContent()).toContain(`To move “${DEAL}” to Proposal, fill in these fields.`);
    await screenshot(rep, 'record-3-stage-required');
    const date = dialog.getByTestId('stage-field-close_date').locator('input');
    await date.fill('2027-03-31');
    await date.press('Enter');
    await rep.getByTestId('stage-fields-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await rep.locator('[data-testid="stage-proposal"][data-state="current"]').waitFor();
    expect(await bar.getByTestId('stage-lead').getAttribute('data-state')).toBe('done');
    expect(await deal()).toMatchObject({ stage: 'proposal', close_date: '2027-03-31' });
    await screenshot(rep, 'record-4-stage-moved');
  });

  it('explains the discount gate of Negotiation and offers to submit for approval', async () => {
    await rep.getByTestId('stage-negotiation').click();
    const gate = rep.getByTestId('approval-gate-dialog');
    await gate.waitFor();
    expect(await gate.textContent()).toContain('needs the approval “Large discount approval”');
    await gate.getByTestId('gate-submit').waitFor();
    await screenshot(rep, 'record-5-stage-gate');
    await gate.getByRole('button', { name: 'Cancel' }).click();
    await gate.waitFor({ state: 'hidden' });
    expect((await deal()).stage).toBe('proposal');
  });
});

describe('the approval panel', () => {
  it('submits the record with a comment, and shows it pending with the manager as approver', async () => {
    const panel = rep.getByTestId('approval-panel');
    await panel.getByTestId('approval-panel-empty').waitFor();
    await panel.getByTestId('approval-panel-submit').click();
    await rep.getByTestId('approval-comment').fill('25 % discount for a three-year term');
    await rep.getByTestId('approval-comment-submit').click();
    await panel.getByTestId('approval-panel-status').getByText('Pending').waitFor();
    expect(await panel.getByTestId('approval-panel-approvers').textContent()).toContain(MANAGER.name);
    expect(await panel.getByTestId('approval-panel-actions').textContent()).toContain('25 % discount for a three-year term');
    expect(await panel.getByTestId('approval-panel-approve').count()).toBe(0);
    await panel.getByTestId('approval-panel-recall').waitFor();
    await screenshot(rep, 'record-6-approval-pending');
  });

  it('lets the manager approve it from the record page, with a comment', async () => {
    const manager = await signedIn(MANAGER.email, MANAGER.password);
    await manager.goto(`${server.url}/o/opportunity/${dealId}`);
    const panel = manager.getByTestId('approval-panel');
    await panel.getByTestId('approval-panel-approve').click();
    await manager.getByTestId('approval-comment').fill('Fine for three years');
    await screenshot(manager, 'record-7-approval-comment');
    await manager.getByTestId('approval-comment-submit').click();
    await panel.getByTestId('approval-panel-status').getByText('Approved').waitFor();
    expect(await panel.getByTestId('approval-panel-actions').textContent()).toContain('Fine for three years');
    expect(await panel.getByTestId('approval-panel-approve').count()).toBe(0);
    expect((await deal()).approval_status).toBe('approved');
    // the inbox badge follows: nothing waits for the manager any more
    await manager.getByTestId('nav-approvals-badge').waitFor({ state: 'detached' });
    await screenshot(manager, 'record-8-approval-approved');
  });
});

describe('the timeline tab', () => {
  it('lists the stage move and the approval, newest first, with who and when', async () => {
    await rep.goto(`${server.url}/o/opportunity/${dealId}`);
    await rep.getByTestId('field-name').locator('input').waitFor();
    // lazy: nothing is asked for before the tab opens
    expect(await rep.getByTestId('record-timeline').count()).toBe(0);
    await rep.getByRole('tab', { name: 'Timeline' }).click();
    const timeline = rep.getByTestId('record-timeline');
    const stage = timeline.getByTestId('timeline-stage').first();
    await stage.waitFor();
    expect(await stage.textContent()).toContain('Stage changed');
    expect(await stage.textContent()).toContain('Lead → Proposal');
    expect(await stage.textContent()).toContain(`by ${REP.name}`);
    const approval = timeline.getByTestId('timeline-approval').first();
    expect(await approval.textContent()).toContain('Approval: Large discount approval');
    expect(await approval.textContent()).toContain('Status: Approved');
    // with the comment the manager approved it with
    expect(await approval.textContent()).toContain('“Fine for three years”');
    // the edits of the first test are history entries with the field label and both values
    expect(await timeline.getByTestId('timeline-history').allTextContents()).toContainEqual(expect.stringContaining(`Opportunity name: ${DEAL} (updated) → ${DEAL}`));
    // newest first: the approval (submitted after the move) comes before the stage change
    const kinds = await timeline.locator('[data-kind]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind')));
    expect(kinds.indexOf('approval')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('approval')).toBeLessThan(kinds.indexOf('stage'));
    // relative time shown, the exact instant on hover
    const when = stage.getByTestId('timeline-when');
    expect(await when.textContent()).toMatch(/now|second|minute/);
    expect(await when.getAttribute('title')).toMatch(/\d{4}/);
    await screenshot(rep, 'record-8b-timeline');
  });
});

describe('related lists', () => {
  it('lists the account’s deals and creates a contact with the account filled in', async () => {
    await rep.goto(`${server.url}/o/account/${accountId}`);
    await rep.getByRole('tab', { name: 'Related records' }).click();
    // no approval process is about accounts: no approval panel
    expect(await rep.getByTestId('approval-panel').count()).toBe(0);
    const deals = rep.getByTestId('related-opportunity.account');
    await deals.getByTestId('related-link').filter({ hasText: DEAL }).waitFor();
    await screenshot(rep, 'record-9-related');

    await rep.getByTestId('related-new-contact.account').click();
    await rep.waitForURL(/\/o\/contact\/new\?account=/);
    expect(await rep.getByTestId('field-account').textContent()).toContain(ACCOUNT);
    await rep.getByTestId('field-name').locator('input').fill(`Gavin ${stamp}`);
    await screenshot(rep, 'record-10-related-new-prefilled');
    await rep.getByTestId('record-save').click();
    await rep.waitForURL(/\/o\/contact\/[0-9a-f-]{36}$/);
    await rep.goto(`${server.url}/o/account/${accountId}`);
    await rep.getByRole('tab', { name: 'Related records' }).click();
    await rep.getByTestId('related-contact.account').getByTestId('related-link').filter({ hasText: `Gavin ${stamp}` }).waitFor();
  });
});

describe('global search', () => {
  it('finds the deal and its account from the header box, grouped by object, with "see all"', async () => {
    await rep.getByTestId('global-search').fill('Hooli');
    await rep.getByTestId('global-search').press('Enter');
    await rep.waitForURL(/\/search\?q=Hooli/);
    const deals = rep.getByTestId('search-group-opportunity');
    await deals.getByTestId('search-hit').filter({ hasText: DEAL }).waitFor();
    await rep.getByTestId('search-group-account').getByTestId('search-hit').filter({ hasText: ACCOUNT }).waitFor();
    expect(await rep.getByTestId('search-group-product').count()).toBe(0);
    await screenshot(rep, 'record-11-search');
    await deals.getByTestId('search-see-all').click();
    await rep.waitForURL(/\/o\/opportunity\?q=Hooli/);
  });
});

describe('on a 390-px phone', () => {
  it('fits the record page in Chinese: stage bar, form, approval panel and related lists stacked, nothing wider than the screen', async () => {
    const phone = await signedIn(REP.email, REP.password, { width: 390, height: 844 }, 'zh-CN');
    await phone.goto(`${server.url}/o/opportunity/${dealId}`);
    await phone.getByTestId('field-name').locator('input').waitFor();
    await phone.getByTestId('approval-panel-status').getByText('已通过').waitFor();
    expect(await phone.getByTestId('stage-bar').textContent()).toContain('方案报价');
    const width = () => phone.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(390);
    await screenshot(phone, 'record-12-phone');
    await phone.getByTestId('approval-panel').scrollIntoViewIfNeeded();
    await screenshot(phone, 'record-13-phone-approval');
    await phone.getByRole('tab', { name: '相关记录' }).click();
    await phone.getByTestId('related-lists').waitFor();
    expect(await width()).toBeLessThanOrEqual(390);
  });
});
