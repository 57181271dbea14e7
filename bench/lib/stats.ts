/** Small numeric helpers: medians and ratios are what the bench reports, never single samples. */

export function median(samples: number[]): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Relative spread of the samples: (p75 - p25) / median, to judge whether a median is noise. */
export function spread(samples: number[]): number {
  if (samples.length < 2) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
  const mid = median(sorted);
  return mid === 0 ? 0 : (at(0.75) - at(0.25)) / mid;
}

export function ratio(value: number, baseline: number): number {
  return baseline > 0 ? value / baseline : NaN;
}

export interface Summary {
  median: number;
  /**
   * The fastest run. For CPU-bound work on a shared machine, other processes only ever add time,
   * so the best runs are the most repeatable basis for a ratio (medians move with the load).
   */
  best: number;
  /** Interquartile range over the median. */
  spread: number;
  samples: number[];
}

/** `digits`: decimals kept (3 = µs for times in ms; per-operation times of a batch need more). */
export function summarize(samples: number[], digits = 3): Summary {
  return {
    median: round(median(samples), digits),
    best: round(Math.min(...samples), digits),
    spread: round(spread(samples)),
    samples: samples.map((sample) => round(sample, digits)),
  };
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
