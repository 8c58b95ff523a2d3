// Browser end-to-end test of the metadata-driven screens: the objects designer (with its migration plan),
// an object's list (filter, sort) and its record form (validation, edit, history, delete and undo).
// Run: npm run test:e2e -w web (needs web/dist and server/dist); screenshots land in web/test-results/.
// (Element Plus puts a data-testid given to <el-input> on the <input> itself.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import { e2eServer } from './e2e-server';
import { apiText, signIn } from './session';
import type { E2eServer } from './e2e-server';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let recordUrl = '';

beforeAll(async () => {
  server = await e2eServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  // A step that cannot happen fails in seconds, naming the locator, rather than at the test timeout.
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  await signIn(page, server.url, server.adminEmail, server.adminPassword);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Picks an option of an Element Plus select from its (teleported) dropdown. */
async function choose(select: Locator, option: string | RegExp): Promise<void> {
  await select.locator('.el-select__wrapper').click();
  const item = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: option });
  await item.first().click();
}

/** Applies the plan shown in the plan dialog and waits for it to close. */
async function applyPlan(): Promise<void> {
  const dialog = page.getByTestId('plan-dialog');
  await page.getByTestId('plan-apply').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Calls the API as the signed-in user (for set-up steps that need no UI). */
function api(path: string, init: { method?: string; body?: unknown } = {}) {
  return apiText(page, path, init);
}

describe('objects designer', () => {
  it('creates the object demo_item after showing its migration plan', async () => {
    await page.getByTestId('nav-designer').click();
    await page.waitForURL(/\/admin\/objects$/);
    await page.getByTestId('objects-table').getByText('Account', { exact: true }).waitFor();

    await page.getByTestId('object-create').click();
    const dialog = page.getByTestId('object-dialog');
    await dialog.getByTestId('object-name').fill('demo_item');
    await dialog.getByTestId('object-label-en').fill('Demo item');
    await dialog.getByTestId('object-label-zh').fill('演示条目');
    await page.getByTestId('object-save').click();

    const plan = page.getByTestId('plan-dialog');
    await plan.getByTestId('plan-changes').waitFor();
    const classes = await plan.getByTestId('plan-class').allTextContents();
    expect(classes.map((text) => text.trim())).toEqual(expect.arrayContaining(['Safe']));
    expect(await plan.textContent()).toContain('createTable');
    await plan.locator('.el-collapse-item__header').first().click();
    await expect.poll(() => plan.getByTestId('plan-sql').first().textContent()).toContain('CREATE TABLE');
    await screenshot(page, 'designer-plan-create-object');
    await applyPlan();

    await page.waitForURL(/\/admin\/objects\/demo_item$/);
    await page.getByTestId('field-row-name').waitFor();
  });

  it('adds a text field and a select field with coloured options, each previewed first', async () => {
    await page.getByTestId('field-add').click();
    let dialog = page.getByTestId('field-dialog');
    await dialog.getByTestId('field-name-input').fill('summary');
    await dialog.getByTestId('field-label-en').fill('Summary');
    await dialog.getByTestId('field-label-zh').fill('摘要');
    await dialog.getByTestId('field-prop-maxLength').locator('input').fill('500');
    await page.getByTestId('field-save').click();
    await page.getByTestId('plan-dialog').getByText('addColumn').waitFor();
    expect(await page.getByTestId('plan-dialog').textContent()).toContain('summary');
    await applyPlan();
    await page.getByTestId('field-row-summary').waitFor();

    await page.getByTestId('field-add').click();
    dialog = page.getByTestId('field-dialog');
    await dialog.getByTestId('field-name-input').fill('status');
    await choose(dialog.getByTestId('field-type-select'), /^\s*select\s*$/);
    await dialog.getByTestId('field-label-en').fill('Status');
    await dialog.getByTestId('field-label-zh').fill('状态');
    await dialog.getByTestId('option-add').click();
    const rows = dialog.getByTestId('option-row');
    await rows.nth(1).waitFor();
    for (const [index, [en, zh]] of [['Open', '进行中'], ['Done', '已完成']].entries()) {
      const row = rows.nth(index);
      await row.locator('input').nth(1).fill(en!);
      await row.locator('input').nth(2).fill(zh!);
      await row.locator('input').nth(0).click();
      await row.locator('.el-color-picker__trigger').click();
      // The picker's preset colours: green for Open, blue for Done; then OK.
      const panel = page.locator('.el-color-picker__panel[aria-hidden="false"]');
      await panel.locator('.el-color-predefine__color-selector').nth(index === 0 ? 2 : 1).click();
      await panel.locator('.el-color-footer__btn').click();
      await expect.poll(() => page.locator('.el-color-picker__panel:visible').count()).toBe(0);
      await expect.poll(() => row.locator('input').nth(0).inputValue()).toBe(en!.toLowerCase());
    }
    await screenshot(page, 'designer-field-select');
    await page.getByTestId('field-save').click();
    await page.getByTestId('plan-dialog').getByText('addColumn').waitFor();
    await screenshot(page, 'designer-plan-add-field');
    await applyPlan();
    await page.getByTestId('field-row-status').waitFor();
    await screenshot(page, 'designer-object');
  });
});

describe('records of demo_item', () => {
  it('lists the new object in the navigation and opens its empty list', async () => {
    await page.getByTestId('nav-object-demo_item').click();
    await page.waitForURL(/\/o\/demo_item$/);
    expect(await page.getByTestId('list-title').textContent()).toBe('Demo item');
    await page.getByTestId('records-table').getByText('No records yet.').waitFor();
  });

  it('shows the API validation error under a required field', async () => {
    await page.getByTestId('record-new').click();
    await page.waitForURL(/\/o\/demo_item\/new$/);
    await page.getByTestId('field-summary').locator('input').fill('Needs a name first');
    await page.getByTestId('record-save').click();
    const error = page.getByTestId('field-name').locator('.el-form-item__error');
    await error.waitFor();
    expect(await error.textContent()).toContain('is required');
    expect(await page.getByTestId('save-problem').textContent()).toContain('Some fields need attention');
    await screenshot(page, 'record-validation');
  });

  it('creates the record, then edits it with If-Match', async () => {
    await page.getByTestId('field-name').locator('input').fill('First item');
    await choose(page.getByTestId('field-status'), 'Open');
    await page.getByTestId('record-save').click();
    await page.waitForURL(/\/o\/demo_item\/[0-9a-f-]{36}$/);
    recordUrl = page.url();
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('First item');
    await expect.poll(() => page.getByTestId('field-name').locator('input').inputValue()).toBe('First item');

    await page.getByTestId('field-name').locator('input').fill('First item (edited)');
    await page.getByTestId('record-save').click();
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('First item (edited)');
    await page.getByText('Version 2').first().waitFor();
    await screenshot(page, 'record-edit');
  });

  it('shows the history with what changed, and restores an earlier version', async () => {
    await page.locator('.el-tabs__item', { hasText: 'History' }).click();
    await page.getByTestId('history-2').waitFor();
    expect(await page.getByTestId('history-2').textContent()).toContain('First item (edited)');
    expect(await page.getByTestId('history-2').textContent()).toContain('by Administrator');
    await screenshot(page, 'record-history');

    await page.getByTestId('history-1').getByTestId('history-restore').click();
    await page.locator('.el-message-box .el-button--danger').click();
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('First item');
    await page.getByTestId('history-3').waitFor();

    await page.locator('.el-tabs__item', { hasText: 'Details' }).click();
    await page.getByTestId('field-name').locator('input').fill('First item (edited)');
    await page.getByTestId('record-save').click();
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('First item (edited)');
  });

  it('explains a save refused because someone else changed the record (412), and reloads it', async () => {
    const id = recordUrl.split('/').pop()!;
    const other = await api(`/api/records/demo_item/${id}`, { method: 'PATCH', body: { summary: 'Changed elsewhere' } });
    expect(other.status).toBe(200);
    await page.getByTestId('field-name').locator('input').fill('My stale edit');
    await page.getByTestId('record-save').click();
    const problem = page.getByTestId('save-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Someone else changed this record');
    await screenshot(page, 'record-stale');
    await page.getByTestId('reload-record').click();
    await expect.poll(() => page.getByTestId('field-summary').locator('input').inputValue()).toBe('Changed elsewhere');
    expect(await page.getByTestId('field-name').locator('input').inputValue()).toBe('First item (edited)');
    expect(await page.getByTestId('save-problem').count()).toBe(0);
  });

  it('filters the list with the filter builder', async () => {
    const created = await api('/api/records/demo_item', { method: 'POST', body: { name: 'Second item', status: 'done' } });
    expect(created.status).toBe(201);
    await page.getByTestId('record-back').click();
    await page.waitForURL(/\/o\/demo_item$/);
    await expect.poll(() => page.getByTestId('record-link').count()).toBe(2);
    await page.getByTestId('records-table').locator('.el-tag', { hasText: 'Open' }).waitFor();
    await screenshot(page, 'list');

    await page.getByTestId('filter-open').click();
    const drawer = page.getByTestId('filter-builder');
    await drawer.getByTestId('filter-add-rule').click();
    await choose(drawer.getByTestId('filter-field'), /^\s*Status\s*$/);
    await choose(drawer.getByTestId('filter-value'), 'Open');
    await drawer.locator('.el-collapse-item__header').click();
    await expect.poll(async () => JSON.parse((await drawer.getByTestId('filter-json').textContent()) ?? 'null')).toEqual({ status: { $eq: 'open' } });
    await screenshot(page, 'filter-builder');
    await drawer.getByTestId('filter-apply').click();

    await page.waitForURL(/filter=/);
    await expect.poll(() => page.getByTestId('record-link').count()).toBe(1);
    expect(await page.getByTestId('record-link').textContent()).toContain('First item (edited)');
    expect(await page.getByTestId('active-filter').textContent()).toContain('1 condition');
    await screenshot(page, 'list-filtered');
    await page.getByTestId('filter-remove').click();
    await expect.poll(() => page.getByTestId('record-link').count()).toBe(2);
  });

  it('sorts by a column and searches', async () => {
    await page.getByTestId('records-table').locator('th .cell', { hasText: /^Name$/ }).click();
    await page.waitForURL(/sort=name/);
    await expect.poll(() => page.getByTestId('record-link').first().textContent()).toContain('First item');
    await page.getByTestId('records-table').locator('th .cell', { hasText: /^Name$/ }).click();
    await page.waitForURL(/sort=-name/);
    await expect.poll(() => page.getByTestId('record-link').first().textContent()).toContain('Second item');

    await page.getByTestId('list-search').fill('Second');
    await page.waitForURL(/q=Second/);
    await expect.poll(() => page.getByTestId('record-link').count()).toBe(1);
    await page.getByTestId('list-search').fill('');
    await expect.poll(() => page.getByTestId('record-link').count()).toBe(2);
  });

  it('deletes a record and undoes it', async () => {
    await page.goto(recordUrl);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('First item (edited)');
    await page.getByTestId('record-delete').click();
    await page.locator('.el-message-box .el-button--danger').click();
    await page.waitForURL(/\/o\/demo_item$/);
    await expect.poll(() => page.getByTestId('record-link').count()).toBe(1);
    await page.getByTestId('undo-delete').waitFor();
    await screenshot(page, 'list-after-delete');
    await page.getByTestId('undo-delete').click();
    await page.waitForURL(recordUrl);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('First item (edited)');
  });

  it('shows the list in Chinese with option labels in Chinese', async () => {
    await page.getByTestId('record-back').click();
    await page.locator('.app-header').getByTestId('locale-switch').click();
    await page.getByTestId('locale-zh-CN').click();
    await page.getByTestId('records-table').locator('.el-tag', { hasText: '进行中' }).waitFor();
    expect(await page.getByTestId('list-title').textContent()).toBe('演示条目');
    await screenshot(page, 'list-zh');
    await page.locator('.app-header').getByTestId('locale-switch').click();
    await page.getByTestId('locale-en').click();
    await page.getByTestId('list-title').getByText('Demo item').waitFor();
  });

  it('fits a 390-px phone: the list and the form', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/o/demo_item`);
    await phone.getByTestId('record-link').first().waitFor();
    await screenshot(phone, 'phone-list');
    await phone.goto(recordUrl);
    await phone.getByTestId('field-name').locator('input').waitFor();
    await expect.poll(() => phone.getByTestId('field-name').locator('input').inputValue()).toBe('First item (edited)');
    await screenshot(phone, 'phone-record');
    await phone.goto(`${server.url}/o/demo_item/new`);
    await phone.getByTestId('field-name').locator('input').waitFor();
    await screenshot(phone, 'phone-record-new');
    await phone.close();
  });

  it('exports the filtered list as CSV with the auth header', async (ctx) => {
    const probe = await api('/api/records/demo_item/export?format=csv');
    ctx.skip(probe.status !== 200, `GET /api/records/{object}/export answered ${probe.status}: not served by this server yet`);
    await page.goto(`${server.url}/o/demo_item?filter=${encodeURIComponent(JSON.stringify({ status: { $eq: 'done' } }))}`);
    await expect.poll(() => page.getByTestId('record-link').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path, 'utf8');
    expect(csv).toContain('Second item');
    expect(csv).not.toContain('First item');
  });

  it('deletes the selected rows in bulk after confirming the count', async (ctx) => {
    const probe = await api('/api/records/demo_item/bulk?dryRun=true', { method: 'POST', body: { delete: { filter: { id: { $in: [] } } } } });
    ctx.skip(probe.status === 404, `POST /api/records/{object}/bulk answered 404: not served by this server yet`);
    await page.goto(`${server.url}/o/demo_item`);
    await expect.poll(() => page.getByTestId('record-link').count()).toBe(2);
    await page.getByTestId('records-table').locator('thead .el-checkbox').click();
    await page.getByTestId('bulk-delete').click();
    const box = page.locator('.el-message-box');
    expect(await box.textContent()).toContain('Delete the 2 selected records?');
    await screenshot(page, 'list-bulk-delete');
    await box.locator('.el-button--danger').click();
    await page.getByTestId('records-table').getByText('No records yet.').waitFor();
    expect(await page.getByTestId('list-total').textContent()).toBe('No records');
  });

  it('archives a field after showing where it is used, as a destructive change', async () => {
    await page.goto(`${server.url}/admin/objects/demo_item`);
    await page.getByTestId('field-archive-summary').click();
    const plan = page.getByTestId('plan-dialog');
    await plan.getByTestId('plan-where-used').waitFor();
    expect((await plan.getByTestId('plan-class').allTextContents()).map((text) => text.trim())).toContain('Destructive');
    const apply = page.getByTestId('plan-apply');
    expect(await apply.isDisabled()).toBe(true);
    await screenshot(page, 'designer-plan-archive');
    await plan.getByTestId('plan-acknowledge').click();
    await applyPlan();
    await expect.poll(() => page.getByTestId('fields-table').locator('tr', { hasText: 'summary' }).textContent()).toContain('Archived');
    await page.goto(`${server.url}/o/demo_item`);
    await page.getByTestId('records-table').locator('th', { hasText: 'Status' }).waitFor();
    expect(await page.getByTestId('records-table').locator('th', { hasText: 'Summary' }).count()).toBe(0);
  });
});
