/**
 * MTN's current "Callback" page: when the app does not answer, the platform retries 20 times
 * at 1-second intervals, then every 2 minutes (30 times), then hourly. It names no end to the
 * hourly retries; the emulator stops after a day of them so a forgotten emulator does not
 * call an app forever.
 */
const HOURLY_RETRIES = 24;

/** Wait before retry number `retry` (1-based), in ms; undefined when no retry is left. */
export function retryDelayMs(retry: number): number | undefined {
  if (!Number.isInteger(retry) || retry < 1) return undefined;
  if (retry <= 20) return 1_000;
  if (retry <= 50) return 120_000;
  if (retry <= 50 + HOURLY_RETRIES) return 3_600_000;
  return undefined;
}
