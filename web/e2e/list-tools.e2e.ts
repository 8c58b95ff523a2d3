// Browser end-to-end test of the list screen's tools on the base CRM's leads: saved views (save,
// reload, remembered), bulk edit with a dry-run preview count and per-row errors, and the import
// wizard (a bad row is reported, the good rows import, then the import is reverted), bulk delete, and the
// quick-create dialog (a 422 shown on its field, "save and new", the created row highlighted, full-screen on a phone).
// Run: npx vitest run -c vitest.e2e.config.ts e2e/list-tools.e2e.ts (needs web/dist and server/dist).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import { e2eServer } from './e2e-server';
import { apiJson, signIn } from './session';
import type { E2eServer } from './e2e-server';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await e2eServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  // Generous: the machine is shared, and a slow step is not a failed one.
  context.setDefaultTimeout(20_000);
  page = await context.newPage();
  await signIn(page, server.url, server.adminEmail, server.adminPassword);
  for (const lead of [
    { name: 'Alpha', company: 'Acme', source: 'website' },
    { name: 'Beta', company: 'Acme', source: 'referral' },
    { name: 'Gamma', company: 'Zenith', source: 'website' },
  ]) {
    expect((await api('/api/records/lead', { method: 'POST', body: lead })).status).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Calls the API as the signed-in user (set-up steps and checks that need no UI). */
function api(path: string, init: { method?: string; body?: unknown } = {}) {
  return apiJson(page, path, init);
}

async function choose(select: Locator, option: string | RegExp): Promise<void> {
  await select.locator('.el-select__wrapper').click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: option }).first().click();
}

/** expect.poll with room for a busy machine (its default gives up after one second). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });
const rowNames = async () => (await page.getByTestId('record-link').allTextContents()).map((text) => text.trim()).sort();
const leadsNamed = async (name: string) => (await api(`/api/records/lead?filter=${encodeURIComponent(JSON.stringify({ name }))}`)).body.data;

describe('saved views', () => {
  it('saves the filtered, sorted list as a shared view and opens it again', async () => {
    const filter = encodeURIComponent(JSON.stringify({ source: { $eq: 'website' } }));
    await page.goto(`${server.url}/o/lead?filter=${filter}&sort=-name`);
    await poll(rowNames).toEqual(['Alpha', 'Gamma']);
    await page.getByTestId('view-switcher-button').click();
    await page.getByTestId('view-create').click();
    const dialog = page.getByTestId('view-dialog');
    await dialog.getByTestId('view-name').fill('Website leads');
    await dialog.getByTestId('view-shared').click();
    await screenshot(page, 'list-tools-1-save-view');
    await dialog.getByTestId('view-save').click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await page.getByTestId('view-current').textContent())?.trim()).toBe('Website leads');

    const views = (await api('/api/views?object=lead')).body as Array<{ id: string; name: string; filter: unknown; sort: string; shared: boolean }>;
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ name: 'Website leads', filter: { source: { $eq: 'website' } }, sort: '-name', shared: true });
    expect(new URL(page.url()).searchParams.get('view')).toBe(views[0]!.id);

    // The plain address opens the view last shown for leads.
    await page.goto(`${server.url}/o/lead`);
    await poll(() => new URL(page.url()).searchParams.get('view')).toBe(views[0]!.id);
    await poll(rowNames).toEqual(['Alpha', 'Gamma']);
    expect(await page.getByTestId('record-link').first().textContent()).toContain('Gamma'); // sorted -name
    await screenshot(page, 'list-tools-2-view-reloaded');

    // "All records" leaves the view, and the list stays plain on the next visit.
    await page.getByTestId('view-switcher-button').click();
    await page.locator('.el-dropdown-menu:visible .el-dropdown-menu__item', { hasText: 'All records' }).click();
    await poll(rowNames).toEqual(['Alpha', 'Beta', 'Gamma']);
    await page.goto(`${server.url}/o/lead`);
    await poll(rowNames).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect((await page.getByTestId('view-current').textContent())?.trim()).toBe('All records');
  });

  it('fits a 390-px phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/o/lead`);
    await poll(rowNames).toEqual(['Alpha', 'Beta', 'Gamma']);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.getByTestId('view-switcher-button').isVisible()).toBe(true);
    expect(await page.getByTestId('list-import').isVisible()).toBe(true);
    await screenshot(page, 'list-tools-3-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

describe('bulk edit', () => {
  const tick = (name: string) => page.getByTestId('records-table').locator('tbody tr', { hasText: name }).locator('.el-checkbox').first().click();

  it('previews how many records change, shows rows that cannot, then applies', async () => {
    await page.goto(`${server.url}/o/lead`);
    await poll(rowNames).toEqual(['Alpha', 'Beta', 'Gamma']);
    await tick('Alpha');
    await tick('Beta');
    await page.getByTestId('bulk-edit').click();
    const dialog = page.getByTestId('bulk-edit-dialog');
    expect(await dialog.getByTestId('bulk-target').textContent()).toContain('2 selected records');

    // An invalid value: every row is refused, with the server's reason, and nothing can be applied.
    await choose(dialog.getByTestId('bulk-field'), /^Email$/);
    await dialog.getByTestId('bulk-value').locator('input').fill('not-an-email');
    await dialog.getByTestId('bulk-preview').click();
    await dialog.getByTestId('bulk-errors').waitFor();
    expect(await dialog.getByTestId('bulk-preview-count').textContent()).toContain('No records will change');
    expect(await dialog.getByTestId('bulk-error-message').count()).toBe(2);
    expect(await dialog.getByTestId('bulk-error-message').first().textContent()).toContain('email');
    expect(await dialog.getByTestId('bulk-apply').isDisabled()).toBe(true);
    await screenshot(page, 'list-tools-4-bulk-errors');

    await choose(dialog.getByTestId('bulk-field'), /^Company$/);
    await dialog.getByTestId('bulk-value').locator('input').fill('Globex');
    await dialog.getByTestId('bulk-preview').click();
    await poll(async () => dialog.getByTestId('bulk-preview-count').textContent()).toContain('2 records will change');
    expect((await leadsNamed('Alpha'))[0].company).toBe('Acme'); // the preview wrote nothing
    await screenshot(page, 'list-tools-5-bulk-preview');
    await dialog.getByTestId('bulk-apply').click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await leadsNamed('Alpha'))[0].company).toBe('Globex');
    expect((await leadsNamed('Beta'))[0].company).toBe('Globex');
    expect((await leadsNamed('Gamma'))[0].company).toBe('Zenith');
    await poll(async () => page.getByTestId('records-table').getByText('Globex').count()).toBe(2);
    await screenshot(page, 'list-tools-6-bulk-applied');
  });
});

describe('import wizard', () => {
  const csv = ['姓名,Email,Company,Notes', 'Delta,delta@example.org,Initech,first', ',nobody@example.org,Nameless,missing name', 'Epsilon,eps@example.org,Initech,third'].join('\n');

  it('maps columns, reports the bad row in the dry run, imports the good rows and reverts them', async () => {
    await page.goto(`${server.url}/o/lead`);
    await page.getByTestId('list-import').click();
    const wizard = page.getByTestId('import-wizard');
    await wizard.locator('input[type=file]').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await poll(async () => wizard.getByTestId('import-upload').textContent()).toContain('leads.csv');
    await wizard.getByTestId('import-next').click();

    // Auto-matched by zh-CN label, English label and field label; the unknown column is skipped.
    const mapped = async (column: string) => (await wizard.getByTestId(`import-map-${column}`).locator('.el-select__placeholder').first().textContent())?.trim();
    expect(await mapped('姓名')).toBe('Name (name)');
    expect(await mapped('Email')).toBe('Email (email)');
    expect(await mapped('Company')).toBe('Company (company)');
    expect(await mapped('Notes')).toBe('Skip this column');
    await screenshot(page, 'list-tools-7-import-mapping');

    await wizard.getByTestId('import-dry-run').click();
    await wizard.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect((await wizard.getByTestId('import-created').textContent())?.replace(/\s+/g, '')).toBe('2Created');
    expect((await wizard.getByTestId('import-error-rows').textContent()) ?? '').toMatch(/3.*name/);
    expect(await leadsNamed('Delta')).toEqual([]); // a dry run saves nothing
    await screenshot(page, 'list-tools-8-import-dry-run');

    await wizard.getByTestId('import-commit').click();
    await wizard.getByTestId('import-revert').waitFor({ timeout: 30_000 });
    expect((await wizard.getByTestId('import-created').textContent())?.replace(/\s+/g, '')).toBe('2Created');
    expect((await wizard.getByTestId('import-error-rows').textContent()) ?? '').toMatch(/3.*name/);
    expect(await leadsNamed('Delta')).toHaveLength(1);
    expect(await leadsNamed('Epsilon')).toHaveLength(1);
    await screenshot(page, 'list-tools-9-import-done');

    await wizard.getByTestId('import-revert').click();
    await page.locator('.el-message-box .el-button--danger').click();
    await wizard.getByTestId('import-reverted').waitFor({ timeout: 30_000 });
    expect(await wizard.getByTestId('import-reverted').textContent()).toContain('2 removed');
    expect(await leadsNamed('Delta')).toEqual([]);
    expect(await leadsNamed('Epsilon')).toEqual([]);
    await screenshot(page, 'list-tools-10-import-reverted');
    await wizard.getByTestId('import-close').click();
    await poll(rowNames).toEqual(['Alpha', 'Beta', 'Gamma']);
  });
});

describe('bulk delete of every matching record', () => {
  it('names the preview count and the recycle bin before deleting what the filter matches', async () => {
    await page.goto(`${server.url}/o/lead?filter=${encodeURIComponent(JSON.stringify({ company: { $eq: 'Globex' } }))}`);
    await poll(rowNames).toEqual(['Alpha', 'Beta']);
    await page.getByTestId('list-actions-button').click();
    await page.getByTestId('bulk-delete-matching').click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    expect(await box.textContent()).toContain('Delete all 2 records matching the filter? They move to the recycle bin and can be restored.');
    await screenshot(page, 'list-tools-11-delete-matching');
    await box.locator('.el-button--danger').click();
    await poll(rowNames).toEqual([]);
    expect((await api('/api/records/lead')).body.data.map((lead: { name: string }) => lead.name)).toEqual(['Gamma']);
    expect((await api('/api/records/lead?deleted=true')).body.data.map((lead: { name: string }) => lead.name).sort()).toEqual(expect.arrayContaining(['Alpha', 'Beta']));
  });
});

describe('quick create', () => {
  it('shows the server’s 422 on the field, then creates, reloads the list and highlights the new row', async () => {
    await page.goto(`${server.url}/o/lead?sort=name`);
    await poll(rowNames).toContain('Gamma');
    await page.getByTestId('record-quick-create').click();
    const dialog = page.getByTestId('quick-create');
    await dialog.getByTestId('field-name').waitFor();
    // the first layout section, not the contact section
    expect(await dialog.getByTestId('field-company').count()).toBe(1);
    expect(await dialog.getByTestId('field-wechat').count()).toBe(0);
    await dialog.getByTestId('field-company').locator('input').fill('Quickly Inc');
    await dialog.getByTestId('quick-create-save').click();
    const error = dialog.getByTestId('field-name').locator('.el-form-item__error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).not.toBe('');
    await screenshot(page, 'list-tools-12-quick-create-error');

    await dialog.getByTestId('field-name').locator('input').fill('Aardvark Quick');
    await dialog.getByTestId('quick-create-save-new').click();
    // "save and new": the dialog stays, emptied, and the list has the row, highlighted
    await poll(async () => dialog.getByTestId('field-name').locator('input').inputValue()).toBe('');
    expect(await dialog.getByTestId('field-name').locator('.el-form-item__error').count()).toBe(0);
    await poll(async () => (await leadsNamed('Aardvark Quick')).length).toBe(1);
    await dialog.getByTestId('field-name').locator('input').fill('Aardvark Second');
    await dialog.getByTestId('quick-create-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(rowNames).toContain('Aardvark Second');
    const created = page.locator('.row-created');
    await created.waitFor();
    expect(await created.count()).toBe(1);
    expect(await created.textContent()).toContain('Aardvark Second');
    expect(await page.locator('tr', { hasText: 'Aardvark Quick' }).getAttribute('class')).not.toContain('row-created');
    expect((await leadsNamed('Aardvark Second'))[0]).toMatchObject({ company: null });
    await screenshot(page, 'list-tools-13-quick-created');
  });

  it('is full-screen on a 390-px phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    phone.setDefaultTimeout(20_000);
    const small = await phone.newPage();
    await signIn(small, server.url, server.adminEmail, server.adminPassword);
    await small.goto(`${server.url}/o/lead`);
    await small.getByTestId('record-quick-create').click();
    const dialog = small.getByTestId('quick-create');
    await dialog.getByTestId('field-name').waitFor();
    expect(await dialog.evaluate((node) => node.classList.contains('is-fullscreen'))).toBe(true);
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(small, 'list-tools-14-quick-create-phone');
    await phone.close();
  });
});
