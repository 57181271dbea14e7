/** The rows every section returns, and their Markdown table (printed, and saved for the README). */
import type { Summary } from './stats';

export interface Row {
  area: string;
  measurement: string;
  result: string;
  /** The same-run baseline this result is compared with. */
  baseline?: string;
  ratio?: string;
  /** The goal from the issue, e.g. "≤ 120 KB"; `met` says whether this run meets it. */
  target?: string;
  met?: boolean;
  note?: string;
}

export interface SectionResult {
  rows: Row[];
  /** Raw numbers (medians, samples, sizes) for the JSON file. */
  data: Record<string, unknown>;
}

const COLUMNS: Array<[keyof Row, string]> = [
  ['area', 'Area'],
  ['measurement', 'Measurement'],
  ['result', 'Result'],
  ['baseline', 'Same-run baseline'],
  ['ratio', 'Ratio'],
  ['target', 'Target'],
  ['note', 'Note'],
];

export function markdownTable(rows: Row[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [`| ${COLUMNS.map(([, title]) => title).join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const values = COLUMNS.map(([key]) => {
      if (key === 'target' && row.target) return `${row.target} ${row.met === undefined ? '' : row.met ? '✅' : '❌'}`.trim();
      return String(row[key] ?? '');
    });
    lines.push(`| ${values.map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 0.1) return `${ms.toFixed(2)} ms`;
  const us = ms * 1000;
  return us >= 10 ? `${us.toFixed(1)} µs` : `${us.toFixed(3)} µs`;
}

/** Sizes in KB of 1024 bytes, as esbuild prints them. */
export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function formatMbFromKb(kb: number): string {
  return `${(kb / 1024).toFixed(1)} MB`;
}

/** "21.3 ms (best 6.11 ms)": the median, and the fastest run that CPU-bound ratios are based on. */
export function medianAndBest(summary: Summary): string {
  return `${formatMs(summary.median)} (best ${formatMs(summary.best)})`;
}

export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  // Two significant digits below 0.01 (a keystroke against a whole-file scan), not "0.00×".
  return `${value >= 10 ? value.toFixed(0) : value >= 0.01 || value === 0 ? value.toFixed(2) : value.toPrecision(2)}×`;
}

export function skippedRow(area: string, measurement: string, reason: string): Row {
  return { area, measurement, result: 'skipped', note: reason };
}
