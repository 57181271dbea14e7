/**
 * Explanations of the answers MTN's new production platform (momoapi.momo.africa) adds: the
 * token call's X-Target-Environment 400, OAuth's invalid_client 401, the Azure Application
 * Gateway's HTML 403, and a status read of a transaction the platform did not process.
 */
import * as l10n from '@vscode/l10n';
import type { ExplainDetails } from './explanations';
import { MomoError, type MomoErrorKind } from './momoError';
import { NEW_PLATFORM_BASE_URL, PRODUCTION_BASE_URL, SANDBOX_HOSTS } from './environments';
import { step } from './nextSteps';

const NEW_PLATFORM_KINDS = ['missingTargetEnvironment', 'invalidClient', 'gatewayForbidden', 'transactionNotFound'] as const;
export type NewPlatformKind = (typeof NEW_PLATFORM_KINDS)[number];

export function isNewPlatformKind(kind: MomoErrorKind): kind is NewPlatformKind {
  return (NEW_PLATFORM_KINDS as readonly string[]).includes(kind);
}

const NEW_HOST = new URL(NEW_PLATFORM_BASE_URL).host;
const LEGACY_HOST = new URL(PRODUCTION_BASE_URL).host;

export function explainNewPlatform(kind: NewPlatformKind, d: ExplainDetails): MomoError {
  const hostStart = d.host || l10n.t('The MoMo API');
  const base = { kind, host: d.host || undefined, status: d.status };
  switch (kind) {
    case 'missingTargetEnvironment':
      return new MomoError({
        ...base,
        message: l10n.t('{0} refused the token request: the X-Target-Environment header is missing or not a valid target environment (400).', hostStart),
        causes: [
          l10n.t('The new production platform ({0}) requires X-Target-Environment on the token request too, not only on product calls.', NEW_HOST),
          l10n.t('The value is not the mtn<country> of your wallet (for example mtnuganda); "production" and "sandbox" are not accepted there.'),
        ],
        nextSteps: [{ ...step.chooseTargetEnvironment(), label: l10n.t('Send X-Target-Environment (mtn<country>) with the token request') }],
      });
    case 'invalidClient': {
      const platformCauses = [
        l10n.t('The System Credentials were not created under "System and device credentials" in the Partner Portal for this wallet (target environment), or were deleted there.'),
        l10n.t('The pair belongs to the other platform: an API user + API key works only on the legacy platform, System Credentials only on {0}.', NEW_HOST),
      ];
      const headerCause = l10n.t(
        'The Authorization header is missing or is not "Basic " + base64 of the raw "<user>:<secret>" (not URL-encoded), or one half was copied incompletely.',
      );
      // The sandbox has no System Credentials: there only the header can be at fault.
      const sandbox = SANDBOX_HOSTS.includes(d.host ?? '');
      return new MomoError({
        ...base,
        message: d.host
          ? l10n.t('The token endpoint at {0} did not recognise these credentials (401 invalid_client).', d.host)
          : l10n.t('The token endpoint did not recognise these credentials (401 invalid_client).'),
        causes: sandbox ? [headerCause] : [...platformCauses, headerCause],
        nextSteps: [
          { ...step.addExistingApiUser(), label: l10n.t('Enter the User ID and Credential Token again') },
          { ...step.openPartnerPortal(), label: l10n.t('Create System Credentials in the MTN Partner Portal') },
        ],
      });
    }
    case 'gatewayForbidden':
      return new MomoError({
        ...base,
        message: l10n.t(
          '{0} refused the client itself with an HTML "403 Forbidden" page from Microsoft-Azure-Application-Gateway, before MoMo saw the request.',
          d.host || l10n.t('The gateway'),
        ),
        causes: [
          l10n.t("The User-Agent names a blocked HTTP library (python-requests is refused): send your product's own User-Agent."),
          l10n.t('A firewall rule of the new platform blocks this network or request shape.'),
        ],
        nextSteps: [step.checkNetwork(), step.showLog()],
      });
    case 'transactionNotFound':
      return new MomoError({
        ...base,
        message: l10n.t('{0} has no transaction with this reference id (RESOURCE_NOT_FOUND).', hostStart),
        causes: [
          l10n.t(
            'The transaction was made on the other production platform: while both run, a status can only be read on the platform that processed it (the legacy {0} or {1}).',
            LEGACY_HOST,
            NEW_HOST,
          ),
          l10n.t('The reference id was mistyped, or the transaction was made by another API user.'),
        ],
        nextSteps: [{ ...step.checkBaseUrl(), label: l10n.t('Read the status on the platform that processed the transaction') }],
      });
  }
}
