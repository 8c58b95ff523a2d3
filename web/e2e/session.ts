// Signing in and calling the API as the signed-in user, shared by the browser tests.
import type { Page } from 'playwright-core';

export interface ApiInit {
  method?: string;
  body?: unknown;
}

/** Signs in on the login page (in `locale`, remembered by the UI) and waits for the home page. */
export async function signIn(page: Page, url: string, email: string, password: string, locale?: string): Promise<void> {
  await page.goto(`${url}/login`);
  if (locale) await page.evaluate((value) => localStorage.setItem('loom.locale', value), locale);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((address) => address.pathname === '/');
}

/** Calls the API with the token of the user signed in on `page`; the body as text. */
export function apiText(page: Page, path: string, init: ApiInit = {}): Promise<{ status: number; body: string }> {
  return page.evaluate(
    async ({ path, init }) => {
      const response = await fetch(path, {
        method: init.method ?? 'GET',
        headers: { Authorization: `Bearer ${localStorage.getItem('loom.token')}`, 'Content-Type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      return { status: response.status, body: await response.text() };
    },
    { path, init },
  );
}

/** apiText with the body parsed (null when empty). */
export async function apiJson<T = any>(page: Page, path: string, init: ApiInit = {}): Promise<{ status: number; body: T }> {
  const res = await apiText(page, path, init);
  return { status: res.status, body: (res.body ? JSON.parse(res.body) : null) as T };
}
