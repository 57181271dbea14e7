/**
 * What each kind of failure means for a person: one sentence, the likely causes in order of
 * likelihood, and the next steps. Kept apart from classification so that a failure seen live
 * and the same failure pasted as text read exactly the same.
 */
import { MomoError, MomoErrorKind } from './momoError';
import { PRODUCT_LABELS, Product } from './products';
import { SANDBOX_BASE_URL } from './environments';
import { redactSecrets } from './redact';
import { DEVELOPER_PORTAL_URL, PARTNER_PORTAL_URL, step } from './nextSteps';
import { explainNewPlatform, isNewPlatformKind } from './explanationsNewPlatform';

export { DEVELOPER_PORTAL_URL, PARTNER_PORTAL_URL };

/** Calls on the Provisioning API; the rest are product calls. */
export const PROVISIONING_OPERATIONS = ['createApiUser', 'getApiUser', 'createApiKey'] as const;

export function isProvisioningOperation(operation: string | undefined): boolean {
  return (PROVISIONING_OPERATIONS as readonly string[]).includes(operation ?? '');
}

export interface ExplainDetails {
  host?: string;
  status?: number;
  operation?: string;
  product?: Product;
  apiUser?: string;
  targetEnvironment?: string;
  /** Text the server sent, shown only after redaction. */
  serverMessage?: string;
  /** Node/axios error code such as ENOTFOUND. */
  networkCode?: string;
  timeoutMs?: number;
}


const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve (ENOTFOUND)',
  EAI_AGAIN: 'the host name could not be looked up right now (EAI_AGAIN)',
  ECONNREFUSED: 'nothing accepts connections there (ECONNREFUSED)',
  ECONNRESET: 'the connection was cut (ECONNRESET)',
  EPIPE: 'the connection was cut (EPIPE)',
  EHOSTUNREACH: 'the host is unreachable (EHOSTUNREACH)',
  ENETUNREACH: 'the network is unreachable (ENETUNREACH)',
};

/** TLS failures: a proxy inspecting traffic, a wrong host, or plain http spoken as https. */
export function isTlsCode(code: string | undefined): boolean {
  return !!code && /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_OSSL/i.test(code);
}

export function explain(kind: MomoErrorKind, d: ExplainDetails = {}): MomoError {
  if (isNewPlatformKind(kind)) return explainNewPlatform(kind, d);
  const host = d.host || 'the MoMo API';
  const hostStart = d.host || 'The MoMo API';
  const at = d.host ? ` at ${d.host}` : '';
  const productKey = d.product ? `the ${PRODUCT_LABELS[d.product]} key` : 'the key of the product you call';
  const base = { kind, host: d.host || undefined, status: d.status };
  switch (kind) {
    case 'invalidSubscriptionKey':
      return new MomoError({
        ...base,
        message: `The gateway${at} rejected the subscription key as invalid (401).`,
        causes: [
          'It is a key of the "Collection Widget" product: those keys do not work for the Collections API or for provisioning; use the key of your Collections subscription.',
          `It is a key of another product: Collections, Disbursements and Remittances each have their own keys, and this call needs ${productKey}.`,
          "It comes from another region's portal (for example Rwanda's momodeveloper.mtn.co.rw) or from the production portal, while sandbox keys come from momodeveloper.mtn.com.",
          'The Primary or Secondary key was regenerated since you copied it, or the subscription is not active.',
        ],
        nextSteps: [step.reenterSubscriptionKey(), step.openPortal()],
      });
    case 'missingSubscriptionKey':
      return new MomoError({
        ...base,
        message: `The request to ${host} carried no subscription key (401).`,
        causes: ['The subscription key is empty or was not configured.'],
        nextSteps: [step.reenterSubscriptionKey(), step.openPortal()],
      });
    case 'provisioningNotAvailable':
      return new MomoError({
        ...base,
        message: `${d.host || 'This host'} has no Provisioning API: API users can only be created in the sandbox (${SANDBOX_BASE_URL}).`,
        causes: [
          'This is a production host: in production the API user and key are created by hand in the MTN Partner Portal after Go-Live.',
          'The base URL has a wrong or extra path.',
        ],
        nextSteps: [step.checkBaseUrl(), step.openPartnerPortal(), step.addExistingApiUser()],
      });
    case 'apiUserNotFound':
      return new MomoError({
        ...base,
        message: d.apiUser
          ? `The API user ${d.apiUser} does not exist on ${host}.`
          : `The API user does not exist on ${host}.`,
        causes: [
          'The API user id was mistyped or belongs to another environment (sandbox users do not exist in production).',
          'The sandbox removed the user; sandbox users are not kept forever.',
        ],
        nextSteps: [step.provisionAgain(), step.addExistingApiUser()],
      });
    case 'duplicateReferenceId':
      return new MomoError({
        ...base,
        message: `An API user with this id already exists on ${host} (409).`,
        causes: ['The reference id was used before; every new API user needs a new UUID v4.'],
        nextSteps: [step.provisionAgain()],
      });
    case 'badRequest':
      return new MomoError({
        ...base,
        message: `${hostStart} refused the request as malformed (400).`,
        causes: [
          'An id (API user or X-Reference-Id) is not a UUID version 4.',
          'The provider callback host is missing or not a plain host name.',
          'A value has characters the API does not accept.',
        ],
        nextSteps: [step.showLog(), step.retry()],
      });
    case 'loginFailed':
      return new MomoError({
        ...base,
        message: `The token endpoint${at} refused this API user and API key pair (login_failed).`,
        causes: [
          'The API key does not belong to this API user, or one of them was copied incompletely.',
          'A newer API key was created for this API user, which stops the old one from working.',
          'The API user was created in another environment than this host serves.',
        ],
        nextSteps: [step.regenerateApiKey(), step.addExistingApiUser()],
      });
    case 'wrongTargetEnvironment':
      return new MomoError({
        ...base,
        message: d.targetEnvironment
          ? `${hostStart} does not allow the target environment "${d.targetEnvironment}" for these credentials.`
          : `${hostStart} does not allow this target environment for these credentials.`,
        causes: [
          'The sandbox only accepts "sandbox"; production accepts mtn<country>, for example mtnuganda, and never "production".',
          'The API user belongs to another country than the target environment.',
        ],
        nextSteps: [step.chooseTargetEnvironment()],
      });
    case 'invalidCurrency':
      return new MomoError({
        ...base,
        message: `${hostStart} does not accept this currency in this target environment.`,
        causes: [
          'The sandbox only accepts EUR.',
          "In production the currency must be the country's own, for example UGX for mtnuganda.",
        ],
        nextSteps: [step.chooseTargetEnvironment(), step.showLog()],
      });
    case 'tokenExpired':
      return new MomoError({
        ...base,
        message: `${hostStart} refused the access token (401): it has expired or is not valid for this call.`,
        causes: ['Access tokens last about an hour.', 'The token was issued for another product.'],
        nextSteps: [step.retry()],
        retryable: true,
      });
    case 'serviceUnavailable':
      return new MomoError({
        ...base,
        message: `${hostStart} is temporarily unavailable (${d.status ?? 503}).`,
        causes: ['The MoMo sandbox has outages from time to time.', 'Too many requests in a short time.'],
        nextSteps: [step.retry(), step.showLog()],
        retryable: true,
      });
    case 'serverError':
      return new MomoError({
        ...base,
        message: `${hostStart} had an internal error (${d.status ?? 500})${serverSays(d)}.`,
        causes: ['A fault on the MoMo side, often temporary.'],
        nextSteps: [step.retry(), step.showLog()],
        retryable: true,
      });
    case 'network':
      return explainNetwork(d, host);
    case 'timeout':
      return new MomoError({
        ...base,
        message: `${hostStart} did not answer within ${formatSeconds(d.timeoutMs)}.`,
        causes: ['The MoMo service is slow or down.', 'A slow or filtering network, proxy or firewall.'],
        nextSteps: [step.retry(), step.checkNetwork()],
        retryable: true,
      });
    case 'cancelled':
      return new MomoError({ ...base, message: 'The operation was cancelled.', nextSteps: [step.retry()] });
    case 'unexpected':
      return new MomoError({
        ...base,
        message: d.status
          ? `${hostStart} gave an unexpected answer (${d.status})${serverSays(d)}.`
          : `Something unexpected went wrong while talking to ${host}.`,
        causes: ['The base URL may point at something other than the MoMo API.'],
        nextSteps: [step.checkBaseUrl(), step.showLog()],
      });
  }
}

function explainNetwork(d: ExplainDetails, host: string): MomoError {
  const code = d.networkCode;
  const base = { kind: 'network' as const, host: d.host || undefined, status: d.status, networkCode: code };
  if (isTlsCode(code)) {
    return new MomoError({
      ...base,
      message: `The secure connection to ${host} failed (${code}).`,
      causes: [
        'A proxy or antivirus is inspecting HTTPS traffic with its own certificate.',
        'The base URL names the wrong host, or a plain-http server was addressed with https.',
        'The computer clock is wrong.',
      ],
      nextSteps: [step.checkBaseUrl(), step.checkNetwork()],
    });
  }
  const reason = (code && NETWORK_REASONS[code]) ?? `the network failed${code ? ` (${code})` : ''}`;
  const dnsProblem = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  const causes = dnsProblem
    ? ['The host name in the base URL is misspelled.', 'No internet connection, or DNS is blocked.']
    : code === 'ECONNREFUSED'
      ? ['The base URL has a wrong host or port.', 'The local emulator or proxy is not running.']
      : ['An unstable connection, proxy or firewall.', 'The server closed the connection.'];
  return new MomoError({
    ...base,
    message: `Could not reach ${host}: ${reason}.`,
    causes,
    nextSteps: dnsProblem ? [step.checkBaseUrl(), step.checkNetwork()] : [step.checkNetwork(), step.retry()],
    // A misspelled host does not heal by retrying; a dropped connection often does.
    retryable: code !== 'ENOTFOUND',
  });
}

function serverSays(d: ExplainDetails): string {
  if (!d.serverMessage) return '';
  const text = redactSecrets(d.serverMessage, []).replace(/\s+/g, ' ').trim().slice(0, 160);
  return text ? `: "${text.replace(/[."]+$/, '')}"` : '';
}

function formatSeconds(ms: number | undefined): string {
  if (ms === undefined) return 'the time limit';
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

