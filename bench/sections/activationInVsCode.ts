/**
 * Activation inside a real VS Code: code-server (installed by scripts/install-test-tools.js)
 * opened in headless Chromium, with the bench's production build as the extension under
 * development, the do-nothing extension installed in the profile (the web workbench takes only
 * one development path), and bench/vscode/activationProbe.ts as the window's test runner.
 * Each window is a fresh extension host; the two extensions alternate in who activates first.
 * The numbers are VS Code's own (its startup performance report) plus the probe's timing.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ExtensionSnapshot } from '../lib/extensionSnapshot';
import { BENCH_OUT, EMPTY_EXTENSION_DIR } from '../lib/paths';
import { formatMbFromKb, formatMs, formatRatio, medianAndBest, Row, SectionResult, skippedRow } from '../lib/report';
import { ratio, summarize } from '../lib/stats';
import { ensureTools, withProbeSession } from '../vscode/probeWindows';
import { EMPTY_EXTENSION_ID, EXTENSION_ID, ORDER_FILE, parseProbeLine, ProbeReport } from '../vscode/probeProtocol';

const AREA = 'Activation (code-server)';
const PROBE = path.join(BENCH_OUT, 'vscode', 'activationProbe.js');

export async function measureActivationInVsCode(snapshot: ExtensionSnapshot, windows: number): Promise<SectionResult> {
  const missing = ensureTools();
  if (missing) {
    return { rows: [skippedRow(AREA, 'activation reported by VS Code', missing)], data: { skipped: missing } };
  }
  let workspace = '';
  const prepare = (env: { root: string; extensionsDir: string }) => {
    fs.cpSync(EMPTY_EXTENSION_DIR, path.join(env.extensionsDir, 'momo-bench.empty-extension-0.0.0'), { recursive: true });
    // A folder with no settings file, so that nothing (workspaceContains:**/settings.py) activates
    // the extension before the probe does.
    workspace = path.join(env.root, 'bench-workspace');
    fs.mkdirSync(workspace);
  };
  return withProbeSession(PROBE, parseProbeLine, prepare, async ({ runWindow }) => {
    const reports: ProbeReport[] = [];
    for (let i = 0; i < windows; i++) {
      const windowStart = Date.now();
      fs.writeFileSync(path.join(workspace, ORDER_FILE), i % 2 ? EMPTY_EXTENSION_ID : EXTENSION_ID);
      reports.push(await runWindow(snapshot.dir, workspace));
      process.stderr.write(` [window ${i + 1}/${windows} ${((Date.now() - windowStart) / 1000).toFixed(0)} s]`);
    }
    return summarizeReports(reports);
  });
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
