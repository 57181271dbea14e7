// Runs the mocha suite in out/test/integration/ inside a real VS Code extension host:
// code-server on loopback, opened by headless Chromium with VS Code's web test payload.
// Usage: node out/test/runners/run-code-server-tests.js   (after `npm run build`)
// Env: MOMO_TEST_TIMEOUT_MS (default 10 min, per pass), MOMO_TEST_GREP, MOMO_TEST_VERBOSE, MOMO_KEEP_TEST_DIRS.
// Three passes: the whole suite in a trusted workspace, the Restricted Mode suite in an untrusted
// one, then the French suite with VS Code's display language set to French.
import * as path from 'path';
import { launchBrowser, saveScreenshot } from './browser';
import { installLanguagePack } from './language-pack';
import { startCodeServer, workbenchUrl } from './code-server';
import { formatDuration, onCleanup, runMain, withDeadline } from './lifecycle';
import { REPO_ROOT } from './paths';
import { Counts, formatCounts, parseSummaryLine } from './protocol';
import { createTestEnvironment, composeSettings, fixtureSettings, BASE_SETTINGS } from './test-environment';
import { printHostLog } from './host-log';

const TIMEOUT_MS = Number(process.env.MOMO_TEST_TIMEOUT_MS) || 10 * 60_000;
const TESTS_INDEX = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');

/**
 * Restricted Mode is a property of the whole window, so it gets a second code-server with
 * workspace trust on and the workspace left untrusted, running only the suites made for it.
 */
export const RESTRICTED_MODE_GREP = 'trust: in Restricted Mode';

/** The display language is fixed when code-server starts: French gets a code-server of its own too. */
export const FRENCH_GREP = 'l10n: in French';

interface Pass {
  label: string;
  restricted: boolean;
  grep?: string;
  /** code-server's --locale; default English. */
  locale?: string;
}

/** Whether the suite named by `suiteGrep` runs under MOMO_TEST_GREP (unset: every suite). */
function wanted(grep: string | undefined, suiteGrep: string): boolean {
  return !grep || suiteGrep.includes(grep) || grep.includes(suiteGrep);
}

async function main(): Promise<number> {
  const started = Date.now();
  const grep = process.env.MOMO_TEST_GREP;
  const passes: Pass[] = [];
  if (!grep?.includes(RESTRICTED_MODE_GREP) && !grep?.includes(FRENCH_GREP)) passes.push({ label: 'integration', restricted: false, grep });
  if (wanted(grep, RESTRICTED_MODE_GREP)) passes.push({ label: 'integration', restricted: true, grep: RESTRICTED_MODE_GREP });
  if (wanted(grep, FRENCH_GREP)) passes.push({ label: 'integration', restricted: false, grep: FRENCH_GREP, locale: 'fr' });
  let code = 0;
  for (const pass of passes) {
    const counts = await runPass(pass);
    code ||= counts.code;
    // Each pass prints its own line; CI adds them up.
    console.log(formatCounts(pass.label, counts));
  }
  console.log(`integration tests took ${formatDuration(Date.now() - started)}`);
  return code;
}

async function runPass(pass: Pass): Promise<Counts & { code: number }> {
  const trust = pass.restricted
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never', 'security.workspace.trust.untrustedFiles': 'open' }
    : undefined;
  const env = createTestEnvironment(composeSettings(BASE_SETTINGS, fixtureSettings(), trust));
  const name = pass.restricted ? 'integration-restricted' : pass.locale ? `integration-${pass.locale}` : 'integration';
  const cleanups: Array<() => Promise<void>> = [];
  // At the end of the pass, or at exit if the runner is stopped during it: whichever comes first.
  const cleanUp = (work: () => unknown): void => {
    let done: Promise<void> | undefined;
    const once = (): Promise<void> => (done ??= Promise.resolve().then(work).then(() => undefined));
    cleanups.unshift(once);
    onCleanup(once);
  };
  cleanUp(() => env.dispose());
  if (pass.locale) installLanguagePack(env, pass.locale);
  try {
    const server = await startCodeServer(env, name, { workspaceTrust: pass.restricted, env: { MOMO_TEST_GREP: pass.grep ?? '' }, locale: pass.locale });
    cleanUp(() => server.stop());
    const mode = pass.restricted ? ' (workspace trust on, workspace untrusted: Restricted Mode)' : pass.locale ? ` (display language ${pass.locale})` : '';
    console.log(`code-server ${server.baseUrl}${mode} (log: ${path.relative(REPO_ROOT, server.logFile)})`);
    const session = await launchBrowser();
    cleanUp(() => session.close());
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
      const shot = await saveScreenshot(page, `${name}-failure`).catch(() => undefined);
      if (shot) console.error(`screenshot: ${path.relative(REPO_ROOT, shot)}`);
      console.error(`code-server log: ${path.relative(REPO_ROOT, server.logFile)}`);
    }
    if (counts === undefined) {
      console.error('ERROR: the suite reported no results (did out/test/integration/index.js load?)');
      counts = { passed: 0, failed: 1, skipped: 0 };
      code = code || 1;
    }
    if (pass.restricted && (counts.passed === 0 || counts.skipped > 0)) {
      console.error('ERROR: the Restricted Mode suite did not run in full (was the workspace trusted?)');
      code = code || 1;
    }
    if (pass.locale && (counts.passed === 0 || counts.skipped > 0)) {
      console.error(`ERROR: the ${pass.grep} suite did not run in full (was the display language ${pass.locale}?)`);
      code = code || 1;
    }
    return { ...counts, code };
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

runMain(main);
