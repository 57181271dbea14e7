import type { FaultSpec } from './types';

interface ActiveFault {
  spec: FaultSpec;
  /** Matching requests seen since the fault was injected. */
  seen: number;
  firstHit: number;
  lastHit: number;
}

/**
 * The faults injected into a running emulator. Each fault counts the requests that match it
 * on its own, so two faults on different paths do not disturb each other's `nth`.
 */
export class FaultBook {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const nth = spec.nth ?? 1;
    const times = spec.times ?? 1;
    if (!Number.isInteger(nth) || nth < 1) throw new RangeError(`FaultSpec.nth must be an integer >= 1, got ${spec.nth}`);
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`FaultSpec.times must be an integer >= 1, got ${spec.times}`);
    if (spec.kind === 'status' && spec.status !== undefined && (spec.status < 100 || spec.status > 599)) {
      throw new RangeError(`FaultSpec.status must be an HTTP status, got ${spec.status}`);
    }
    this.faults.push({ spec: { ...spec }, seen: 0, firstHit: nth, lastHit: nth + times - 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * Counts this request against every matching fault and returns the fault that fires for it,
   * if any (the earliest injected wins). Spent faults are dropped.
   */
  take(method: string, path: string): FaultSpec | undefined {
    let firing: FaultSpec | undefined;
    for (const fault of this.faults) {
      if (!matches(fault.spec, method, path)) continue;
      fault.seen++;
      if (!firing && fault.seen >= fault.firstHit && fault.seen <= fault.lastHit) firing = fault.spec;
    }
    this.faults = this.faults.filter((f) => f.seen < f.lastHit);
    return firing;
  }
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method !== undefined && spec.method.toUpperCase() !== method.toUpperCase()) return false;
  if (spec.path === undefined) return true;
  if (typeof spec.path === 'string') return path.includes(spec.path);
  spec.path.lastIndex = 0; // a /g or /y RegExp would otherwise remember where it stopped
  return spec.path.test(path);
}
