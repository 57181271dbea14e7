// Debian's Chromium driven by playwright-core: never a browser download of its own.
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import { ARTIFACTS_DIR, CHROMIUM_PATH } from './paths';

/** Quiet on a closed network: no background requests, updates, sync or QUIC. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  browser: Browser;
  page: Page;
  /**
   * Closes the current page's browser context and opens a new one. In code-server the workbench
   * keeps globalState and SecretStorage in the browser (IndexedDB), and a page left mid-write can
   * still flush into the next page of the same context: a new context starts from nothing.
   */
  freshPage(): Promise<Page>;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1400, height: 900 };

export async function launchBrowser(): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}. Run: node scripts/install-test-tools.js (or set CHROMIUM_PATH)`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: !process.env.MOMO_HEADED,
    args: CHROMIUM_ARGS,
    // Playwright's own Ctrl-C handler would exit the process before code-server is stopped;
    // lifecycle.ts closes the browser with everything else.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  return {
    browser,
    get page() {
      return page;
    },
    async freshPage() {
      await page.context().close().catch(() => undefined);
      page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
      return page;
    },
    close: async () => {
      await browser.close().catch(() => undefined);
    },
  };
}

/** Saves test-artifacts/<name>.png (full window) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}
