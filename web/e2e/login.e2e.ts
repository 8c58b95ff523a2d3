// Browser end-to-end test of the admin shell: real server, Debian Chromium, screenshots in web/test-results/.
// Run: npm run test:e2e -w web (builds nothing: needs web/dist and server/dist). LOOM_E2E_URL,
// LOOM_E2E_ADMIN_EMAIL and LOOM_E2E_ADMIN_PASSWORD point it at a running server; else it starts one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import { e2eServer } from './e2e-server';
import type { E2eServer } from './e2e-server';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await e2eServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(email: string, password: string): Promise<void> {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('signing in and the admin shell', () => {
  it('sends a signed-out visitor to the login page, remembering where they were going', async () => {
    await page.goto(`${server.url}/admin/teams`);
    await page.waitForURL(/\/login\?redirect=/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to Loom');
    await screenshot(page, 'login');
    await page.goto(`${server.url}/login`);
  });

  it('shows the error under the form for a wrong password', async () => {
    await signIn(server.adminEmail, 'definitely-not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Incorrect email or password.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-error');
  });

  it('lands the admin on Home with health, account and admin navigation', async () => {
    await signIn(server.adminEmail, server.adminPassword);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('greeting').waitFor();
    await page.getByTestId('health-card').getByText('OK').first().waitFor();
    await page.getByTestId('current-user-card').getByText(server.adminEmail).waitFor();
    expect(await page.getByTestId('nav-menu').textContent()).toMatch(/Home[\s\S]*Users[\s\S]*Teams/);
    await screenshot(page, 'home');
  });

  it('switches the labels to Chinese, and remembers the choice', async () => {
    await page.locator('.app-header').getByTestId('locale-switch').click();
    await page.getByTestId('locale-zh-CN').click();
    await page.getByTestId('nav-menu').getByText('首页').waitFor();
    expect(await page.getByTestId('nav-menu').textContent()).toContain('团队');
    await page.getByTestId('health-card').getByText('系统状态').waitFor();

    await page.reload();
    await page.getByTestId('nav-menu').getByText('首页').waitFor();
    await page.getByTestId('health-card').getByText('正常').first().waitFor();
    expect(await page.title()).toBe('首页 · Loom');
    await screenshot(page, 'home-zh');
  });

  it('creates a team on the Teams page, and shows the API refusing a duplicate on the name field', async () => {
    const name = `E2E Team ${Date.now()}`;
    await page.getByTestId('nav-teams').click();
    await page.waitForURL(/\/admin\/teams$/);

    await page.getByTestId('team-create').click();
    await page.getByTestId('team-dialog').locator('input').first().fill(name);
    await page.getByTestId('team-save').click();
    await page.getByTestId('teams-table').getByText(name).waitFor();
    await page.getByTestId('team-dialog').waitFor({ state: 'hidden' });
    await screenshot(page, 'teams');

    await page.getByTestId('team-create').click();
    await page.getByTestId('team-dialog').locator('input').first().fill(name);
    await page.getByTestId('team-save').click();
    const fieldError = page.getByTestId('team-dialog').locator('.el-form-item__error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('must be unique');
    await screenshot(page, 'teams-duplicate');
    await page.keyboard.press('Escape');
  });

  it('lists users and shows the API validation messages on the user form fields', async () => {
    await page.getByTestId('nav-users').click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByTestId('users-table').getByText(server.adminEmail).waitFor();
    await screenshot(page, 'users');

    await page.getByTestId('user-create').click();
    const dialog = page.getByTestId('user-dialog');
    await dialog.locator('input[maxlength="200"]').fill('Bea Tester');
    await dialog.locator('input[type="email"]').fill('not-an-email');
    await dialog.locator('input[type="password"]').fill('short');
    await page.getByTestId('user-save').click();
    await dialog.locator('.el-form-item__error').first().waitFor();
    const messages = await dialog.locator('.el-form-item__error').allTextContents();
    expect(messages.join(' | ')).toMatch(/email/);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'users-validation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('collapses the sidebar to icons on a laptop screen, and remembers it', async () => {
    await page.getByTestId('sidebar-toggle').click();
    await page.locator('.app-sidebar.collapsed').waitFor();
    await screenshot(page, 'sidebar-collapsed');
    await page.reload();
    await page.locator('.app-sidebar.collapsed').waitFor();
    await page.getByTestId('sidebar-toggle').click();
    await page.locator('.app-sidebar:not(.collapsed)').waitFor();
  });

  it('fits a 390-px phone: navigation moves into a drawer', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/`);
    await phone.getByTestId('greeting').waitFor();
    expect(await phone.getByTestId('sidebar').count()).toBe(0);
    await screenshot(phone, 'phone-home');

    await phone.getByTestId('sidebar-toggle').click();
    await phone.getByTestId('nav-drawer').getByTestId('nav-teams').waitFor();
    await screenshot(phone, 'phone-drawer');
    await phone.keyboard.press('Escape');
    await phone.close();
  });

  it('signs out from the user menu, back to the login page', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('input[name="email"]').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('loom.token'))).toBeNull();
    await screenshot(page, 'phone-login');
  });
});
