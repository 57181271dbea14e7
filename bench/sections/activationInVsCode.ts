/**
 * Activation inside a real VS Code: code-server (installed by scripts/install-test-tools.js)
 * opened in headless Chromium, with the bench's production build as the extension under
 * development, the do-nothing extension installed in the profile (the web workbench takes only
 * one development path), and bench/vscode/activationProbe.ts as the window's test runner.
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
import { formatMbFromKb, formatMs, formatRatio, medianAndBest, Row, SectionResult, skippedRow } from '../lib/report';
import { ratio, summarize } from '../lib/stats';
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
  onCleanup(() => env.dispose()); // Ctrl-C; the normal path disposes it below
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
      if (code !== 0 || !report) {
        throw new Error(`the activation probe failed (exit ${code}); MOMO_BENCH_DEBUG=1 shows the extension host's output, ${server.logFile} code-server's`);
      }
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
  const reportedMs = (times: ProbeReport['extension']) => (times.reported ? times.reported.loadCodeMs + times.reported.callActivateMs : NaN);
  const finite = (values: number[]) => values.filter(Number.isFinite);
  const oursReported = summarize(finite(reports.map((r) => reportedMs(r.extension))));
  const emptyReported = summarize(finite(reports.map((r) => reportedMs(r.emptyExtension))));
  const oursLoad = summarize(finite(reports.map((r) => r.extension.reported?.loadCodeMs ?? NaN)));
  const oursCall = summarize(finite(reports.map((r) => r.extension.reported?.callActivateMs ?? NaN)));
  const oursProbe = summarize(reports.map((r) => r.extension.probeMs));
  const emptyProbe = summarize(reports.map((r) => r.emptyExtension.probeMs));
  const oursRss = summarize(reports.map((r) => r.extension.rssGrowthKb));
  const emptyRss = summarize(reports.map((r) => r.emptyExtension.rssGrowthKb));
  const hostMaxRss = summarize(reports.map((r) => r.hostMaxRssKb));
  const activeBefore = reports.some((r) => r.extension.wasActive || r.emptyExtension.wasActive);
  const reportedError = reports.find((r) => r.reportedError)?.reportedError;
  const warning = activeBefore ? '; WARNING: something activated an extension before the probe' : '';

  const rows: Row[] = [
    {
      area: AREA,
      measurement: 'VS Code reported: load code + call activate',
      result: oursReported.samples.length ? medianAndBest(oursReported) : 'n/a',
      baseline: emptyReported.samples.length ? `${medianAndBest(emptyReported)} empty extension` : undefined,
      // VS Code reports whole milliseconds: an empty extension's "0" means under 1 ms.
      ratio: emptyReported.best === 0 ? `> ${formatRatio(oursReported.best)}` : formatRatio(ratio(oursReported.best, emptyReported.best)),
      note: oursReported.samples.length
        ? `best: load code ${formatMs(oursLoad.best)}, call activate ${formatMs(oursCall.best)}; VS Code reports whole ms; ` +
          `undici loaded before: ${reports.every((r) => r.undiciLoadedBefore) ? 'yes' : reports.some((r) => r.undiciLoadedBefore) ? 'sometimes' : 'no'}; ${reports.length} windows${warning}`
        : `VS Code's report was not readable: ${reportedError}${warning}`,
    },
    {
      area: AREA,
      measurement: 'probe: await extension.activate()',
      result: medianAndBest(oursProbe),
      baseline: `${medianAndBest(emptyProbe)} empty extension`,
      ratio: formatRatio(ratio(oursProbe.best, emptyProbe.best)),
      note: 'also waits for the workbench, which is still busy loading',
    },
    {
      area: 'Peak memory',
      measurement: 'extension host: RSS growth across activate()',
      result: formatMbFromKb(oursRss.median),
      baseline: `${formatMbFromKb(emptyRss.median)} empty extension`,
      note: `extension host peak RSS ${formatMbFromKb(hostMaxRss.median)}, VS Code's own included; RSS moves with GC`,
    },
  ];
  return {
    rows,
    data: {
      windows: reports.length,
      reportedMs: { extension: oursReported, emptyExtension: emptyReported, loadCode: oursLoad, callActivate: oursCall },
      probeMs: { extension: oursProbe, emptyExtension: emptyProbe },
      rssGrowthKb: { extension: oursRss, emptyExtension: emptyRss },
      hostMaxRssKb: hostMaxRss,
      reports,
    },
  };
}
