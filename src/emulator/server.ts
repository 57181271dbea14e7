import { createServer } from 'http';
import { SANDBOX } from '../core/momo/environments';
import type { Socket } from 'net';
import { CallbackLog } from './callbacks/callbackLog';
import { CallbackSender } from './callbacks/callbackSender';
import { resolveConfig } from './config';
import { describeEmulator } from './describe';
import { handleExchange } from './exchange';
import { FaultBook } from './faults';
import { isUuidV4 } from './http';
import { DEFAULT_HISTORY_LIMIT, validHistoryLimit } from './requestHistory';
import { issueSystemCredentials } from './newPlatform';
import { buildRoutes } from './routes';
import { EmulatorState } from './state';
import type { CallbackOptions, EmulatorOptions, RecordedRequest, RunningEmulator } from './types';

/**
 * Starts the local MoMo emulator on 127.0.0.1 (never another interface: it hands out test
 * credentials to anyone who asks). Resolves once it listens.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveConfig(options);
  validLatency(config.tokenDelayMs, 'token delay');
  const state = new EmulatorState();
  const faults = new FaultBook();
  const requests: RecordedRequest[] = [];
  const routes = buildRoutes(config.mode);
  const closing = new AbortController();
  const sockets = new Set<Socket>();
  let latencyMs = validLatency(options.latencyMs ?? 0);
  const callbackLog = new CallbackLog();
  const callbacks = new CallbackSender(callbackLog, validCallbackOptions(options.callbacks));

  const historyLimit = validHistoryLimit(options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  const deps = { config, state, routes, faults, requests, historyLimit, callbacks, callbackLog, latencyMs: () => latencyMs, closing: closing.signal };
  const server = createServer((req, res) => {
    handleExchange(req, res, deps).catch(() => res.socket?.destroy());
  });
  // Tracked so close() can end keep-alive and hanging connections at once instead of waiting.
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The emulator did not get a TCP port.');

  let closed: Promise<void> | undefined;
  const running: RunningEmulator = {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    mode: config.mode,
    subscriptionKeys: config.subscriptionKeys,
    collectionWidgetKey: config.collectionWidgetKey,
    requests,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setLatency: (ms) => {
      latencyMs = validLatency(ms);
    },
    addApiUser: (user) => {
      if (!isUuidV4(user.id)) throw new RangeError('addApiUser: id must be a UUID version 4');
      const id = user.id.toLowerCase();
      state.apiUsers.set(id, {
        id,
        apiKey: user.apiKey,
        providerCallbackHost: user.providerCallbackHost,
        // A sandbox user belongs to the sandbox; a production user without an explicit
        // environment may use any production environment the emulator accepts.
        targetEnvironment: user.targetEnvironment ?? (config.mode === 'sandbox' ? SANDBOX : undefined),
      });
    },
    issueSystemCredentials: (options) => {
      if (config.mode !== 'production-new') throw new RangeError('issueSystemCredentials: only the production-new mode has System Credentials');
      return issueSystemCredentials({ state }, options);
    },
    apiUserCount: () => state.apiUsers.size,
    callbackAttempts: (referenceId) => callbackLog.list(referenceId),
    waitForCallback: (referenceId, waitOptions) => callbackLog.waitFor(referenceId, waitOptions),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        callbacks.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
  if (config.mode === 'production-new') running.systemCredentials = running.issueSystemCredentials();
  if (!config.quiet) console.log(describeEmulator(running));
  return running;
}

function validCallbackOptions(options: CallbackOptions = {}): CallbackOptions {
  for (const name of ['delayMs', 'timeoutMs'] as const) {
    const value = options[name];
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new RangeError(`callbacks.${name} must be a number of ms >= 0, got ${value}`);
  }
  if (options.method !== undefined && options.method !== 'PUT' && options.method !== 'POST') {
    throw new RangeError('callbacks.method must be PUT or POST');
  }
  return { ...options };
}

function validLatency(ms: number, what = 'latency'): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${what} must be a number of ms >= 0, got ${ms}`);
  return ms;
}
