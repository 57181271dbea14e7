/**
 * The one-click test payment offered after verifying, after writing settings and at the end
 * of Set Up MoMo: the documented "success" test number, a small EUR amount, no callback, so
 * nothing is asked and the result is a SUCCESSFUL payment when the credentials work.
 */
import type { ApiUserRef } from '../core/store/credentialIndex';
import type { SendTestPaymentArgs } from './momoCommands';

const DEFAULT_TEST_AMOUNT = '5';

export function successfulTestPaymentArgs(ref: ApiUserRef): SendTestPaymentArgs {
  return { apiUser: ref.apiUser, environment: ref.environment, product: ref.product, outcome: 'success', amount: DEFAULT_TEST_AMOUNT, callbackUrl: '' };
}
