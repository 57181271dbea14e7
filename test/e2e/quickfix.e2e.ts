// A person fixing the sample Django project's placeholders with the light bulb: store the
// emulator's subscription key and provision a sandbox user from the palette, open
// mysite/settings.py (committed to git), put the cursor on the MOMO_API_USER placeholder,
// open the quick-fix menu (Ctrl+.), take "Fill with stored sandbox credentials", accept the
// offered load_dotenv(), and see settings.py read the values from the environment while the
// key went into .env. Screenshots: the quick-fix menu and the result.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { E2EContext, runCommand, screenshot, skip, typeIntoQuickInput, waitForText } from './harness';

export const title = 'quick fix: placeholder in settings.py → Ctrl+. → filled from stored credentials';

const FIX_TITLE = 'Fill with stored sandbox credentials';
const SETTINGS = 'mysite/settings.py';

export async function run(ctx: E2EContext): Promise<void> {
  const { page, log, emulator, workspace } = ctx;
  if (!emulator) skip('the MoMo emulator is not built yet');
  if (!gitWorks(workspace)) skip('git is not available');
  try {
    await step('store a subscription key and provision a sandbox user from the palette', () => storeCredentials(page, emulator.subscriptionKeys.collection.primary));

    // The sample project's settings.py, with its placeholders, opened at the API user's placeholder.
    const lines = fs.readFileSync(path.join(workspace, SETTINGS), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('MOMO_API_USER = "your-api-user-id"')) + 1;
    if (line === 0) throw new Error(`${SETTINGS} has no MOMO_API_USER placeholder`);
    await step('open settings.py at the placeholder', async () => {
      await openFileAt(page, SETTINGS, line, 20);
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible', timeout: 20_000 });
      await runCommand(page, 'Notifications: Clear All Notifications'); // the set-up's toasts would cover the menu
    });

    await step('open the quick-fix menu', async () => {
      await openQuickFixMenu(page);
      await page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE }).first().waitFor({ state: 'visible', timeout: 10_000 });
      await waitForText(page, 'Provision a sandbox user and fill');
      log(`screenshot: ${await screenshot(page, 'quickfix-menu')}`);
    });

    await step(`take "${FIX_TITLE}" and "Add load_dotenv()"`, async () => {
      await focusMenuRow(page, FIX_TITLE);
      await page.keyboard.press('Enter'); // as a person would; the menu's pointer block eats clicks
      const addLoader = page.locator('.notification-toast .monaco-button', { hasText: 'Add load_dotenv()' }).first();
      // With several stored users (an earlier module provisioned one too) a pick comes first: the newest is on top.
      const picker = page.locator('.quick-input-widget .quick-input-box input');
      const first = await Promise.race([
        picker.waitFor({ state: 'visible', timeout: 20_000 }).then(() => 'picker'),
        addLoader.waitFor({ state: 'visible', timeout: 20_000 }).then(() => 'toast'),
      ]);
      if (first === 'picker') await page.keyboard.press('Enter');
      await addLoader.waitFor({ state: 'visible', timeout: 20_000 });
      await addLoader.click();
      await waitForFile(path.join(workspace, SETTINGS), 'from dotenv import load_dotenv');
    });

    await step('see the result', async () => {
      await waitForText(page, 'MOMO_API_USER = os.environ.get("MOMO_API_USER", "")');
      await waitForText(page, 'now loads .env');
      // Nothing left to warn about: the placeholders are gone and .env is loaded.
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'detached', timeout: 10_000 });
      await page.mouse.move(900, 400);
      log(`screenshot: ${await screenshot(page, 'quickfix-result')}`);
      // The loader went in after the imports, at the top of the file.
      await page.keyboard.press('Control+Home');
      await waitForText(page, 'from dotenv import load_dotenv');
      log(`screenshot: ${await screenshot(page, 'quickfix-result-loader')}`);
    });

    const settings = fs.readFileSync(path.join(workspace, SETTINGS), 'utf8');
    if (!settings.includes('MOMO_API_KEY = os.environ.get("MOMO_API_KEY", "")')) throw new Error(`${SETTINGS} does not read MOMO_API_KEY from the environment`);
    const dotenv = fs.readFileSync(path.join(workspace, '.env'), 'utf8');
    const apiKey = /^MOMO_API_KEY=([0-9a-f]{32})$/m.exec(dotenv)?.[1];
    if (!apiKey || !/^MOMO_API_USER=[0-9a-f-]{36}$/m.test(dotenv)) throw new Error(`.env does not hold the API user and key:\n${dotenv.replace(/[0-9a-f]{32}/g, '••••')}`);
    if ((await page.locator('body').innerText()).includes(apiKey)) throw new Error('the API key is visible somewhere in the window');
    log('settings.py reads MOMO_API_USER / MOMO_API_KEY from the environment; .env holds them; the key is nowhere in the window');
  } finally {
    await forgetEverything(page).catch((err: Error) => log(`could not forget the credentials afterwards: ${err.message}`));
  }
}

/** Runs one part of the story; a failure names the part. */
async function step(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    throw new Error(`${name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

async function storeCredentials(page: Page, subscriptionKey: string): Promise<void> {
  await runCommand(page, 'MoMo: Set Subscription Key');
  await choose(page, 'Sandbox');
  await choose(page, 'Collections');
  await choose(page, 'Primary key');
  await typeInto(page, 'Primary key for Collections', subscriptionKey);
  await waitForText(page, 'Stored the primary Collections subscription key', 15_000);
  await runCommand(page, 'MoMo: Provision Sandbox API User');
  await choose(page, 'Collections');
  await typeInto(page, 'provider callback host', 'webhook.example.com');
  await waitForText(page, 'Created sandbox API user', 30_000);
}

/** Leaves no credential behind for the next module. */
async function forgetEverything(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await runCommand(page, 'MoMo: Forget All MoMo Credentials', 20_000);
  const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Forget All' });
  await confirm.waitFor({ state: 'visible', timeout: 10_000 });
  await confirm.click();
  await waitForText(page, 'Forgot ', 10_000);
}

/** The menu focuses its first row; Arrow Down until `title` has the focus. */
async function focusMenuRow(page: Page, title: string): Promise<void> {
  const focused = page.locator('.action-widget .monaco-list-row.focused', { hasText: title });
  for (let tries = 0; tries < 6; tries++) {
    if (await focused.waitFor({ state: 'visible', timeout: 1000 }).then(() => true, () => false)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`"${title}" never got the focus in the quick-fix menu`);
}

/** The runner's copy of the workspace, made a git repository with everything added (so settings.py is tracked). */
function gitWorks(workspace: string): boolean {
  try {
    execFileSync('git', ['init', '-q'], { cwd: workspace });
    execFileSync('git', ['add', '-A'], { cwd: workspace });
    return true;
  } catch {
    return false;
  }
}

/** Quick Open (the palette without its ">") with `file:line:column`, which opens the file there. */
async function openFileAt(page: Page, file: string, line: number, column: number): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`${file}:${line}:${column}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'settings.py' }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.monaco-editor .view-lines', { hasText: 'MOMO_API_USER' }).first().waitFor({ state: 'visible' });
}

/** Ctrl+. the way people open the light bulb's menu; the palette's "Quick Fix..." if the key did not reach the editor. */
async function openQuickFixMenu(page: Page): Promise<void> {
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  if (await menu.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) return;
  await runCommand(page, 'Quick Fix...');
  await menu.waitFor({ state: 'visible', timeout: 10_000 });
}

async function waitForFile(file: string, text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.readFileSync(file, 'utf8').includes(text)) {
    if (Date.now() > deadline) throw new Error(`${path.basename(file)} does not contain "${text}" after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Picks `label` in the open quick pick once that pick shows it: filter, then Enter on the (focused) first row. */
async function choose(page: Page, label: string): Promise<void> {
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.quick-input-widget .quick-input-box input').fill(label);
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).first();
  if (await focused.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) {
    await page.keyboard.press('Enter');
  } else {
    await row.click();
  }
}

/** Types into the input box whose title mentions `title` (so the text never lands in the previous step). */
async function typeInto(page: Page, title: string, text: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await typeIntoQuickInput(page, text);
}
