/**
 * Activation inside a real VS Code: code-server (installed by scripts/install-test-tools.js)
 * opened in headless Chromium with the bench's production build as the extension under development, the do-nothing
 * extension installed in the profile (the web workbench takes only one development path), and
 * bench/vscode/activationProbe.ts as the window's test runner.
 * Each window is a fresh extension host; the two extensions alternate in who activates first.
 * The numbers are VS Code's own (its startup performance report) plus the probe's timing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import { launchBrowser } from '../../test/runners/browser';
import { CodeServer, startCodeServer } from '../../test/runners/code-server';
import { onCleanup, withDeadline } from '../../test/runners/lifecycle';
import { CHROMIUM_PATH, CODE_SERVER_ENTRY } from '../../test/runners/paths';
import { BASE_SETTINGS, createTestEnvironment } from '../../test/runners/test-environment';
import type { ExtensionSnapshot } from '../lib/extensionSnapshot';
import { BENCH_OUT, EMPTY_EXTENSION_DIR, REPO_ROOT } from '../lib/paths';
import { formatMbFromKb, formatMs, formatRatio, Row, SectionResult, skippedRow } from '../lib/report';
import { median, ratio, summarize } from '../lib/stats';
import { EMPTY_EXTENSION_ID, EXTENSION_ID, ORDER_FILE, parseProbeLine, ProbeReport } from '../vscode/probeProtocol';

const AREA = 'Activation (code-server)';
const PROBE = path.join(BENCH_OUT, 'vscode', 'activationProbe.js');
const WINDOW_TIMEOUT_MS = 90_000;

export async function measureActivationInVsCode(snapshot: ExtensionSnapshot, windows: number): Promise<SectionResult> {
  const missing = ensureTools();
  if (missing) {
    return { rows: [skippedRow(AREA, 'activation reported by VS Code', missing)], data: { skipped: missing } };
  }
  const env = createTestEnvironment(BASE_SETTINGS);
  // Before code-server starts: it registers what it finds in a new extensions folder.
  fs.cpSync(EMPTY_EXTENSION_DIR, path.join(env.extensionsDir, 'momo-bench.empty-extension-0.0.0'), { recursive: true });
  // A folder with no settings file, so that nothing (workspaceContains:**/settings.py) activates
  // the extension before the probe does.
  const workspace = path.join(env.root, 'bench-workspace');
  fs.mkdirSync(workspace);
  let server: CodeServer | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  try {
    server = await startCodeServer(env, 'bench');
    // Also on Ctrl-C: code-server runs in its own process group and would outlive the bench.
    const stopServer = server.stop;
    onCleanup(() => stopServer());
    const session = await launchBrowser();
    closeBrowser = session.close;
    onCleanup(() => session.close());
    const { page } = session;

    let report: ProbeReport | undefined;
    let onExit: (code: number) => void = () => undefined;
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (process.env.MOMO_BENCH_DEBUG) console.error(`[host ${new Date().toISOString().slice(11, 19)}]`, line);
      report = parseProbeLine(line) ?? report;
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => onExit(code));

    const reports: ProbeReport[] = [];
    for (let i = 0; i < windows; i++) {
      const windowStart = Date.now();
      report = undefined;
      const exited = new Promise<number>((resolve) => (onExit = resolve));
      fs.writeFileSync(path.join(workspace, ORDER_FILE), i % 2 ? EMPTY_EXTENSION_ID : EXTENSION_ID);
      await page.goto(probeUrl(server, snapshot.dir, workspace));
      const code = await withDeadline(exited, WINDOW_TIMEOUT_MS, `the activation probe did not finish within ${WINDOW_TIMEOUT_MS / 1000} s`);
      if (code !== 0 || !report) throw new Error(`the activation probe failed (exit ${code}); see ${server.logFile}`);
      reports.push(report);
      process.stderr.write(` [window ${i + 1}/${windows} ${((Date.now() - windowStart) / 1000).toFixed(0)} s]`);
    }
    return summarizeReports(reports);
  } finally {
    await closeBrowser?.();
    await server?.stop();
    env.dispose();
  }
}

/** Undefined when code-server and Chromium are there (installing them if needed), else why not. */
function ensureTools(): string | undefined {
  if (fs.existsSync(CODE_SERVER_ENTRY) && fs.existsSync(CHROMIUM_PATH)) return undefined;
  console.error('bench: code-server or Chromium missing, running node scripts/install-test-tools.js');
  const install = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'install-test-tools.js')], { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (install.status === 0 && fs.existsSync(CODE_SERVER_ENTRY) && fs.existsSync(CHROMIUM_PATH)) return undefined;
  return 'code-server/Chromium could not be installed (scripts/install-test-tools.js failed)';
}

/** A workbench URL that loads the extension folder as the extension under development and runs the probe. */
function probeUrl(server: CodeServer, extensionDir: string, folder: string): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionTestsPath', remote(PROBE)],
    ['skipWelcome', 'true'],
  ];
  return `${server.baseUrl}/?${new URLSearchParams({ folder, payload: JSON.stringify(payload) }).toString()}`;
}

function summarizeReports(reports: ProbeReport[]): SectionResult {
  const reported = (r: ProbeReport['extension']) => (r.reported ? r.reported.loadCodeMs + r.reported.callActivateMs : NaN);
  const oursReported = reports.map((r) => reported(r.extension)).filter(Number.isFinite);
  const emptyReported = reports.map((r) => reported(r.emptyExtension)).filter(Number.isFinite);
  const oursProbe = reports.map((r) => r.extension.probeMs);
  const emptyProbe = reports.map((r) => r.emptyExtension.probeMs);
  const oursRss = median(reports.map((r) => r.extension.rssGrowthKb));
  const emptyRss = median(reports.map((r) => r.emptyExtension.rssGrowthKb));
  const hostMaxRss = median(reports.map((r) => r.hostMaxRssKb));
  const activeBefore = reports.some((r) => r.extension.wasActive || r.emptyExtension.wasActive);
  const reportedError = reports.find((r) => r.reportedError)?.reportedError;
  const first = reports.find((r) => r.extension.reported)?.extension.reported;

  const rows: Row[] = [
    {
      area: AREA,
      measurement: 'VS Code reported: load code + call activate',
      result: oursReported.length ? formatMs(median(oursReported)) : 'n/a',
      baseline: emptyReported.length ? `${formatMs(median(emptyReported))} (empty extension)` : undefined,
      ratio: formatRatio(ratio(median(oursReported), median(emptyReported))),
      note:
        (oursReported.length
          ? `load ${formatMs(median(reports.map((r) => r.extension.reported?.loadCodeMs ?? NaN)))}, activate ${formatMs(median(reports.map((r) => r.extension.reported?.callActivateMs ?? NaN)))}, event ${first?.event ?? '?'}; `
          : `not readable: ${reportedError}; `) +
        `${reports.length} windows` +
        (activeBefore ? '; WARNING: already active before the probe' : ''),
    },
    {
      area: AREA,
      measurement: 'probe: await extension.activate()',
      result: formatMs(median(oursProbe)),
      baseline: `${formatMs(median(emptyProbe))} (empty extension)`,
      ratio: formatRatio(ratio(median(oursProbe), median(emptyProbe))),
      note: 'includes the round trip through the extension host\'s activation machinery',
    },
    {
      area: 'Peak memory',
      measurement: 'extension host: RSS growth across activate()',
      result: formatMbFromKb(oursRss),
      baseline: `${formatMbFromKb(emptyRss)} (empty extension)`,
      note: `extension host peak RSS ${formatMbFromKb(hostMaxRss)} (VS Code's own included)`,
    },
  ];
  return {
    rows,
    data: {
      windows: reports.length,
      reportedMs: { extension: summarize(oursReported), emptyExtension: summarize(emptyReported) },
      probeMs: { extension: summarize(oursProbe), emptyExtension: summarize(emptyProbe) },
      rssGrowthKb: { extension: summarize(reports.map((r) => r.extension.rssGrowthKb)), emptyExtension: summarize(reports.map((r) => r.emptyExtension.rssGrowthKb)) },
      hostMaxRssKb: summarize(reports.map((r) => r.hostMaxRssKb)),
      reports,
    },
  };
}
