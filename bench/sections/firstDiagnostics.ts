/**
 * Time from activate() to the first MoMo diagnostics of a settings file, in code-server: the
 * split build (the settings chunk, dist/settings.js, without axios and the MoMo client) against
 * the single-chunk build (the settings checks load with the commands, axios included, as before
 * the split), alternating window by window in the same code-server. Each window is a fresh
 * extension host that opens the file, then activates the extension (bench/vscode/diagnosticsProbe.ts).
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { buildScript } from '../lib/buildScript';
import { BENCH_OUT, REPO_ROOT } from '../lib/paths';
import { formatKb, formatRatio, medianAndBest, Row, SectionResult, skippedRow } from '../lib/report';
import { ratio, summarize } from '../lib/stats';
import { DIAGNOSTICS_FILE, parseFirstDiagnosticsLine, type FirstDiagnosticsReport } from '../vscode/probeProtocol';
import { ensureTools, withProbeSession } from '../vscode/probeWindows';

const AREA = 'Activation (code-server)';
const PROBE = path.join(BENCH_OUT, 'vscode', 'diagnosticsProbe.js');
type Build = 'split' | 'single';
/** The settings chunk with everything the commands need: the one lazily loaded file of before. */
const SINGLE_CHUNK = "export * from './src/vscode/settingsChunk';\nexport * from './src/vscode/features';\n";
const SETTINGS_FILE_TEXT = [
  'import os',
  '',
  'MOMO_SUBSCRIPTION_KEY = os.environ.get("MOMO_SUBSCRIPTION_KEY", "")',
  'MOMO_API_USER = "your-api-user-id"',
  'MOMO_API_KEY = "your-api-key"',
  'MOMO_TARGET_ENVIRONMENT = "sandbox"',
  '',
].join('\n');

export async function measureFirstDiagnostics(windowsPerBuild: number): Promise<SectionResult> {
  const missing = ensureTools();
  if (missing) {
    return { rows: [skippedRow(AREA, 'activate() → first diagnostics of a settings file', missing)], data: { skipped: missing } };
  }
  const builds = { split: await buildVariant('split'), single: await buildVariant('single') };
  let workspace = '';
  const prepare = (env: { root: string }) => {
    workspace = path.join(env.root, 'bench-settings-workspace');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, DIAGNOSTICS_FILE), SETTINGS_FILE_TEXT);
  };
  const reports: Record<Build, FirstDiagnosticsReport[]> = { split: [], single: [] };
  await withProbeSession(PROBE, parseFirstDiagnosticsLine, prepare, async ({ runWindow }) => {
    for (let i = 0; i < 2 * windowsPerBuild; i++) {
      const build: Build = i % 2 ? 'single' : 'split';
      const windowStart = Date.now();
      reports[build].push(await runWindow(builds[build].dir, workspace));
      process.stderr.write(` [${build} ${Math.floor(i / 2) + 1}/${windowsPerBuild} ${((Date.now() - windowStart) / 1000).toFixed(0)} s]`);
    }
  });

  const times = (build: Build) => summarize(reports[build].map((r) => r.firstDiagnosticsMs));
  const split = times('split');
  const single = times('single');
  const activeBefore = [...reports.split, ...reports.single].some((r) => r.wasActive);
  const rows: Row[] = [
    {
      area: AREA,
      measurement: 'activate() → first MoMo diagnostics of a settings file: split chunks',
      result: medianAndBest(split),
      baseline: `${medianAndBest(single)} single chunk`,
      ratio: formatRatio(ratio(split.best, single.best)),
      note:
        `loads dist/settings.js ${formatKb(builds.split.settingsBytes)} against ${formatKb(builds.single.settingsBytes)} with axios and the commands; ` +
        `both include the diagnostics' 50 ms open debounce; ${windowsPerBuild} windows each, alternating${activeBefore ? '; WARNING: the extension was active before the probe' : ''}`,
    },
  ];
  return { rows, data: { windowsPerBuild, firstDiagnosticsMs: { split, single }, settingsBytes: { split: builds.split.settingsBytes, single: builds.single.settingsBytes }, reports } };
}

/** An extension folder with production bundles: the split chunks, or the settings chunk merged with the commands. */
async function buildVariant(build: Build): Promise<{ dir: string; settingsBytes: number }> {
  const dir = path.join(BENCH_OUT, `chunks-${build}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const dist = path.join(dir, 'dist');
  const options = { ...buildScript.bundleOptions({ production: true }), absWorkingDir: REPO_ROOT, logLevel: 'error' as const };
  const lazy = buildScript.entries.filter((e) => ['extension', 'features', 'settings', 'json'].includes(e.out) && (build === 'split' || !['settings', 'json'].includes(e.out)));
  for (const entry of lazy) {
    await esbuild.build({ ...buildScript.bundleOptions({ production: true, entry }), absWorkingDir: REPO_ROOT, logLevel: 'error', entryPoints: [{ in: entry.in, out: entry.out }], outdir: dist });
  }
  if (build === 'single') {
    await esbuild.build({ ...options, stdin: { contents: SINGLE_CHUNK, resolveDir: REPO_ROOT, loader: 'ts' }, outfile: path.join(dist, 'settings.js') });
  }
  fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(dir, 'package.json'));
  fs.cpSync(path.join(REPO_ROOT, 'media'), path.join(dir, 'media'), { recursive: true });
  return { dir, settingsBytes: fs.statSync(path.join(dist, 'settings.js')).size };
}
