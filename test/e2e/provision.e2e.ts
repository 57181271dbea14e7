// A person's first run: open the MoMo view, see the welcome view, open the walkthrough from it,
// set the emulator's subscription key from the welcome view, provision a sandbox API user from
// the view's title bar, and see the user in the tree. Screenshots go to test-artifacts/e2e/.
import type { Page } from 'playwright-core';
import { E2EContext, pickQuickItem, screenshot, skip, typeIntoQuickInput, waitForText } from './harness';

export const title = 'provision: welcome view → subscription key → sandbox API user in the tree';

const WELCOME_TEXT = 'No MoMo credentials are stored yet';
const MOMO_PANE = '.pane:has(.pane-header[aria-label^="Credentials"])';

export async function run(ctx: E2EContext): Promise<void> {
  const { page, log, emulator } = ctx;
  if (!emulator) skip('the MoMo emulator is not built yet');
  const subscriptionKey = emulator.subscriptionKeys.collection.primary;
  const usersBefore = emulator.apiUserCount();

  await openMomoView(page);
  await waitForText(page, WELCOME_TEXT, 30_000);
  await widenSidebar(page);
  await page.mouse.move(900, 700); // away from the activity bar, whose hover would cover the view
  log(`screenshot: ${await screenshot(page, 'momo-welcome-view')}`);

  // The welcome view links to the walkthrough; it opens in the editor area beside the view.
  await page.locator('.welcome-view-content a', { hasText: 'walkthrough' }).first().click();
  await waitForText(page, 'Get started with MoMo credentials');
  await waitForText(page, 'Store your subscription key');
  // The step's Markdown media renders in a webview whose text the page cannot wait on: give it a moment.
  await page.waitForTimeout(3000);
  log(`screenshot: ${await screenshot(page, 'momo-walkthrough')}`);

  // Step 1, from the welcome view: Set Subscription Key with the emulator's Collections key.
  await page.locator('.welcome-view-content .monaco-button', { hasText: 'Set Subscription Key' }).first().click();
  await pickQuickItem(page, 'Sandbox');
  await pickQuickItem(page, 'Collections');
  await pickQuickItem(page, 'Primary key');
  await typeIntoQuickInput(page, subscriptionKey);
  await waitForText(page, 'Primary key');
  await waitForText(page, `••••${subscriptionKey.slice(-3)}`);

  // Step 2, from the view's title bar: Provision Sandbox API User, answering its two questions.
  await clickViewTitleAction(page, 'Provision Sandbox API User');
  await pickQuickItem(page, 'Collections');
  await typeIntoQuickInput(page, 'webhook.example.com');
  await waitForText(page, 'API user ', 30_000);
  await waitForText(page, 'never verified');
  if (emulator.apiUserCount() !== usersBefore + 1) {
    throw new Error(`the emulator has ${emulator.apiUserCount() - usersBefore} new API users, expected 1`);
  }
  await waitForText(page, 'Created sandbox API user');
  // Let the finished progress toast fade out so the screenshot shows the outcome only.
  await page.locator('.notification-toast', { hasText: 'Provisioning a sandbox API user' }).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  log(`screenshot: ${await screenshot(page, 'momo-tree-with-api-user')}`);

  const pageText = await page.locator('body').innerText();
  if (pageText.includes(subscriptionKey)) throw new Error('the subscription key is visible somewhere in the window');
  log('the subscription key appears nowhere in the window; the tree shows only its mask');
}

/** Clicks the MoMo icon in the activity bar (not a command: this is what a person does). */
async function openMomoView(page: Page): Promise<void> {
  const icon = page.locator('.part.activitybar .action-item a.action-label[aria-label^="MoMo"]').first();
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  await icon.click();
  await page.locator(MOMO_PANE).first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** Best effort: drags the sidebar's edge so tree rows fit in the screenshots. */
async function widenSidebar(page: Page): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const edge = { x: box.x + box.width + 1, y: box.y + box.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(edge.x + 160, edge.y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Clicks an action of the MoMo view's title bar. With one view in the container VS Code hides
 * the pane header and shows the actions in the sidebar's title instead, so look in both.
 */
async function clickViewTitleAction(page: Page, label: string): Promise<void> {
  const selector = `.action-label[aria-label^="${label}"]`;
  const action = page.locator(`.part.sidebar .title-actions ${selector}, ${MOMO_PANE} .pane-header .actions ${selector}`).first();
  await page.locator('.part.sidebar .composite.title').hover();
  await action.waitFor({ state: 'visible', timeout: 10_000 });
  await action.click();
}
