// What the activation probe (inside the extension host) reports to the bench (plain Node) as one
// console line, forwarded by the web workbench. No `vscode` import here: both sides use this file.

export const EXTENSION_ID = 'momodev.momo-credentials';
export const EMPTY_EXTENSION_ID = 'momo-bench.empty-extension';
/** A file in the window's workspace folder naming the extension to activate first. */
export const ORDER_FILE = '.momo-bench-first';
const PREFIX = '[momo-bench-activation] ';

export interface ActivationTimes {
  /** Measured by the probe around `await extension.activate()`. */
  probeMs: number;
  /** True when something had activated it before the probe: then probeMs means nothing. */
  wasActive: boolean;
  /** The extension host's RSS and heap growth across the activation, in KiB. */
  rssGrowthKb: number;
  heapGrowthKb: number;
  /** As VS Code reports them in "Developer: Startup Performance" (undefined if unreadable). */
  reported?: { loadCodeMs: number; callActivateMs: number; finishActivateMs: number; event: string };
}

export interface ProbeReport {
  extension: ActivationTimes;
  emptyExtension: ActivationTimes;
  /** Whether the host had loaded Node's undici (fetch) before the probe: axios's load then costs less. */
  undiciLoadedBefore: boolean;
  /** process.resourceUsage().maxRSS of the extension host at the end, in KiB. */
  hostMaxRssKb: number;
  order: string;
  /** Why `reported` is missing, when it is. */
  reportedError?: string;
}

export function probeLine(report: ProbeReport): string {
  return PREFIX + JSON.stringify(report);
}

export function parseProbeLine(line: string): ProbeReport | undefined {
  const at = line.indexOf(PREFIX);
  return at < 0 ? undefined : (JSON.parse(line.slice(at + PREFIX.length)) as ProbeReport);
}

/** The settings file the first-diagnostics probe opens: no activation event matches its name. */
export const DIAGNOSTICS_FILE = 'momo_config.py';
const DIAGNOSTICS_PREFIX = '[momo-bench-first-diagnostics] ';

export interface FirstDiagnosticsReport {
  /** From the start of `await extension.activate()` to the first MoMo diagnostic of the open file. */
  firstDiagnosticsMs: number;
  /** The part spent in `await extension.activate()`. */
  activateMs: number;
  diagnostics: number;
  wasActive: boolean;
}

export function firstDiagnosticsLine(report: FirstDiagnosticsReport): string {
  return DIAGNOSTICS_PREFIX + JSON.stringify(report);
}

export function parseFirstDiagnosticsLine(line: string): FirstDiagnosticsReport | undefined {
  const at = line.indexOf(DIAGNOSTICS_PREFIX);
  return at < 0 ? undefined : (JSON.parse(line.slice(at + DIAGNOSTICS_PREFIX.length)) as FirstDiagnosticsReport);
}
