/** The next steps an explanation can recommend, built the same way everywhere. */
import type { NextStep } from './momoError';

export const DEVELOPER_PORTAL_URL = 'https://momodeveloper.mtn.com/';
export const PARTNER_PORTAL_URL = 'https://momoapi.mtn.com/';

export const step = {
  reenterSubscriptionKey: (): NextStep => ({ id: 'reenterSubscriptionKey', label: 'Enter the subscription key again' }),
  openPortal: (): NextStep => ({
    id: 'openPortal',
    label: 'Open the MoMo developer portal (Profile → Subscriptions)',
    url: DEVELOPER_PORTAL_URL,
  }),
  openPartnerPortal: (): NextStep => ({
    id: 'openPartnerPortal',
    label: 'Create the API user and key in the MTN Partner Portal',
    url: PARTNER_PORTAL_URL,
  }),
  retry: (): NextStep => ({ id: 'retry', label: 'Try again' }),
  checkNetwork: (): NextStep => ({ id: 'checkNetwork', label: 'Check the internet connection, proxy and firewall' }),
  checkBaseUrl: (): NextStep => ({ id: 'checkBaseUrl', label: 'Check the API base URL' }),
  regenerateApiKey: (): NextStep => ({ id: 'regenerateApiKey', label: 'Create a new API key for this API user' }),
  addExistingApiUser: (): NextStep => ({ id: 'addExistingApiUser', label: 'Enter an existing API user and key' }),
  provisionAgain: (): NextStep => ({ id: 'provisionAgain', label: 'Create a new API user' }),
  chooseTargetEnvironment: (): NextStep => ({ id: 'chooseTargetEnvironment', label: 'Choose the target environment' }),
  showLog: (): NextStep => ({ id: 'showLog', label: 'Show the log' }),
};
