/**
 * Data of the doctor: what it is given and what it reports. Plain data with no `vscode`
 * types, so the extension renders it as a markdown preview and the CLI as text or JSON.
 */
import type { CredentialKind } from '../momo/credentialKind';
import type { NextStepId } from '../momo/momoError';
import type { ProductionPlatform } from '../momo/platforms';
import type { Product } from '../momo/products';

export type DoctorSeverity = 'error' | 'warning' | 'info' | 'ok';

/**
 * Fix ids: the core's NextStep ids (a MomoError's next step becomes a fix as it is) plus the
 * workspace fixes. The caller maps an id to a command; `args` carries what the command needs.
 */
export type DoctorFixId =
  | NextStepId
  | 'useBaseUrl'
  | 'addToGitignore'
  | 'addDotenvLoader'
  | 'applySettingsFix'
  | 'openFile'
  /** The extension's "Test My Callback" for the finding's API user. */
  | 'testMyCallback';

export interface DoctorFix {
  id: DoctorFixId;
  label: string;
  url?: string;
  args?: unknown;
}

export interface DoctorFinding {
  /** Stable id of the check, e.g. 'baseUrl', 'subscriptionKey.gateway', 'apiUser.token'. */
  check: string;
  /** False only for severity 'error': the CLI exits non-zero when any finding is not ok. */
  ok: boolean;
  severity: DoctorSeverity;
  /** What the finding is about, without secrets: "Collections key ••••06f", "API user 3f2b…", "settings.py". */
  subject?: string;
  /** One or two plain sentences; never a secret. */
  message: string;
  /** Likely causes, most likely first (from the core's explanation). */
  causes?: string[];
  /** The next step in words; the CLI prints it, the JSON output carries it as `next`. */
  next?: string;
  /** The recommended fix first. */
  fixes?: DoctorFix[];
}

export interface DoctorSubscriptionKey {
  key: string;
  /** The product the key is meant for; unknown keys are only checked against the gateway. */
  product?: Product;
  /** e.g. "Collections primary"; the masked key is used when absent. */
  label?: string;
}

export interface DoctorApiUser {
  apiUser: string;
  /** Absent: the token step is skipped (the key was never stored). */
  apiKey?: string;
  product: Product;
  /** Default: the first given subscription key of the same product, else the first one. */
  subscriptionKey?: string;
  label?: string;
  /** API user + API key, or System Credentials (User ID + Credential Token). Default: from the user id's shape. */
  credentialKind?: CredentialKind;
  /** Production: the platform the pair belongs to. Default: the kind's (System Credentials → new). */
  platform?: ProductionPlatform;
  /** This user's API base URL when it differs from the report's (a pair of the other platform). */
  baseUrl?: string;
}

export interface DoctorInput {
  /** Default: the target environment's host, else the sandbox. */
  baseUrl?: string;
  subscriptionKeys?: DoctorSubscriptionKey[];
  apiUsers?: DoctorApiUser[];
  /** X-Target-Environment; default 'sandbox' on a sandbox host. */
  targetEnvironment?: string;
  currency?: string;
  /** Pre-computed workspace findings (see workspaceFindings / settingsFindingToDoctor). */
  workspaceFindings?: DoctorFinding[];
  /** An error body or status line pasted by the user, explained as an 'explain' finding. */
  errorText?: string;
  /** Per request. Default: the client's 15000. */
  timeoutMs?: number;
  /** Deadline of token requests when longer (production: at least 30 s, the new platform takes 10–20 s). */
  tokenTimeoutMs?: number;
}

export interface DoctorOptions {
  signal?: AbortSignal;
  /** Called as each finding is made, in report order, so a UI can show progress. */
  onFinding?: (finding: DoctorFinding) => void;
}

export interface DoctorReport {
  /** True when no finding is an error. */
  ok: boolean;
  findings: DoctorFinding[];
  /** Set when the signal aborted: the findings so far are kept, the rest never ran. */
  cancelled: boolean;
  counts: Record<DoctorSeverity, number>;
}
