/**
 * What each kind of failure means for a person: one sentence, the likely causes in order of
 * likelihood, and the next steps. Kept apart from classification so that a failure seen live
 * and the same failure pasted as text read exactly the same.
 */
import * as l10n from '@vscode/l10n';
import { MomoError, MomoErrorKind } from './momoError';
import { PRODUCT_LABELS, Product } from './products';
import { SANDBOX_BASE_URL } from './environments';
import { redactSecrets } from './redact';
import { DEVELOPER_PORTAL_URL, PARTNER_PORTAL_URL, step } from './nextSteps';
import { explainNewPlatform, isNewPlatformKind } from './explanationsNewPlatform';

export { DEVELOPER_PORTAL_URL, PARTNER_PORTAL_URL };

/** Calls on the Provisioning API; the rest are product calls. */
const PROVISIONING_OPERATIONS = ['createApiUser', 'getApiUser', 'createApiKey'] as const;

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


function networkReason(code: string | undefined): string {
  switch (code) {
    case 'ENOTFOUND':
      return l10n.t('the host name does not resolve ({0})', code);
    case 'EAI_AGAIN':
      return l10n.t('the host name could not be looked up right now ({0})', code);
    case 'ECONNREFUSED':
      return l10n.t('nothing accepts connections there ({0})', code);
    case 'ECONNRESET':
    case 'EPIPE':
      return l10n.t('the connection was cut ({0})', code);
    case 'EHOSTUNREACH':
      return l10n.t('the host is unreachable ({0})', code);
    case 'ENETUNREACH':
      return l10n.t('the network is unreachable ({0})', code);
    default:
      return code ? l10n.t('the network failed ({0})', code) : l10n.t('the network failed');
  }
}

/** TLS failures: a proxy inspecting traffic, a wrong host, or plain http spoken as https. */
export function isTlsCode(code: string | undefined): boolean {
  return !!code && /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_OSSL/i.test(code);
}

export function explain(kind: MomoErrorKind, d: ExplainDetails = {}): MomoError {
  if (isNewPlatformKind(kind)) return explainNewPlatform(kind, d);
  const host = d.host || l10n.t('the MoMo API');
  const hostStart = d.host || l10n.t('The MoMo API');
  const productKey = d.product ? l10n.t('the {0} key', PRODUCT_LABELS[d.product]) : l10n.t('the key of the product you call');
  const base = { kind, host: d.host || undefined, status: d.status };
  switch (kind) {
    case 'invalidSubscriptionKey':
      return new MomoError({
        ...base,
        message: d.host ? l10n.t('The gateway at {0} rejected the subscription key as invalid (401).', d.host) : l10n.t('The gateway rejected the subscription key as invalid (401).'),
        causes: [
          l10n.t('It is a key of the "Collection Widget" product: those keys do not work for the Collections API or for provisioning; use the key of your Collections subscription.'),
          l10n.t('It is a key of another product: Collections, Disbursements and Remittances each have their own keys, and this call needs {0}.', productKey),
          l10n.t("It comes from another region's portal (for example Rwanda's momodeveloper.mtn.co.rw) or from the production portal, while sandbox keys come from momodeveloper.mtn.com."),
          l10n.t('The Primary or Secondary key was regenerated since you copied it, or the subscription is not active.'),
        ],
        nextSteps: [step.reenterSubscriptionKey(), step.openPortal()],
      });
    case 'missingSubscriptionKey':
      return new MomoError({
        ...base,
        message: l10n.t('The request to {0} carried no subscription key (401).', host),
        causes: [l10n.t('The subscription key is empty or was not configured.')],
        nextSteps: [step.reenterSubscriptionKey(), step.openPortal()],
      });
    case 'provisioningNotAvailable':
      return new MomoError({
        ...base,
        message: l10n.t('{0} has no Provisioning API: API users can only be created in the sandbox ({1}).', d.host || l10n.t('This host'), SANDBOX_BASE_URL),
        causes: [
          l10n.t('This is a production host: in production the API user and key are created by hand in the MTN Partner Portal after Go-Live.'),
          l10n.t('The base URL has a wrong or extra path.'),
        ],
        nextSteps: [step.checkBaseUrl(), step.openPartnerPortal(), step.addExistingApiUser()],
      });
    case 'apiUserNotFound':
      return new MomoError({
        ...base,
        message: d.apiUser
          ? l10n.t('The API user {0} does not exist on {1}.', d.apiUser, host)
          : l10n.t('The API user does not exist on {0}.', host),
        causes: [
          l10n.t('The API user id was mistyped or belongs to another environment (sandbox users do not exist in production).'),
          l10n.t('The sandbox removed the user; sandbox users are not kept forever.'),
        ],
        nextSteps: [step.provisionAgain(), step.addExistingApiUser()],
      });
    case 'duplicateReferenceId':
      return new MomoError({
        ...base,
        message: l10n.t('An API user with this id already exists on {0} (409).', host),
        causes: [l10n.t('The reference id was used before; every new API user needs a new UUID v4.')],
        nextSteps: [step.provisionAgain()],
      });
    case 'badRequest':
      return new MomoError({
        ...base,
        message: l10n.t('{0} refused the request as malformed (400).', hostStart),
        causes: [
          l10n.t('An id (API user or X-Reference-Id) is not a UUID version 4.'),
          l10n.t('The provider callback host is missing or not a plain host name.'),
          l10n.t('A value has characters the API does not accept.'),
        ],
        nextSteps: [step.showLog(), step.retry()],
      });
    case 'loginFailed':
      return new MomoError({
        ...base,
        message: d.host ? l10n.t('The token endpoint at {0} refused this API user and API key pair (login_failed).', d.host) : l10n.t('The token endpoint refused this API user and API key pair (login_failed).'),
        causes: [
          l10n.t('The API key does not belong to this API user, or one of them was copied incompletely.'),
          l10n.t('A newer API key was created for this API user, which stops the old one from working.'),
          l10n.t('The API user was created in another environment than this host serves.'),
        ],
        nextSteps: [step.regenerateApiKey(), step.addExistingApiUser()],
      });
    case 'wrongTargetEnvironment':
      return new MomoError({
        ...base,
        message: d.targetEnvironment
          ? l10n.t('{0} does not allow the target environment "{1}" for these credentials.', hostStart, d.targetEnvironment)
          : l10n.t('{0} does not allow this target environment for these credentials.', hostStart),
        causes: [
          l10n.t('The sandbox only accepts "sandbox"; production accepts mtn<country>, for example mtnuganda, and never "production".'),
          l10n.t('The API user belongs to another country than the target environment.'),
        ],
        nextSteps: [step.chooseTargetEnvironment()],
      });
    case 'invalidCurrency':
      return new MomoError({
        ...base,
        message: l10n.t('{0} does not accept this currency in this target environment.', hostStart),
        causes: [
          l10n.t('The sandbox only accepts EUR.'),
          l10n.t("In production the currency must be the country's own, for example UGX for mtnuganda."),
        ],
        nextSteps: [step.chooseTargetEnvironment(), step.showLog()],
      });
    case 'tokenExpired':
      return new MomoError({
        ...base,
        message: l10n.t('{0} refused the access token (401): it has expired or is not valid for this call.', hostStart),
        causes: [l10n.t('Access tokens last about an hour.'), l10n.t('The token was issued for another product.')],
        nextSteps: [step.retry()],
        retryable: true,
      });
    case 'serviceUnavailable':
      return new MomoError({
        ...base,
        message: l10n.t('{0} is temporarily unavailable ({1}).', hostStart, d.status ?? 503),
        causes: [l10n.t('The MoMo sandbox has outages from time to time.'), l10n.t('Too many requests in a short time.')],
        nextSteps: [step.retry(), step.showLog()],
        retryable: true,
      });
    case 'serverError':
      return new MomoError({
        ...base,
        message: l10n.t('{0} had an internal error ({1}){2}.', hostStart, d.status ?? 500, serverSays(d)),
        causes: [l10n.t('A fault on the MoMo side, often temporary.')],
        nextSteps: [step.retry(), step.showLog()],
        retryable: true,
      });
    case 'network':
      return explainNetwork(d, host);
    case 'timeout':
      return new MomoError({
        ...base,
        message: l10n.t('{0} did not answer within {1}.', hostStart, formatSeconds(d.timeoutMs)),
        causes: [l10n.t('The MoMo service is slow or down.'), l10n.t('A slow or filtering network, proxy or firewall.')],
        nextSteps: [step.retry(), step.checkNetwork()],
        retryable: true,
      });
    case 'cancelled':
      return new MomoError({ ...base, message: l10n.t('The operation was cancelled.'), nextSteps: [step.retry()] });
    case 'unexpected':
      return new MomoError({
        ...base,
        message: d.status
          ? l10n.t('{0} gave an unexpected answer ({1}){2}.', hostStart, d.status, serverSays(d))
          : l10n.t('Something unexpected went wrong while talking to {0}.', host),
        causes: [l10n.t('The base URL may point at something other than the MoMo API.')],
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
      message: l10n.t('The secure connection to {0} failed ({1}).', host, code ?? ''),
      causes: [
        l10n.t('A proxy or antivirus is inspecting HTTPS traffic with its own certificate.'),
        l10n.t('The base URL names the wrong host, or a plain-http server was addressed with https.'),
        l10n.t('The computer clock is wrong.'),
      ],
      nextSteps: [step.checkBaseUrl(), step.checkNetwork()],
    });
  }
  const reason = networkReason(code);
  const dnsProblem = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  const causes = dnsProblem
    ? [l10n.t('The host name in the base URL is misspelled.'), l10n.t('No internet connection, or DNS is blocked.')]
    : code === 'ECONNREFUSED'
      ? [l10n.t('The base URL has a wrong host or port.'), l10n.t('The local emulator or proxy is not running.')]
      : [l10n.t('An unstable connection, proxy or firewall.'), l10n.t('The server closed the connection.')];
  return new MomoError({
    ...base,
    message: l10n.t('Could not reach {0}: {1}.', host, reason),
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
  if (ms === undefined) return l10n.t('the time limit');
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

