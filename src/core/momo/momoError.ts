/**
 * The one error type every MoMo operation throws. It carries an explanation for people
 * (message, likely causes, next steps) and never the request that failed: axios errors hold
 * the request config, whose headers are secrets, so nothing from them is kept here.
 */
export type MomoErrorKind =
  | 'invalidSubscriptionKey'
  | 'missingSubscriptionKey'
  | 'provisioningNotAvailable'
  | 'apiUserNotFound'
  | 'duplicateReferenceId'
  | 'badRequest'
  | 'loginFailed'
  | 'wrongTargetEnvironment'
  | 'invalidCurrency'
  | 'tokenExpired'
  | 'serviceUnavailable'
  | 'serverError'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'unexpected'
  // The new production platform (momoapi.momo.africa):
  | 'missingTargetEnvironment'
  | 'invalidClient'
  | 'gatewayForbidden'
  | 'transactionNotFound';

export type NextStepId =
  | 'reenterSubscriptionKey'
  | 'openPortal'
  | 'openPartnerPortal'
  | 'retry'
  | 'checkNetwork'
  | 'checkBaseUrl'
  | 'regenerateApiKey'
  | 'addExistingApiUser'
  | 'provisionAgain'
  | 'chooseTargetEnvironment'
  | 'finishProvisioning'
  | 'showLog';

export interface NextStep {
  id: NextStepId;
  label: string;
  url?: string;
}

export interface MomoErrorInit {
  kind: MomoErrorKind;
  message: string;
  status?: number;
  host?: string;
  causes?: string[];
  nextSteps?: NextStep[];
  createdApiUser?: string;
  /** With createdApiUser: a create attempt may have reached the server, and whether it did could not be told. */
  apiUserUnconfirmed?: boolean;
  /** The socket's error code (ECONNRESET, ECONNREFUSED, …) of a network failure. */
  networkCode?: string;
  retryable?: boolean;
}

/** The step that replaces "Try again" once an API user exists or may exist: a retry would create a second one. */
const FINISH_PROVISIONING_STEP: NextStep = { id: 'finishProvisioning', label: 'Finish provisioning: create the API key of this API user' };

export class MomoError extends Error {
  readonly kind: MomoErrorKind;
  status?: number;
  host?: string;
  /** Likely causes, most likely first. */
  causes: string[];
  /** The first one is the recommended step. */
  nextSteps: NextStep[];
  /** Set when provisioning failed after the API user was created: keep it and resume. */
  createdApiUser?: string;
  /** True when createdApiUser may exist but could not be confirmed (every answer failed). */
  apiUserUnconfirmed?: boolean;
  networkCode?: string;
  retryable: boolean;
  /** What the server's Retry-After header asked for (429, 503), in milliseconds. */
  retryAfterMs?: number;

  constructor(init: MomoErrorInit) {
    super(init.message);
    this.name = 'MomoError';
    this.kind = init.kind;
    this.status = init.status;
    this.host = init.host;
    this.causes = init.causes ?? [];
    this.nextSteps = init.nextSteps ?? [];
    this.createdApiUser = init.createdApiUser;
    if (init.apiUserUnconfirmed) this.apiUserUnconfirmed = true;
    if (init.networkCode) this.networkCode = init.networkCode;
    this.retryable = init.retryable ?? false;
  }

  /**
   * A copy that remembers the API user created before the failure (or, with `confirmed` false,
   * one that may have been created). "Try again" becomes "Finish provisioning": running the same
   * provisioning again would create a second user.
   */
  withCreatedApiUser(apiUser: string, confirmed = true): MomoError {
    const steps = this.nextSteps.filter((s) => s.id !== 'retry' && s.id !== 'finishProvisioning');
    const copy = new MomoError({
      ...this.toJSON(),
      createdApiUser: apiUser,
      apiUserUnconfirmed: !confirmed,
      nextSteps: [{ ...FINISH_PROVISIONING_STEP }, ...steps],
    });
    copy.stack = this.stack;
    return copy;
  }

  /** Explicit so that logging or JSON.stringify can only ever show these fields. */
  toJSON(): MomoErrorInit {
    return {
      kind: this.kind,
      message: this.message,
      status: this.status,
      host: this.host,
      causes: [...this.causes],
      nextSteps: this.nextSteps.map((s) => ({ ...s })),
      createdApiUser: this.createdApiUser,
      ...(this.apiUserUnconfirmed ? { apiUserUnconfirmed: true } : {}),
      ...(this.networkCode ? { networkCode: this.networkCode } : {}),
      retryable: this.retryable,
    };
  }
}

export function isMomoError(value: unknown): value is MomoError {
  return value instanceof MomoError;
}
