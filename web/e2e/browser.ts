import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const CHROMIUM = process.env.LOOM_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium (browsers cannot be downloaded here), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));

/** Saves a full-page PNG into web/test-results/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  // Element Plus removes a loading mask only after its fade-out; wait so the picture shows the data.
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask'), undefined, { timeout: 5000 }).catch(() => undefined);
  await page.screenshot({ path: `${resultsDir}${name}.png`, fullPage: true, animations: 'disabled' });
}
