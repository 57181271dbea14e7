// The one line the mocha index inside the extension host prints for the runner to count.
// No `vscode` import here: the runners (plain Node) and the index (extension host) both use it.

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const SUMMARY_PREFIX = '[momo-test-summary] ';

export function summaryLine(counts: Counts): string {
  return SUMMARY_PREFIX + JSON.stringify(counts);
}

/** Finds a summary anywhere in a log line (the host may prefix what it forwards). */
export function parseSummaryLine(line: string): Counts | undefined {
  const at = line.indexOf(SUMMARY_PREFIX);
  if (at < 0) return undefined;
  const match = /^\{[^}]*\}/.exec(line.slice(at + SUMMARY_PREFIX.length));
  if (!match) return undefined;
  const value = JSON.parse(match[0]) as Partial<Counts>;
  return { passed: value.passed ?? 0, failed: value.failed ?? 0, skipped: value.skipped ?? 0 };
}

/** `label: N passed, N failed, N skipped` — the closing line CI reads. */
export function formatCounts(label: string, counts: Counts): string {
  return `${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}
