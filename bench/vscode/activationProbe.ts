/**
 * Loaded by VS Code as the window's extensionTestsPath, so it runs inside the extension host:
 * activates this extension and the do-nothing baseline (the one named in the workspace's
 * ORDER_FILE first), times each activation, then reads the activation times VS Code itself
 * recorded, from its "Developer: Startup Performance" report, and prints one line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { ActivationTimes, EMPTY_EXTENSION_ID, EXTENSION_ID, ORDER_FILE, ProbeReport, probeLine } from './probeProtocol';

const STARTUP_PERFORMANCE_SCHEME = 'perf';
/** The workbench is still restoring when the probe starts; activating then measures the contention. */
const SETTLE_MS = 2000;

export async function run(): Promise<void> {
  const order = firstFromWorkspace() === EMPTY_EXTENSION_ID ? [EMPTY_EXTENSION_ID, EXTENSION_ID] : [EXTENSION_ID, EMPTY_EXTENSION_ID];
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const undiciLoadedBefore = (process as unknown as { moduleLoadList: string[] }).moduleLoadList.some((m) => m.includes('undici'));
  const measured: Record<string, ActivationTimes> = {};
  for (const id of order) measured[id] = await timeActivation(id);

  let reportedError: string | undefined;
  try {
    const table = await readActivationTable();
    for (const id of order) measured[id].reported = table.get(id);
  } catch (err) {
    reportedError = err instanceof Error ? err.message : String(err);
  }
  const report: ProbeReport = {
    extension: measured[EXTENSION_ID],
    emptyExtension: measured[EMPTY_EXTENSION_ID],
    undiciLoadedBefore,
    hostMaxRssKb: process.resourceUsage().maxRSS,
    order: order.join(' then '),
    reportedError,
  };
  console.log(probeLine(report));
}

function firstFromWorkspace(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  try {
    return folder ? fs.readFileSync(path.join(folder, ORDER_FILE), 'utf8').trim() : undefined;
  } catch {
    return undefined;
  }
}

async function timeActivation(id: string): Promise<ActivationTimes> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded (extensionDevelopmentPath?)`);
  const wasActive = extension.isActive;
  const before = process.memoryUsage();
  const start = performance.now();
  await extension.activate();
  const probeMs = performance.now() - start;
  const after = process.memoryUsage();
  return { probeMs, wasActive, rssGrowthKb: (after.rss - before.rss) / 1024, heapGrowthKb: (after.heapUsed - before.heapUsed) / 1024 };
}

/**
 * The "Extension Activation Stats" table of VS Code's own startup report. Its rows read
 * `| id | eager | load code | call activate | finish activate | event | by |` (times in ms).
 * The report's document only exists once its command has run (the workbench creates its
 * provider lazily), and it is written once the workbench is fully up, hence the waiting.
 */
async function readActivationTable(): Promise<Map<string, NonNullable<ActivationTimes['reported']>>> {
  await vscode.commands.executeCommand('perfview.show');
  const rows = new Map<string, NonNullable<ActivationTimes['reported']>>();
  for (let attempt = 0; attempt < 20 && rows.size < 2; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    const document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === STARTUP_PERFORMANCE_SCHEME);
    for (const line of document?.getText().split('\n') ?? []) {
      const cells = line.split('|').map((cell) => cell.trim());
      if (cells.length < 8 || ![EXTENSION_ID, EMPTY_EXTENSION_ID].includes(cells[1])) continue;
      rows.set(cells[1], { loadCodeMs: Number(cells[3]), callActivateMs: Number(cells[4]), finishActivateMs: Number(cells[5]), event: cells[6] });
    }
  }
  if (rows.size < 2) throw new Error('the startup performance report did not list both extensions');
  return rows;
}
