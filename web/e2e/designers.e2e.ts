// Browser end-to-end test of the admin designers: a stage added to the sales pipeline (plan shown, applied,
// in GET /api/metadata), a role's field access changed and explain's answer changing with it, an
// automation created and dry-run against a record, a revision's diff; then an approval step, a layout
// reordered by drag, a dead job retried, a plugin's lifecycle and the notifications bell.
// Run: npm run test:e2e -w web (needs web/dist and server/dist); screenshots land in web/test-results/.
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
let opportunityId = '';

beforeAll(async () => {
  // Jobs that fail retry after 10 ms (so one dies within seconds), and webhooks may call this machine.
  process.env.LOOM_JOB_BACKOFF_MS ??= '10';
  process.env.LOOM_WEBHOOK_ALLOW_HOSTS ??= '127.0.0.1';
  server = await e2eServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  await signIn(page, server.url, server.adminEmail, server.adminPassword);

  const rep = await api('/api/users', { method: 'POST', body: { email: 'rep@loom.test', name: 'Rita Rep', password: 'rep-password-1', roles: ['sales_rep'], active: true } });
  expect(rep.status).toBe(201);
  const account = await api('/api/records/account', { method: 'POST', body: { name: 'Acme Trading' } });
  const opportunity = await api('/api/records/opportunity', {
    method: 'POST',
    body: { name: 'Acme renewal', account: JSON.parse(account.body).id, amount: 120000, stage: 'qualified', close_date: '2027-01-15' },
  });
  expect(opportunity.status).toBe(201);
  opportunityId = JSON.parse(opportunity.body).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Picks an option of an Element Plus select from its (teleported) dropdown. */
async function choose(select: Locator, option: string | RegExp): Promise<void> {
  await select.locator('.el-select__wrapper').first().click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: option }).first().click();
}

/** Applies the plan shown in the plan dialog and waits for it to close. */
async function applyPlan(): Promise<void> {
  const dialog = page.getByTestId('plan-dialog');
  await page.getByTestId('plan-apply').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Calls the API as the signed-in admin (set-up steps and checks that need no UI). */
function api(path: string, init: { method?: string; body?: unknown } = {}) {
  return apiText(page, path, init);
}

async function metadata(): Promise<{ pipelines: Record<string, { stages: Array<{ key: string; probability?: number; label?: unknown }> }> }> {
  return JSON.parse((await api('/api/metadata')).body);
}

describe('pipeline designer', () => {
  it('adds a stage to the sales pipeline, drags it into place, previews the plan and applies it', async () => {
    await page.getByTestId('nav-admin-pipelines').click();
    await page.waitForURL(/\/admin\/pipelines$/);
    await page.getByTestId('definition-sales').click();
    await page.waitForURL(/\/admin\/pipelines\/sales$/);
    await expect.poll(() => page.getByTestId('stage-row').count()).toBe(6);

    await page.getByTestId('stage-add').click();
    // A new stage goes before the outcome stages (won, lost): it is the fifth of seven.
    const rows = page.getByTestId('stage-row');
    await expect.poll(() => rows.count()).toBe(7);
    const added = rows.nth(4);
    await added.getByTestId('stage-key').fill('demo');
    await added.getByTestId('stage-label-en').fill('Demo');
    await added.getByTestId('stage-label-zh').fill('产品演示');
    await added.getByTestId('stage-probability').locator('input').fill('30');
    await choose(added.getByTestId('stage-required'), 'Amount');

    // Drag it by its handle onto the third row (proposal): it lands between qualified and proposal.
    await rows.nth(4).getByTestId('stage-handle').dragTo(rows.nth(2));
    await expect.poll(async () => (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-stage-key'))))).toEqual([
      'lead', 'qualified', 'demo', 'proposal', 'negotiation', 'won', 'lost',
    ]);
    await screenshot(page, 'designers-pipeline');

    await page.getByTestId('designer-save').click();
    const plan = page.getByTestId('plan-dialog');
    await plan.getByTestId('document-diff').waitFor();
    const diff = await plan.getByTestId('diff-entry').allTextContents();
    // One addition: the stages around it keep their order, so nothing else shows.
    expect(diff).toEqual([expect.stringContaining('stages[demo]')]);
    await screenshot(page, 'designers-pipeline-plan');
    await applyPlan();

    await expect.poll(async () => (await metadata()).pipelines.sales!.stages.map((stage) => stage.key)).toEqual([
      'lead', 'qualified', 'demo', 'proposal', 'negotiation', 'won', 'lost',
    ]);
    const demo = (await metadata()).pipelines.sales!.stages[2];
    expect(demo).toEqual({ key: 'demo', label: { en: 'Demo', 'zh-CN': '产品演示' }, probability: 30, requiredFields: ['amount'] });
  });

  it('says so when nothing changed since the save', async () => {
    await page.getByTestId('designer-save').click();
    await page.locator('.el-message', { hasText: 'Nothing has changed' }).waitFor();
  });
});

describe('role matrix', () => {
  async function explainCost(): Promise<string> {
    const panel = page.getByTestId('explain-panel');
    await panel.getByTestId('explain-ask').click();
    await panel.getByTestId('explain-answer').waitFor();
    return (await panel.getByTestId('explain-field-access').textContent())?.trim() ?? '';
  }

  it("changes a role's field access, and explain's answer changes with it", async () => {
    await page.getByTestId('nav-admin-roles').click();
    await page.getByTestId('definition-sales_rep').click();
    await page.waitForURL(/\/admin\/roles\/sales_rep$/);
    const panel = page.getByTestId('explain-panel');
    await choose(panel.getByTestId('explain-user'), 'Rita Rep');
    await choose(panel.getByTestId('explain-object'), /^\s*Opportunity\s*$/);
    await choose(panel.getByTestId('explain-field'), '(cost)');
    expect(await explainCost()).toBe('None');
    expect(await panel.getByTestId('explain-decided-by').textContent()).toContain('sales_rep');

    const row = page.getByTestId('role-matrix').locator('tr', { has: page.getByTestId('matrix-row-opportunity') });
    await row.locator('.el-table__expand-icon').click();
    const cost = page.getByTestId('field-access-opportunity-cost');
    await cost.locator('.el-radio-button', { hasText: 'Read' }).click();
    await screenshot(page, 'designers-role-matrix');

    await page.getByTestId('designer-save').click();
    const plan = page.getByTestId('plan-dialog');
    await plan.getByTestId('document-diff').waitFor();
    expect(await plan.getByTestId('document-diff').textContent()).toContain('objects.opportunity.fields.cost');
    await applyPlan();

    await expect.poll(explainCost).toBe('Read');
    await screenshot(page, 'designers-role-explain');
  });
});

describe('automation editor', () => {
  it('creates an automation, then dry-runs it against a record', async () => {
    await page.getByTestId('nav-admin-automations').click();
    await page.waitForURL(/\/admin\/automations$/);
    await page.getByTestId('definition-new').click();
    await page.getByTestId('new-definition-name').fill('deal_note');
    await page.getByTestId('new-definition-create').click();
    await page.waitForURL(/\/admin\/automations\/deal_note\?new=1/);

    await page.getByTestId('automation-label-en').fill('Deal note');
    await page.getByTestId('automation-label-zh').fill('商机提醒');
    await choose(page.getByTestId('trigger-object'), 'Opportunity');
    await choose(page.getByTestId('trigger-event'), 'is updated');
    await choose(page.getByTestId('trigger-fields'), '(stage)');

    await page.getByTestId('action-add').click();
    await page.getByTestId('action-add-notify').click();
    const action = page.getByTestId('action-card').first();
    await action.getByTestId('action-user').fill('{{record.owner}}');
    const message = action.getByTestId('action-message');
    await message.fill('Deal ');
    // A template hint types itself where the cursor was.
    await page.getByTestId('template-hints').getByText('{{record.name}}', { exact: true }).click();
    await message.press('End');
    await message.pressSequentially(' moved to ');
    await page.getByTestId('template-hints').getByText('{{record.stage}}', { exact: true }).click();
    await expect.poll(() => message.inputValue()).toBe('Deal {{record.name}} moved to {{record.stage}}');
    await screenshot(page, 'designers-automation');

    await page.getByTestId('designer-save').click();
    await page.getByTestId('plan-dialog').getByTestId('document-diff').waitFor();
    await applyPlan();
    await page.waitForURL(/\/admin\/automations\/deal_note$/);

    const stored = JSON.parse((await api('/api/metadata/automations/deal_note')).body);
    expect(stored).toEqual({
      kind: 'automation', name: 'deal_note', enabled: true, label: { en: 'Deal note', 'zh-CN': '商机提醒' },
      trigger: { object: 'opportunity', event: 'updated', fields: ['stage'] },
      actions: [{ type: 'notify', user: '{{record.owner}}', message: 'Deal {{record.name}} moved to {{record.stage}}' }],
    });

    const dryRun = page.getByTestId('dry-run');
    await dryRun.getByTestId('dry-run-id').fill(opportunityId);
    await dryRun.getByTestId('dry-run-go').click();
    const result = dryRun.getByTestId('dry-run-result');
    await result.waitFor();
    expect(await result.getByTestId('dry-run-matches').textContent()).toContain('holds');
    expect(await result.getByTestId('dry-run-action').textContent()).toContain('Deal Acme renewal moved to qualified');
    await screenshot(page, 'designers-automation-dry-run');
  });

  it('opens churn_risk and saves it with its addTags kept and a removed tag added', async () => {
    await page.getByTestId('nav-admin-automations').click();
    await page.waitForURL(/\/admin\/automations$/);
    await page.goto(`${server.url}/admin/automations/churn_risk`);
    const action = page.getByTestId('action-card').first();
    const addTags = action.getByTestId('action-add-tags');
    await addTags.getByTestId('tag-edit-row').waitFor();
    expect(await addTags.getByTestId('tag-edit-field').textContent()).toContain('(tags)');
    expect(await addTags.getByTestId('tag-edit-tags').textContent()).toContain('churn_risk');

    // Saving it untouched sends the stored document back: nothing to change, no error.
    await page.getByTestId('designer-save').click();
    await page.getByText('Nothing has changed since the last save.').waitFor();
    expect(await page.locator('.el-message--error').count()).toBe(0);

    const removeTags = action.getByTestId('action-remove-tags');
    await removeTags.getByTestId('tag-edit-add').click();
    const tags = removeTags.getByTestId('tag-edit-tags');
    await tags.locator('.el-select__wrapper').click();
    await tags.locator('input').pressSequentially('won_back');
    await tags.locator('input').press('Enter');
    await screenshot(page, 'designers-automation-tags');
    await page.getByTestId('designer-save').click();
    await page.getByTestId('plan-dialog').getByTestId('document-diff').waitFor();
    await applyPlan();
    expect(await page.locator('.el-message--error').count()).toBe(0);
    const stored = JSON.parse((await api('/api/metadata/automations/churn_risk')).body);
    expect(stored.actions).toEqual([{ type: 'updateRecord', addTags: { tags: ['churn_risk'] }, removeTags: { tags: ['won_back'] } }]);
  });
});

describe('metadata revisions', () => {
  it('lists the revisions and shows the diff of the pipeline change', async () => {
    await page.getByTestId('nav-admin-revisions').click();
    await page.waitForURL(/\/admin\/revisions$/);
    const table = page.getByTestId('revisions-table');
    await table.getByText('put automation deal_note').waitFor();
    await table.getByText('put pipeline sales').click();
    await page.waitForURL(/\/admin\/revisions\/\d+$/);
    const diff = page.getByTestId('revision-diff');
    await diff.getByTestId('revision-change').first().waitFor();
    expect(await diff.textContent()).toContain('/pipelines/sales');
    expect(await diff.getByTestId('diff-entry').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('stages[demo]')]));
    await screenshot(page, 'designers-revision');
  });
});

describe('approval process designer', () => {
  it('adds an escalating finance-director step to big_discount', async () => {
    await page.getByTestId('nav-admin-approvals').click();
    await page.getByTestId('definition-big_discount').click();
    await page.waitForURL(/\/admin\/approvals\/big_discount$/);
    await expect.poll(() => page.getByTestId('step-card').count()).toBe(2);

    await page.getByTestId('step-add').click();
    const step = page.getByTestId('step-card').nth(2);
    await step.getByTestId('step-name').fill('director');
    await step.getByTestId('step-label-en').fill('Sales director');
    await step.getByTestId('step-label-zh').fill('销售总监');
    await step.getByTestId('approvers-manager').click();
    await choose(step.getByTestId('approvers-role'), 'Sales director');
    await step.locator('.el-radio-button', { hasText: 'All approvers' }).click();
    await step.getByTestId('step-timeout').click();
    await step.getByTestId('step-timeout-hours').locator('input').fill('4');
    await choose(step.getByTestId('step-timeout-action'), 'Remind');
    await screenshot(page, 'designers-approval');

    await page.getByTestId('designer-save').click();
    await page.getByTestId('plan-dialog').getByTestId('document-diff').waitFor();
    expect(await page.getByTestId('document-diff').textContent()).toContain('steps[director]');
    await applyPlan();
    const stored = JSON.parse((await api('/api/metadata/approvals/big_discount')).body);
    expect(stored.steps[2]).toEqual({
      name: 'director', label: { en: 'Sales director', 'zh-CN': '销售总监' },
      approvers: { role: 'sales_director' }, mode: 'all', timeout: { hours: 4, action: 'remind' },
    });
  });
});

describe('layout editor', () => {
  it('drags a field to the top of its section and saves the layout', async () => {
    await page.getByTestId('nav-admin-layouts').click();
    await page.getByTestId('definition-opportunity_default').click();
    await page.waitForURL(/\/admin\/layouts\/opportunity_default$/);
    const chip = (field: string) => page.locator(`[data-testid="field-chip"][data-field="${field}"]`);
    await chip('next_step').dragTo(chip('name'));
    await chip('loss_reason').dragTo(page.getByTestId('section-fields').nth(2));
    await screenshot(page, 'designers-layout');

    await page.getByTestId('designer-save').click();
    await page.getByTestId('plan-dialog').getByTestId('document-diff').waitFor();
    await applyPlan();
    const stored = JSON.parse((await api('/api/metadata/layouts/opportunity_default')).body);
    expect(stored.sections[0].fields.slice(0, 2)).toEqual(['next_step', 'name']);
    expect(stored.sections[1].fields).not.toContain('loss_reason');
    expect(stored.sections[2].fields).toEqual(['days_open', 'description', 'loss_reason']);
  });
});

describe('jobs monitor', () => {
  it('lists a dead job with its error and retries it', async () => {
    // A webhook to a closed port fails every attempt: its job dies after the last retry.
    const hook = { kind: 'automation', name: 'closed_port_hook', trigger: { object: 'task', event: 'created' }, actions: [{ type: 'webhook', url: 'http://127.0.0.1:9/loom' }] };
    const preview = JSON.parse((await api('/api/metadata/automations/closed_port_hook?dryRun=true', { method: 'PUT', body: hook })).body);
    expect((await api(`/api/metadata/automations/closed_port_hook?plan=${preview.plan.hash}`, { method: 'PUT', body: hook })).status).toBe(201);
    expect((await api('/api/records/task', { method: 'POST', body: { subject: 'Ping the closed port' } })).status).toBe(201);
    await expect
      .poll(async () => JSON.parse((await api('/api/jobs?status=dead')).body).data.length, { timeout: 60_000, interval: 500 })
      .toBeGreaterThan(0);

    await page.getByTestId('nav-admin-jobs').click();
    await page.waitForURL(/\/admin\/jobs/);
    const table = page.getByTestId('jobs-table');
    const retry = table.locator('[data-testid^="job-retry-"]').first();
    await retry.waitFor();
    await screenshot(page, 'designers-jobs-dead');
    await retry.click();
    await page.locator('.el-message', { hasText: 'queued again' }).waitFor();
  });
});

describe('plugin manager', () => {
  it('installs, enables and disables loyalty, and previews its uninstall', async () => {
    await page.getByTestId('nav-admin-plugins').click();
    await page.waitForURL(/\/admin\/plugins$/);
    await page.getByTestId('plugin-install-loyalty').click();
    await page.locator('.el-message-box .el-button--danger').click();
    await expect.poll(() => page.getByTestId('plugin-state-loyalty').textContent(), { timeout: 30_000 }).toBe('Installed');
    await page.getByTestId('plugin-enable-loyalty').click();
    await expect.poll(() => page.getByTestId('plugin-state-loyalty').textContent(), { timeout: 30_000 }).toBe('Enabled');
    await page.getByTestId('plugin-disable-loyalty').click();
    await page.locator('.el-message-box .el-button--danger').click();
    await expect.poll(() => page.getByTestId('plugin-state-loyalty').textContent(), { timeout: 30_000 }).toBe('Disabled');

    await page.getByTestId('plugin-uninstall-loyalty').click();
    const preview = page.getByTestId('uninstall-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('loyalty_account');
    await screenshot(page, 'designers-plugin-uninstall');
    await page.getByTestId('plan-cancel').click();
    expect(await page.getByTestId('plugin-state-loyalty').textContent()).toBe('Disabled');
  });
});

describe('notifications bell', () => {
  it('counts an unread notification and marks it read', async () => {
    const ticket = await api('/api/records/ticket', { method: 'POST', body: { subject: 'Printer on fire', priority: 'urgent', status: 'new' } });
    expect(ticket.status).toBe(201);
    await expect.poll(async () => JSON.parse((await api('/api/notifications')).body).unread, { timeout: 30_000 }).toBe(1);

    await page.reload();
    const badge = page.getByTestId('notifications-badge').locator('.el-badge__content');
    await expect.poll(() => badge.textContent()).toBe('1');
    await page.getByTestId('notifications').click();
    const list = page.getByTestId('notification-list');
    await list.getByText('Printer on fire').first().waitFor();
    await screenshot(page, 'designers-notifications');
    await list.locator('[data-testid^="notification-read-"]').first().click();
    await expect.poll(() => list.getByTestId('notification').first().getAttribute('data-read')).toBe('true');
    await expect.poll(() => badge.isVisible()).toBe(false);
    expect(JSON.parse((await api('/api/notifications')).body).unread).toBe(0);
  });
});
