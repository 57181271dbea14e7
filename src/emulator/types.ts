import type { Product } from '../core/momo/products';
import type { CallbackAttempt, CallbackOptions } from './callbacks/types';

export type { CallbackAttempt, CallbackErrorCode, CallbackMethod, CallbackOptions } from './callbacks/types';

export interface SubscriptionKeyPair {
  primary: string;
  secondary: string;
}

/** A fault the emulator applies to matching requests, for tests and benchmarks. */
export interface FaultSpec {
  /** Only requests with this method (e.g. 'POST'). Default: any. */
  method?: string;
  /** Only requests whose path contains this string or matches this RegExp. Default: any. */
  path?: string | RegExp;
  /** Fault the Nth matching request from now (1-based). Default 1. */
  nth?: number;
  /** How many consecutive matching requests, starting at the Nth, get the fault. Default 1. */
  times?: number;
  /**
   * status: answer with `status` and `body`; reset: destroy the socket; hang: never answer;
   * delay: wait `delayMs`, then answer normally; trickle: a 200 whose body comes one byte every
   * `intervalMs`, without end; endless: a 200 whose body streams without end.
   */
  kind: 'status' | 'reset' | 'hang' | 'delay' | 'trickle' | 'endless';
  /** trickle: pause between two bytes, in ms. Default 5000. */
  intervalMs?: number;
  status?: number;
  /** Object → JSON, string → as is, absent → empty body. */
  body?: unknown;
  /** Extra wait before the fault (or, for 'delay', before the normal answer), in ms. Default 0. */
  delayMs?: number;
  /** before: the request is not processed; after: it is processed (state changes), then the fault replaces the answer. Default 'before'. */
  when?: 'before' | 'after';
}

/**
 * sandbox: provisioning and the sandbox rules; production: the legacy production platform (no
 * Provisioning API, API user + API key); production-new: MTN's new production platform
 * (momoapi.momo.africa): System Credentials only, X-Target-Environment required on token.
 */
export type EmulatorMode = 'sandbox' | 'production' | 'production-new';
export const EMULATOR_MODES: readonly EmulatorMode[] = ['sandbox', 'production', 'production-new'];

/** A User ID + Credential Token pair of the new platform. */
export interface SystemCredentials {
  userId: string;
  credentialToken: string;
}

export interface SystemCredentialsOptions extends Partial<SystemCredentials> {
  /** Pins the pair to one wallet: another X-Target-Environment gets invalid_client. */
  targetEnvironment?: string;
  /** The host callbacks may go to (X-Callback-Url); none by default. */
  providerCallbackHost?: string;
}

export interface EmulatorOptions {
  /** Default 0 (any free port). Always binds 127.0.0.1. */
  port?: number;
  /** 'sandbox' (default) serves provisioning; the production modes answer provisioning with the gateway 404. */
  mode?: EmulatorMode;
  /** Extra wait before every token answer, in ms (the new platform takes 10–20 s). Default 0. */
  tokenDelayMs?: number;
  /** Added latency per request, in ms. Default 0. */
  latencyMs?: number;
  /** Accepted subscription keys per product. Default: fixed, documented test keys. */
  subscriptionKeys?: Partial<Record<Product, SubscriptionKeyPair>>;
  /** Lifetime of access tokens, in seconds. Default 3600. */
  tokenTtlSeconds?: number;
  /** Target environments accepted in production mode. Default: every production environment. */
  targetEnvironments?: string[];
  /**
   * Suppress the start banner (URL and accepted keys). Default true: startEmulator is mostly
   * used from tests, so it prints only when given `quiet: false`. main.ts prints its own.
   */
  quiet?: boolean;
  /** Status reads of a sandbox 46733123453 payment that still answer PENDING. Default 1. */
  pendingReadsBeforeSuccess?: number;
  /**
   * Answer a POST that has neither a body nor Content-Length with 411, as some gateways do.
   * Default false: the emulator is lenient like the sandbox itself.
   */
  requireContentLength?: boolean;
  /**
   * Callbacks to `X-Callback-Url` once a payment is final: method (default PUT for
   * request-to-pay, POST for transfers), delay (default 0), MTN's retries (default off),
   * answer timeout (default 2000 ms). Only apps on this machine are called.
   */
  callbacks?: CallbackOptions;
  /** Requests kept in `requests`, latest first to stay. Default 1000. */
  historyLimit?: number;
}

export interface RecordedRequest {
  method: string;
  /** The URL as sent: path plus query string. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body as UTF-8, its first 8 KB only (see requestHistory.ts). */
  body: string;
  /** Length of the whole body in characters; more than body.length when it was cut. */
  bodyLength: number;
  /** 0 while unanswered, and for requests that were reset or left hanging by a fault. */
  status: number;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  mode: EmulatorMode;
  /** The keys this emulator accepts, per product. */
  subscriptionKeys: Record<Product, SubscriptionKeyPair>;
  /** A well-formed key of the "Collection Widget" product: rejected with the invalid-key 401 everywhere. */
  collectionWidgetKey: string;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  /**
   * The latest requests seen (historyLimit, default 1000), in order, bodies cut at 8 KB
   * (secrets included: for assertions only, never logged).
   */
  readonly requests: RecordedRequest[];
  /** Adds an API user directly (the Partner Portal path, used in production mode). */
  addApiUser(user: { id: string; apiKey: string; providerCallbackHost: string; targetEnvironment?: string }): void;
  /**
   * production-new: issues System Credentials (as the Partner Portal's "System and device
   * credentials" page does), random unless given; pinned to a target environment when given.
   * production-new starts with one pair already issued: `systemCredentials`.
   */
  issueSystemCredentials(options?: SystemCredentialsOptions): SystemCredentials;
  /** production-new: the pair issued at start (emulator test values, worthless anywhere else). */
  systemCredentials?: SystemCredentials;
  /** Number of API users currently known. */
  apiUserCount(): number;
  /** The callback delivery log (also served as GET /_emulator/callbacks). */
  callbackAttempts(referenceId?: string): CallbackAttempt[];
  /** The first callback attempt for a payment, waiting up to `timeoutMs` for it; undefined if none came. */
  waitForCallback(referenceId: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<CallbackAttempt | undefined>;
  close(): Promise<void>;
}
