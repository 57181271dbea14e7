/**
 * The overall deadline of one MoMo request: connecting, the headers and the whole body. A
 * socket idle timeout alone never fires against a server that sends one byte every few
 * seconds, so the deadline is a timer that aborts the request, whatever phase it is in.
 */
export interface Deadline {
  /** Aborted when the caller's signal aborts or the deadline passes. */
  readonly signal: AbortSignal;
  /** True once the deadline (not the caller) ended the request. */
  expired(): boolean;
  /** Stops the timer and forgets the caller's signal; call once the request has settled. */
  dispose(): void;
}

export function startDeadline(ms: number, caller?: AbortSignal): Deadline {
  const controller = new AbortController();
  let passed = false;
  const timer = setTimeout(() => {
    passed = true;
    controller.abort();
  }, ms);
  const onCallerAbort = (): void => controller.abort();
  if (caller?.aborted) controller.abort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    expired: () => passed,
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
