// Runs the mocha suite in out/test/integration/ inside a real VS Code extension host:
// code-server on loopback, opened by headless Chromium with VS Code's web test payload.
// Usage: node out/test/runners/run-code-server-tests.js   (after `npm run build`)
// Env: MOMO_TEST_TIMEOUT_MS (default 10 min), MOMO_TEST_GREP, MOMO_TEST_VERBOSE, MOMO_KEEP_TEST_DIRS.
import * as path from 'path';
import { launchBrowser, saveScreenshot } from './browser';
import { startCodeServer, workbenchUrl } from './code-server';
import { formatDuration, onCleanup, runMain, withDeadline } from './lifecycle';
import { REPO_ROOT } from './paths';
import { Counts, formatCounts, parseSummaryLine } from './protocol';
import { createTestEnvironment, composeSettings, fixtureSettings, BASE_SETTINGS } from './test-environment';
import { printHostLog } from './host-log';

const TIMEOUT_MS = Number(process.env.MOMO_TEST_TIMEOUT_MS) || 10 * 60_000;
const TESTS_INDEX = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');

async function main(): Promise<number> {
  const started = Date.now();
  const env = createTestEnvironment(composeSettings(BASE_SETTINGS, fixtureSettings()));
  onCleanup(() => env.dispose());
  const server = await startCodeServer(env, 'integration');
  onCleanup(() => server.stop());
  console.log(`code-server ${server.baseUrl} (log: ${path.relative(REPO_ROOT, server.logFile)})`);
  const session = await launchBrowser();
  onCleanup(() => session.close());
  const { page } = session;

  let counts: Counts | undefined;
  const exitCode = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const line = printHostLog(type, args);
    counts = (line !== undefined && parseSummaryLine(line)) || counts;
  });

  await page.goto(workbenchUrl(server, { folder: env.workspace, extensionTestsPath: TESTS_INDEX }));
  let code: number;
  try {
    code = await withDeadline(exitCode, TIMEOUT_MS, `integration tests did not finish within ${formatDuration(TIMEOUT_MS)} (MOMO_TEST_TIMEOUT_MS)`);
  } catch (err) {
    console.error(`ERROR: ${(err as Error).message}`);
    code = 1;
  }
  if (code !== 0) {
    const shot = await saveScreenshot(page, 'integration-failure').catch(() => undefined);
    if (shot) console.error(`screenshot: ${path.relative(REPO_ROOT, shot)}`);
    console.error(`code-server log: ${path.relative(REPO_ROOT, server.logFile)}`);
  }
  if (counts === undefined) {
    console.error('ERROR: the suite reported no results (did out/test/integration/index.js load?)');
    counts = { passed: 0, failed: 1, skipped: 0 };
    code = code || 1;
  }
  console.log(`integration tests took ${formatDuration(Date.now() - started)}`);
  console.log(formatCounts('integration', counts));
  return code;
}

runMain(main);
