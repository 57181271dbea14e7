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
  | 'unexpected';

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
  retryable?: boolean;
}

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
  retryable: boolean;

  constructor(init: MomoErrorInit) {
    super(init.message);
    this.name = 'MomoError';
    this.kind = init.kind;
    this.status = init.status;
    this.host = init.host;
    this.causes = init.causes ?? [];
    this.nextSteps = init.nextSteps ?? [];
    this.createdApiUser = init.createdApiUser;
    this.retryable = init.retryable ?? false;
  }

  /** A copy that remembers the API user created before the failure. */
  withCreatedApiUser(apiUser: string): MomoError {
    const copy = new MomoError({ ...this.toJSON(), createdApiUser: apiUser });
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
      retryable: this.retryable,
    };
  }
}

export function isMomoError(value: unknown): value is MomoError {
  return value instanceof MomoError;
}
