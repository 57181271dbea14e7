/**
 * Explanations of the answers MTN's new production platform (momoapi.momo.africa) adds: the
 * token call's X-Target-Environment 400, OAuth's invalid_client 401, the Azure Application
 * Gateway's HTML 403, and a status read of a transaction the platform did not process.
 */
import type { ExplainDetails } from './explanations';
import { MomoError, type MomoErrorKind } from './momoError';
import { NEW_PLATFORM_BASE_URL, SANDBOX_HOSTS } from './environments';
import { step } from './nextSteps';

const NEW_PLATFORM_KINDS = ['missingTargetEnvironment', 'invalidClient', 'gatewayForbidden', 'transactionNotFound'] as const;
export type NewPlatformKind = (typeof NEW_PLATFORM_KINDS)[number];

export function isNewPlatformKind(kind: MomoErrorKind): kind is NewPlatformKind {
  return (NEW_PLATFORM_KINDS as readonly string[]).includes(kind);
}

const NEW_HOST = new URL(NEW_PLATFORM_BASE_URL).host;

export function explainNewPlatform(kind: NewPlatformKind, d: ExplainDetails): MomoError {
  const hostStart = d.host || 'The MoMo API';
  const base = { kind, host: d.host || undefined, status: d.status };
  switch (kind) {
    case 'missingTargetEnvironment':
      return new MomoError({
        ...base,
        message: `${hostStart} refused the token request: the X-Target-Environment header is missing or not a valid target environment (400).`,
        causes: [
          `The new production platform (${NEW_HOST}) requires X-Target-Environment on /{product}/token/ too, not only on product calls.`,
          'The value is not the mtn<country> of your wallet (for example mtnuganda); "production" and "sandbox" are not accepted there.',
        ],
        nextSteps: [{ ...step.chooseTargetEnvironment(), label: 'Send X-Target-Environment (mtn<country>) with the token request' }],
      });
    case 'invalidClient': {
      const platformCauses = [
        'The System Credentials were not created under "System and device credentials" in the Partner Portal for this wallet (target environment), or were deleted there.',
        `The pair belongs to the other platform: an API user + API key works only on the legacy platform, System Credentials only on ${NEW_HOST}.`,
      ];
      const headerCause = 'The Authorization header is missing or is not "Basic " + base64 of the raw "<user>:<secret>" (not URL-encoded), or one half was copied incompletely.';
      // The sandbox has no System Credentials: there only the header can be at fault.
      const sandbox = SANDBOX_HOSTS.includes(d.host ?? '');
      return new MomoError({
        ...base,
        message: `The token endpoint${d.host ? ` at ${d.host}` : ''} did not recognise these credentials (401 invalid_client).`,
        causes: sandbox ? [headerCause] : [...platformCauses, headerCause],
        nextSteps: [
          { ...step.addExistingApiUser(), label: 'Enter the User ID and Credential Token again' },
          { ...step.openPartnerPortal(), label: 'Create System Credentials in the MTN Partner Portal' },
        ],
      });
    }
    case 'gatewayForbidden':
      return new MomoError({
        ...base,
        message: `${d.host || 'The gateway'} refused the client itself with an HTML "403 Forbidden" page from Microsoft-Azure-Application-Gateway, before MoMo saw the request.`,
        causes: [
          'The User-Agent names a blocked HTTP library (python-requests is refused): send your product\'s own User-Agent.',
          'A firewall rule of the new platform blocks this network or request shape.',
        ],
        nextSteps: [step.checkNetwork(), step.showLog()],
      });
    case 'transactionNotFound':
      return new MomoError({
        ...base,
        message: `${hostStart} has no transaction with this reference id (RESOURCE_NOT_FOUND).`,
        causes: [
          `The transaction was made on the other production platform: while both run, a status can only be read on the platform that processed it (the legacy proxy.momoapi.mtn.com or ${NEW_HOST}).`,
          'The reference id was mistyped, or the transaction was made by another API user.',
        ],
        nextSteps: [{ ...step.checkBaseUrl(), label: 'Read the status on the platform that processed the transaction' }],
      });
  }
}
