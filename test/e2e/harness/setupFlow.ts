// The five-action path of issue 11, as a person takes it from a fresh profile: open the MoMo
// view, click "Set Up MoMo", paste the subscription key, confirm the settings file, click
// "Send Test Payment", and see SUCCESSFUL. Every user action (click, paste, Enter, typed
// command) goes through `act`, which counts it and saves a screenshot after it; the module
// asserts the count. Shared by setup.e2e.ts and the emulator variant without account holder.
import { execFileSync } from 'child_process';
import * as path from 'path';
import type { E2EContext } from './context';
import { screenshot, waitForText } from './ui';

export const MAX_ACTIONS = 5;
const SETTINGS = 'mysite/settings.py';
const QUICK_INPUT_BOX = '.quick-input-widget .quick-input-box input';

export interface SetupFlowOutcome {
  actions: string[];
  screenshots: string[];
  settings: Record<string, string>;
}

export async function runSetupFlow(ctx: E2EContext, prefix: string): Promise<SetupFlowOutcome> {
  const { page, log, emulator, workspace } = ctx;
  if (!emulator) throw new Error('no emulator');
  const key = emulator.subscriptionKeys.collection.primary;
  const actions: string[] = [];
  const screenshots: string[] = [];
  const act = async (name: string, action: () => Promise<void>, then?: () => Promise<void>): Promise<void> => {
    await action();
    actions.push(name);
    await then?.();
    const shot = await screenshot(page, `${prefix}-${actions.length}-${name.replace(/\s+/g, '-')}`);
    screenshots.push(shot);
    log(`action ${actions.length}: ${name} (screenshot ${path.basename(shot)})`);
  };

  await act('click the MoMo icon', () => page.locator('.part.activitybar .action-item a.action-label[aria-label^="MoMo"]').first().click(), () =>
    waitForText(page, 'No MoMo credentials are stored yet', 30_000),
  );
  await act('click Set Up MoMo', () => page.locator('.welcome-view-content .monaco-button', { hasText: 'Set Up MoMo' }).first().click(), () =>
    page.locator(QUICK_INPUT_BOX).waitFor({ state: 'visible' }),
  );
  // A paste is one input event carrying the whole key: insertText does exactly that.
  await act('paste the subscription key', () => page.keyboard.insertText(key), () =>
    page.locator('.quick-input-widget .monaco-list-row', { hasText: SETTINGS }).first().waitFor({ state: 'visible', timeout: 60_000 }),
  );
  await act('confirm the settings file', () => page.locator('.quick-input-widget .monaco-list-row', { hasText: SETTINGS }).first().click(), () =>
    page.locator('.notification-toast .monaco-button', { hasText: 'Send Test Payment' }).first().waitFor({ state: 'visible', timeout: 60_000 }),
  );
  await act('click Send Test Payment', () => page.locator('.notification-toast .monaco-button', { hasText: 'Send Test Payment' }).first().click(), async () => {
    await waitForText(page, 'SUCCESSFUL:', 60_000);
    // The finished progress toast fades out: the screenshot shows the outcome only.
    await page.locator('.notification-toast', { hasText: 'reading its status' }).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  });

  const body = await page.locator('body').innerText();
  if (body.includes(key)) throw new Error('the subscription key is visible somewhere in the window');
  const settings = readSettings(path.join(workspace, SETTINGS));
  return { actions, screenshots, settings };
}

/** Runs the written settings.py with Python itself: it must parse and hold the values. */
function readSettings(file: string): Record<string, string> {
  const script = [
    'import json, runpy, sys',
    'g = runpy.run_path(sys.argv[1])',
    'print(json.dumps({k: g.get(k) for k in ["MOMO_API_USER", "MOMO_API_KEY", "MOMO_SUBSCRIPTION_KEY"]}))',
  ].join('\n');
  const out = execFileSync('python3', ['-c', script, file], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });
  return JSON.parse(out) as Record<string, string>;
}

/** The checks both variants share: at most five actions, and a settings.py that runs with the stored values. */
export function checkOutcome(ctx: E2EContext, outcome: SetupFlowOutcome): void {
  const { emulator, log } = ctx;
  if (!emulator) throw new Error('no emulator');
  log(`${outcome.actions.length} user actions from the view to SUCCESSFUL: ${outcome.actions.join(' → ')}`);
  if (outcome.actions.length > MAX_ACTIONS) throw new Error(`${outcome.actions.length} user actions, more than ${MAX_ACTIONS}`);
  const { MOMO_API_USER: apiUser, MOMO_API_KEY: apiKey, MOMO_SUBSCRIPTION_KEY: subscriptionKey } = outcome.settings;
  if (!/^[0-9a-f-]{36}$/.test(apiUser ?? '')) throw new Error('settings.py has no API user id');
  if (!/^[0-9a-f]{32}$/.test(apiKey ?? '')) throw new Error('settings.py has no API key');
  if (subscriptionKey !== emulator.subscriptionKeys.collection.primary) throw new Error('settings.py does not hold the subscription key');
  const paid = emulator.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/collection/v1_0/requesttopay'));
  if (paid.length !== 1) throw new Error(`${paid.length} requests to pay reached the emulator, expected 1`);
  log('settings.py runs under python3 and holds the API user, its key and the subscription key');
}
