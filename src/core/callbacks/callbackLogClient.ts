import { createHttp } from '../momo/http';
import type { CallbackAnswer } from './types';

/** The emulator's delivery log path (src/emulator/callbacks/controlRoutes.ts serves it). */
export const CALLBACK_LOG_PATH = '/_emulator/callbacks';
const MAX_LOG_BYTES = 1024 * 1024;

export interface LoggedAttempt extends CallbackAnswer {
  referenceId: string;
  attempt: number;
  startedAt: string;
}

/** The recorded attempts for one payment, oldest first; undefined when the URL is not the emulator. */
export async function readCallbackLog(baseUrl: string, referenceId: string | undefined, signal?: AbortSignal): Promise<LoggedAttempt[] | undefined> {
  const http = createHttp(baseUrl, 5000);
  try {
    const res = await http.get<string>(CALLBACK_LOG_PATH, {
      params: referenceId ? { referenceId } : undefined,
      signal,
      maxContentLength: MAX_LOG_BYTES,
      validateStatus: () => true,
    });
    if (res.status !== 200) return undefined;
    const parsed = JSON.parse(res.data) as { attempts?: unknown };
    return Array.isArray(parsed.attempts) ? (parsed.attempts as LoggedAttempt[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Polls the log until the payment's first attempt is there, or `timeoutMs` passed. */
export async function waitForLoggedAttempt(
  baseUrl: string,
  referenceId: string,
  options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<LoggedAttempt | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const found = (await readCallbackLog(baseUrl, referenceId, options.signal))?.[0];
    if (found || Date.now() >= deadline || options.signal?.aborted) return found;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
