// Drives the VS Code workbench the way a person does: keyboard, quick input, clicks.
// Selectors are VS Code 1.100's; they live here only, so a VS Code upgrade is one file to fix.
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from '../../runners/paths';

/** The little of the DOM these helpers read inside the page (tsconfig has no DOM lib). */
interface PageGlobals {
  document: { body: { innerText: string } };
}

export const E2E_ARTIFACTS_DIR = path.join(ARTIFACTS_DIR, 'e2e');

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;

/** Waits until the workbench is drawn (the runner then also waits for the extension's commands). */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Runs a command from the palette by its full title, e.g. runCommand(page, 'MoMo: Show Log').
 * Retries while the palette does not list it yet: contributions of the extension under
 * development arrive some seconds after the workbench is drawn (more on a busy machine).
 */
export async function runCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await openPaletteAt(page, title, Math.max(deadline - Date.now(), 1));
    // Enter on the focused row survives layout shifts that make a click land elsewhere; an
    // editor opening meanwhile can still steal focus and close the palette: then try again.
    const focused = ((await row.getAttribute('class')) ?? '').split(' ').includes('focused');
    const done = focused
      ? await page.locator(QUICK_INPUT_BOX).press('Enter', { timeout: 2000 }).then(() => true, () => false)
      : await row.click({ timeout: 2000 }).then(() => true, () => false);
    if (done) {
      await paletteLeft(page, title);
      return;
    }
    if (Date.now() > deadline) throw new Error(`could not run "${title}" from the palette`);
  }
}

/**
 * After Enter in the palette, the command has started once the palette is gone: either the
 * widget closed, or the command reused it at once for its own first question (then the box no
 * longer holds `>title`). Waiting only for "closed" would hang on the second case.
 */
async function paletteLeft(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const typed = `>${title}`;
  for (;;) {
    if (!(await page.locator(QUICK_INPUT).isVisible())) return;
    const value = await page.locator(QUICK_INPUT_BOX).inputValue({ timeout: 1000 }).catch(() => '');
    if (value !== typed) return;
    if (Date.now() > deadline) throw new Error(`"${title}" did not start: the palette still shows it`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the command palette lists `title`, then closes the palette again. */
export async function waitForCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  await openPaletteAt(page, title, timeoutMs);
  await closeQuickInput(page);
}

async function openPaletteAt(page: Page, title: string, timeoutMs: number): Promise<Locator> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await closeQuickInput(page);
    await page.keyboard.press('F1');
    const input = page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = quickPickRow(page, title);
    if (await row.waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => false)) return row;
    if (Date.now() > deadline) {
      const shown = await page.locator(`${QUICK_INPUT} .monaco-list-row`).allTextContents();
      await closeQuickInput(page);
      throw new Error(`command "${title}" is not in the palette; it shows: ${shown.join(' | ') || 'nothing'}`);
    }
    await page.waitForTimeout(500);
  }
}

/** Types into the open quick input (input box or quick pick) and presses Enter. */
export async function typeIntoQuickInput(page: Page, text: string, options: { submit?: boolean } = {}): Promise<void> {
  const input = page.locator(QUICK_INPUT_BOX);
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  if (options.submit !== false) await input.press('Enter');
}

/** Picks the row of the open quick pick whose label is `label`. */
export async function pickQuickItem(page: Page, label: string): Promise<void> {
  const row = quickPickRow(page, label);
  await row.waitFor({ state: 'visible' });
  await row.click();
}

/** Clicks the first tree item (explorer, custom views) whose accessible name contains `label`. */
export async function clickTreeItem(page: Page, label: string, options: { button?: 'left' | 'right' } = {}): Promise<Locator> {
  const item = page.getByRole('treeitem', { name: label }).first();
  await item.waitFor({ state: 'visible' });
  await item.click({ button: options.button ?? 'left' });
  return item;
}

/** Waits until `text` is visible anywhere in the window (editors and panels included). */
export async function waitForText(page: Page, text: string, timeoutMs = 15_000): Promise<void> {
  // Monaco renders spaces as no-break spaces: compare on normalized innerText.
  await page
    .waitForFunction(
      // Runs in the page; tsconfig has no DOM lib, hence the local type.
      (wanted) => (globalThis as unknown as PageGlobals).document.body.innerText.replace(/\u00a0/g, ' ').includes(wanted),
      text,
      { timeout: timeoutMs, polling: 200 },
    )
    .catch(() => {
      throw new Error(`text "${text}" did not appear within ${timeoutMs} ms`);
    });
}

/** The channel the Output panel shows, or undefined while the panel is closed. */
export async function shownOutputChannel(page: Page): Promise<string | undefined> {
  const select = page.locator('.part.panel select.monaco-select-box:visible').filter({ has: page.locator('option') });
  if ((await select.count()) === 0) return undefined;
  return select.first().inputValue({ timeout: 1000 }).catch(() => undefined);
}

/** Waits until the Output panel shows the channel `name` (e.g. after "MoMo: Show Log"). */
export async function waitForOutputChannel(page: Page, name: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let shown: string | undefined;
  while ((shown = await shownOutputChannel(page)) !== name) {
    if (Date.now() > deadline) throw new Error(`the Output panel shows ${shown ? `"${shown}"` : 'nothing'}, not "${name}"`);
    await page.waitForTimeout(200);
  }
}

/**
 * Runs the command `title` until the Output panel shows `channel`, and returns how many runs
 * that took. Why a first run could show nothing (1 new window in 30 here): VS Code 1.100 lists a
 * log output channel only once its "log output channels" workbench contribution exists, which
 * the window creates at its Restored phase; a reveal arriving before that is dropped without a
 * word, and a palette command can activate the extension and reveal its log sooner. Show Log
 * reveals again once the window lists the channel (src/vscode/logReveal.ts), so one run should
 * do; the second run stays for a channel whose extension does not. Every run still has to come
 * from the palette, so an extension that never shows its log fails.
 */
export async function showOutputChannelByCommand(
  page: Page,
  title: string,
  channel: string,
  options: { perRunMs?: number; timeoutMs?: number } = {},
): Promise<number> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (let runs = 1; ; runs++) {
    await runCommand(page, title, Math.max(deadline - Date.now(), 1));
    const wait = Math.min(options.perRunMs ?? 20_000, Math.max(deadline - Date.now(), 1));
    const shown = await waitForOutputChannel(page, channel, wait).then(() => undefined, (err: Error) => err);
    if (!shown) return runs;
    if (Date.now() >= deadline) throw new Error(`after ${runs} runs of "${title}", ${shown.message}`);
  }
}

/** Saves test-artifacts/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(E2E_ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/** Closes the quick input (palette, quick pick, input box) if one is open. */
export async function closeQuickInput(page: Page): Promise<void> {
  if (await page.locator(QUICK_INPUT).isVisible()) {
    await page.keyboard.press('Escape');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }
}

/** The quick-pick row whose label is exactly `label` (not "MoMo: Show Log File" for "MoMo: Show Log"). */
function quickPickRow(page: Page, label: string): Locator {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return page
    .locator(`${QUICK_INPUT} .monaco-list-row`)
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
}

/** A report webview's page (doctor, Test My Callback): an iframe holding the extension's document in another iframe. */
export function reportFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

/** Closes the notifications so a screenshot shows the report itself. */
export async function dismissToasts(page: Page): Promise<void> {
  await page.keyboard.press('Escape').catch(() => undefined);
  const clearAll = page.locator('.notifications-toasts .codicon-notifications-clear-all');
  if (await clearAll.first().isVisible().catch(() => false)) await clearAll.first().click().catch(() => undefined);
  await page.waitForTimeout(500);
}

/** Clicks the MoMo icon in the activity bar (what a person does), and widens the sidebar so rows show whole. */
export async function openMomoView(page: Page): Promise<void> {
  const icon = page.locator('.part.activitybar .action-item a.action-label[aria-label^="MoMo"]').first();
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  await icon.click();
  await page.locator('.pane:has(.pane-header[aria-label^="Credentials"])').first().waitFor({ state: 'visible', timeout: 30_000 });
  // Wider, so a row shows its whole description ("key stored · verified just now").
  const box = await page.locator('.part.sidebar').boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 200, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
  }
  await page.mouse.move(900, 400); // away from the activity bar, whose hover would cover the view
}

/** MoMo: Forget All MoMo Credentials, confirmed: a module leaves an empty store behind. */
export async function forgetEverything(page: Page): Promise<void> {
  await page.keyboard.press('Escape').catch(() => undefined);
  await runCommand(page, 'MoMo: Forget All MoMo Credentials', 20_000);
  const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Forget All' });
  await confirm.waitFor({ state: 'visible', timeout: 10_000 });
  await confirm.click();
  await waitForText(page, 'Forgot ', 10_000);
}
