import { performance } from 'perf_hooks';

export interface Sampling {
  /** Runs thrown away first: JIT, module caches, first connections. */
  warmup: number;
  runs: number;
}

/** Wall time of each run of `work`, in ms. */
export function timeSync(sampling: Sampling, work: (run: number) => void): number[] {
  const samples: number[] = [];
  for (let run = -sampling.warmup; run < sampling.runs; run++) {
    const start = performance.now();
    work(run);
    const elapsed = performance.now() - start;
    if (run >= 0) samples.push(elapsed);
  }
  return samples;
}

export async function timeAsync(sampling: Sampling, work: (run: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = -sampling.warmup; run < sampling.runs; run++) {
    const start = performance.now();
    await work(run);
    const elapsed = performance.now() - start;
    if (run >= 0) samples.push(elapsed);
  }
  return samples;
}

/**
 * Times several tasks in rounds, each task once per round in a rotating order, so that a burst
 * of load from other processes is spread over every task instead of hitting one of them.
 */
export function timeRoundsSync<K extends string>(sampling: Sampling, tasks: Record<K, (run: number) => void>): Record<K, number[]> {
  const names = Object.keys(tasks) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let run = -sampling.warmup; run < sampling.runs; run++) {
    const shift = ((run % names.length) + names.length) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      collectGarbage();
      const start = performance.now();
      tasks[name](run);
      const elapsed = performance.now() - start;
      if (run >= 0) samples[name].push(elapsed);
    }
  }
  return samples;
}

/**
 * With `node --expose-gc`, collects before a timed task so that it does not pay for the garbage
 * of the task before it (large-text work allocates a lot; without this the order decides who pays).
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
