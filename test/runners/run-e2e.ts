// Drives the real VS Code UI in headless Chromium: runs every out/test/e2e/**/*.e2e.js module
// (see test/e2e/harness/context.ts) against code-server with this repo's extension loaded and,
// once it is built, the MoMo emulator behind `momo.sandbox.baseUrl`.
// Usage: node out/test/runners/run-e2e.js   (after `npm run build`)
// Env: MOMO_E2E_GREP (file-name filter), MOMO_E2E_TIMEOUT_MS (per module, default 3 min),
//      MOMO_E2E_RETRIES (attempts after a failure, default 1),
//      MOMO_TEST_TIMEOUT_MS (whole run, default 20 min), MOMO_TEST_VERBOSE, MOMO_KEEP_TEST_DIRS.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { RunningEmulator } from '../../src/emulator/types';
import { E2EContext, E2EModule, SkipError } from '../e2e/harness/context';
import { E2E_ARTIFACTS_DIR, screenshot, waitForCommand, waitForWorkbench } from '../e2e/harness/ui';
import { BrowserSession, launchBrowser } from './browser';
import { CodeServer, startCodeServer, workbenchUrl } from './code-server';
import { emulatorAvailable, startTestEmulator } from './emulator';
import { formatDuration, onCleanup, runMain, withDeadline } from './lifecycle';
import { installLanguagePack } from './language-pack';
import { REPO_ROOT } from './paths';
import { Counts, formatCounts } from './protocol';
import { BASE_SETTINGS, TestEnvironment, composeSettings, createTestEnvironment, fixtureSettings } from './test-environment';

const E2E_DIR = path.join(REPO_ROOT, 'out', 'test', 'e2e');
const MODULE_TIMEOUT_MS = Number(process.env.MOMO_E2E_TIMEOUT_MS) || 3 * 60_000;
const RUN_TIMEOUT_MS = Number(process.env.MOMO_TEST_TIMEOUT_MS) || 20 * 60_000;
/** Further attempts for a failed module (MOMO_E2E_RETRIES, default 1; 0 for none). */
const RETRIES = Math.max(0, Math.min(3, Number(process.env.MOMO_E2E_RETRIES ?? 1) || 0));
const READY_COMMAND = firstCommandTitle();

async function main(): Promise<number> {
  const started = Date.now();
  const files = findModules();
  if (files.length === 0) throw new Error(`no e2e modules (*.e2e.js) under ${path.relative(REPO_ROOT, E2E_DIR)}`);
  fs.rmSync(E2E_ARTIFACTS_DIR, { recursive: true, force: true });

  const emulator = await startEmulatorIfBuilt();
  const settings = composeSettings(
    BASE_SETTINGS,
    fixtureSettings(),
    emulator && { 'momo.sandbox.baseUrl': emulator.url },
  );
  const env = createTestEnvironment(settings);
  onCleanup(() => env.dispose());
  const server = await startCodeServer(env, 'e2e');
  onCleanup(() => server.stop());
  console.log(`code-server ${server.baseUrl} (log: ${path.relative(REPO_ROOT, server.logFile)})`);
  const browser = await launchBrowser();
  onCleanup(browser.close);

  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  const base = { baseUrl: server.baseUrl, artifactsDir: E2E_ARTIFACTS_DIR, emulator, emulatorUrl: emulator?.url };
  const all = runAll(files, base, browser, server, env, counts);
  await withDeadline(all, RUN_TIMEOUT_MS, `e2e run did not finish within ${formatDuration(RUN_TIMEOUT_MS)} (MOMO_TEST_TIMEOUT_MS)`).catch(
    (err: Error) => {
      console.error(`ERROR: ${err.message}`);
      counts.failed += 1;
    },
  );
  console.log(`e2e tests took ${formatDuration(Date.now() - started)}; screenshots in ${path.relative(REPO_ROOT, E2E_ARTIFACTS_DIR)}/`);
  console.log(formatCounts('e2e', counts));
  return counts.failed > 0 ? 1 : 0;
}

type BaseContext = Omit<E2EContext, 'log' | 'workspace' | 'page'>;

type Outcome = { kind: 'passed' } | { kind: 'skipped'; reason: string } | { kind: 'failed' };

async function runAll(files: string[], base: BaseContext, browser: BrowserSession, server: CodeServer, env: TestEnvironment, counts: Counts): Promise<void> {
  for (const file of files) {
    const name = path.relative(E2E_DIR, file).replace(/\.e2e\.js$/, '');
    const loaded = require(file) as Partial<E2EModule>;
    console.log(`\n  ${loaded.title ?? name}`);
    const started = Date.now();
    let outcome = await runOnce(name, loaded, base, browser, server, env.newWorkspace(name));
    let attempts = 1;
    // A browser driving a workbench on a shared machine misses a beat now and then: one more go,
    // from nothing, with the first failure printed above so it is never hidden.
    for (let retry = 1; outcome.kind === 'failed' && retry <= RETRIES; retry += 1) {
      console.log(`    ↻ attempt ${retry + 1} of ${RETRIES + 1}, in a fresh window and workspace`);
      outcome = await runOnce(name, loaded, base, browser, server, env.newWorkspace(`${name}-attempt-${retry + 1}`));
      attempts += 1;
    }
    if (outcome.kind === 'passed') {
      counts.passed += 1;
      const note = attempts > 1 ? `, on attempt ${attempts}: see the failure above` : '';
      console.log(`    ✔ passed (${formatDuration(Date.now() - started)}${note})`);
    } else if (outcome.kind === 'skipped') {
      counts.skipped += 1;
      console.log(`    - skipped: ${outcome.reason}`);
    } else {
      counts.failed += 1;
    }
  }
}

/** One attempt at a module on a fresh browser context; failures are printed with a screenshot. */
async function runOnce(
  name: string,
  loaded: Partial<E2EModule>,
  base: BaseContext,
  browser: BrowserSession,
  server: CodeServer,
  workspace: string,
): Promise<Outcome> {
  // Nothing of the previous module's window (globalState, secrets, editors) reaches this one.
  const page = await browser.freshPage();
  if (process.env.MOMO_TEST_VERBOSE) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  const ctx: E2EContext = { ...base, page, workspace, log: (message) => console.log(`    ${message}`) };
  let own: OwnProfile | undefined;
  try {
    if (typeof loaded.run !== 'function') throw new Error(`${name}.e2e.js does not export run(ctx)`);
    if (loaded.freshProfile) {
      own = await startOwnProfile(name, loaded.freshProfile);
      Object.assign(ctx, { baseUrl: own.server.baseUrl, workspace: own.env.workspace, emulator: own.emulator, emulatorUrl: own.emulator.url });
    }
    await openWorkbench(page, own?.server ?? server, ctx.workspace);
    await withDeadline(loaded.run(ctx), MODULE_TIMEOUT_MS, `did not finish within ${formatDuration(MODULE_TIMEOUT_MS)}`);
    return { kind: 'passed' };
  } catch (err) {
    if (err instanceof SkipError) return { kind: 'skipped', reason: err.message };
    console.log(`    ✖ FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const shot = await screenshot(page, `${name}-failure`).catch(() => undefined);
    if (shot) console.log(`    screenshot: ${path.relative(REPO_ROOT, shot)}`);
    return { kind: 'failed' };
  } finally {
    await own?.stop();
  }
}

interface OwnProfile {
  env: TestEnvironment;
  server: CodeServer;
  emulator: RunningEmulator;
  stop(): Promise<void>;
}

/** A module's own emulator, profile and code-server (see E2EModule.freshProfile). */
async function startOwnProfile(name: string, options: NonNullable<E2EModule['freshProfile']>): Promise<OwnProfile> {
  const emulator = await startTestEmulator();
  options.prepareEmulator?.(emulator);
  const env = createTestEnvironment(composeSettings(BASE_SETTINGS, fixtureSettings(), { 'momo.sandbox.baseUrl': emulator.url }));
  if (options.locale) installLanguagePack(env, options.locale);
  const server = await startCodeServer(env, `e2e-${name.replace(/[^\w.-]+/g, '-')}`, { locale: options.locale }).catch(async (err: unknown) => {
    env.dispose();
    await emulator.close();
    throw err;
  });
  return {
    env,
    server,
    emulator,
    async stop() {
      await server.stop();
      await emulator.close();
      env.dispose();
    },
  };
}

/**
 * A fresh workbench per module, so one module's editors and panels don't leak into the next.
 * Ready means the extension's contributions are loaded: the palette lists its first command.
 */
async function openWorkbench(page: Page, server: CodeServer, workspace: string): Promise<void> {
  await page.goto(workbenchUrl(server, { folder: workspace }));
  await waitForWorkbench(page);
  await waitForCommand(page, READY_COMMAND);
}

/** e.g. "MoMo: Show Log": the first command in package.json, as the palette shows it. */
function firstCommandTitle(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes?: { commands?: Array<{ title: string; category?: string }> };
  };
  const command = manifest.contributes?.commands?.[0];
  if (!command) throw new Error('package.json contributes no command to wait for');
  // The titles are %keys% of package.nls.json, which the runners' English workbench shows.
  const english = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = (value: string): string => english[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;
  return command.category ? `${text(command.category)}: ${text(command.title)}` : text(command.title);
}

async function startEmulatorIfBuilt(): Promise<RunningEmulator | undefined> {
  if (!emulatorAvailable()) {
    console.log('MoMo emulator not built (out/src/emulator/server.js): e2e runs without it');
    return undefined;
  }
  const emulator = await startTestEmulator();
  onCleanup(() => emulator.close());
  console.log(`MoMo emulator ${emulator.url} (momo.sandbox.baseUrl)`);
  return emulator;
}

function findModules(): string[] {
  if (!fs.existsSync(E2E_DIR)) return [];
  const grep = process.env.MOMO_E2E_GREP;
  return fs
    .readdirSync(E2E_DIR, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.e2e.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !grep || file.includes(grep))
    .sort();
}

runMain(main);
