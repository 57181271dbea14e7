/** Internal contract between the plan dispatcher (plan.ts) and the per-dialect planners. */
import type { CredentialKind } from '../momo/credentialKind';
import type { Product } from '../momo/products';
import type { CredentialNames, CredentialRole, LoaderOffer, PlanOptions, TextEdit, WriteMode } from './types';

/** One credential to write. */
export interface CredentialWrite {
  role: CredentialRole;
  value: string;
}

export interface DialectPlanRequest {
  text: string;
  /** The document's file name (JSON: only appsettings*.json or a file with a MoMo section is planned). */
  fileName?: string;
  writes: CredentialWrite[];
  product?: Product;
  credentialKind?: CredentialKind;
  mode: WriteMode;
  options: PlanOptions;
}

/** A value that belongs in .env (reference mode), under the name the file reads. */
export interface EnvWrite {
  role: CredentialRole;
  name: string;
  value: string;
}

export interface DialectPlan {
  edits: TextEdit[];
  names: CredentialNames;
  envWrites: EnvWrite[];
  notices: string[];
  loader?: LoaderOffer;
  /** A value was written literally into this file. */
  wroteLiteral: boolean;
  error?: string;
}

export const DEFAULT_NAMES: CredentialNames = {
  apiUser: 'MOMO_API_USER',
  apiKey: 'MOMO_API_KEY',
  subscriptionKey: 'MOMO_SUBSCRIPTION_KEY',
};

export const DEFAULT_JSON_NAMES: CredentialNames = {
  apiUser: 'ApiUser',
  apiKey: 'ApiKey',
  subscriptionKey: 'SubscriptionKey',
};

export const DEFAULT_JSON_SECTION = 'MomoApiOptions';

export const INSERT_COMMENT = 'MTN MoMo API credentials';

/** Canonical order of credential lines in a block. */
export const ROLE_ORDER: readonly CredentialRole[] = ['subscriptionKey', 'apiUser', 'apiKey'];

