/** The next steps an explanation can recommend, built the same way everywhere. */
import * as l10n from '@vscode/l10n';
import type { NextStep } from './momoError';

export const DEVELOPER_PORTAL_URL = 'https://momodeveloper.mtn.com/';
export const PARTNER_PORTAL_URL = 'https://momoapi.mtn.com/';

export const step = {
  reenterSubscriptionKey: (): NextStep => ({ id: 'reenterSubscriptionKey', label: l10n.t('Enter the subscription key again') }),
  openPortal: (): NextStep => ({
    id: 'openPortal',
    label: l10n.t('Open the MoMo developer portal (Profile → Subscriptions)'),
    url: DEVELOPER_PORTAL_URL,
  }),
  openPartnerPortal: (): NextStep => ({
    id: 'openPartnerPortal',
    label: l10n.t('Create the API user and key in the MTN Partner Portal'),
    url: PARTNER_PORTAL_URL,
  }),
  retry: (): NextStep => ({ id: 'retry', label: l10n.t('Try again') }),
  checkNetwork: (): NextStep => ({ id: 'checkNetwork', label: l10n.t('Check the internet connection, proxy and firewall') }),
  checkBaseUrl: (): NextStep => ({ id: 'checkBaseUrl', label: l10n.t('Check the API base URL') }),
  regenerateApiKey: (): NextStep => ({ id: 'regenerateApiKey', label: l10n.t('Create a new API key for this API user') }),
  addExistingApiUser: (): NextStep => ({ id: 'addExistingApiUser', label: l10n.t('Enter an existing API user and key') }),
  provisionAgain: (): NextStep => ({ id: 'provisionAgain', label: l10n.t('Create a new API user') }),
  chooseTargetEnvironment: (): NextStep => ({ id: 'chooseTargetEnvironment', label: l10n.t('Choose the target environment') }),
  showLog: (): NextStep => ({ id: 'showLog', label: l10n.t('Show the log') }),
};
