/**
 * Each API user: its id and key have the right shape, the user exists (sandbox: read it),
 * and the pair gets a token. A login_failed comes with the core's explanation: the key does
 * not belong to the user, or a newer key was created since (which retires the old one).
 */
import { PRODUCT_LABELS, Product } from '../../momo/products';
import { validateApiKey, validateApiUser, validateSubscriptionKey } from '../../momo/validation';
import { findingFromError, makeFinding, unlessCancelled } from '../findings';
import type { DoctorApiUser, DoctorFinding, DoctorFix } from '../types';
import type { CheckContext } from './context';
import { checkCredentialFormat } from './credentialFormat';

export const API_USER_FORMAT_CHECK = 'apiUser.format';
export const API_KEY_FORMAT_CHECK = 'apiKey.format';
export const API_USER_EXISTS_CHECK = 'apiUser.exists';
export const API_USER_TOKEN_CHECK = 'apiUser.token';

/** A working token, handed to the target-environment check so it can read the balance. */
export interface ProductSession {
  product: Product;
  subscriptionKey: string;
  accessToken: string;
}

export interface ApiUserCheck {
  findings: DoctorFinding[];
  session?: ProductSession;
}

export async function checkApiUser(entry: DoctorApiUser, ctx: CheckContext): Promise<ApiUserCheck> {
  const label = PRODUCT_LABELS[entry.product];
  const subject = entry.label ?? `${label} API user ${entry.apiUser.trim()}`;
  const user = checkCredentialFormat(entry.apiUser, validateApiUser, {
    check: API_USER_FORMAT_CHECK,
    subject,
    what: 'API user id',
    okMessage: 'The API user id is a UUID version 4.',
    fix: { id: 'addExistingApiUser', label: 'Enter the API user again' },
  });
  const findings = [user.finding];
  const key = entry.apiKey === undefined ? undefined : checkCredentialFormat(entry.apiKey, validateApiKey, {
    check: API_KEY_FORMAT_CHECK,
    subject,
    what: 'API key',
    okMessage: 'The API key has the right shape: 32 hexadecimal characters.',
    fix: { id: 'regenerateApiKey', label: 'Create a new API key for this API user' },
  });
  if (key) findings.push(key.finding);
  if (!user.value || !ctx.client) return { findings };

  const subscription = entry.subscriptionKey === undefined ? undefined : validateSubscriptionKey(entry.subscriptionKey);
  if (!subscription?.ok) {
    // A malformed key has its own finding; a missing one is said here, since it blocks this check.
    if (!subscription) {
      const message = `Not checked online: no ${label} subscription key was given to call the API with.`;
      const fixes: DoctorFix[] = [{ id: 'reenterSubscriptionKey', label: `Enter the ${label} subscription key` }];
      findings.push(makeFinding(API_USER_EXISTS_CHECK, 'warning', message, { subject, fixes }));
    }
    return { findings };
  }
  const subscriptionKey = subscription.value;

  const exists = await checkExists(user.value, subscriptionKey, subject, ctx);
  findings.push(exists.finding);
  if (exists.missing) return { findings };

  if (!key) {
    findings.push(makeFinding(API_USER_TOKEN_CHECK, 'info', 'No API key is stored for this API user, so no token was requested.', {
      subject,
      fixes: [{ id: 'regenerateApiKey', label: 'Create a new API key for this API user' }],
    }));
    return { findings };
  }
  if (!key.value) return { findings };
  try {
    const token = await ctx.client.getToken(entry.product, subscriptionKey, user.value, key.value, { signal: ctx.signal });
    findings.push(makeFinding(API_USER_TOKEN_CHECK, 'ok', `The API user and its API key get an access token for ${label}.`, { subject }));
    return { findings, session: { product: entry.product, subscriptionKey, accessToken: token.accessToken } };
  } catch (err) {
    findings.push(findingFromError(API_USER_TOKEN_CHECK, unlessCancelled(err), { subject }));
    return { findings };
  }
}

async function checkExists(
  apiUser: string,
  subscriptionKey: string,
  subject: string,
  ctx: CheckContext,
): Promise<{ finding: DoctorFinding; missing: boolean }> {
  const notReadable = () => {
    const message = 'Production has no Provisioning API to read the user from; the token step checks it instead.';
    return { missing: false, finding: makeFinding(API_USER_EXISTS_CHECK, 'info', message, { subject }) };
  };
  if (ctx.production) return notReadable();
  try {
    const user = await ctx.client!.getApiUser(subscriptionKey, apiUser, { signal: ctx.signal });
    const callback = user.providerCallbackHost ? `, provider callback host ${user.providerCallbackHost}` : '';
    const message = `The API user exists (target environment ${user.targetEnvironment}${callback}).`;
    return { missing: false, finding: makeFinding(API_USER_EXISTS_CHECK, 'ok', message, { subject }) };
  } catch (err) {
    const error = unlessCancelled(err);
    // A host without provisioning (a production proxy, the emulator in production mode) is not a failure of the user.
    if (error.kind === 'provisioningNotAvailable') return notReadable();
    const missing = error.kind === 'apiUserNotFound';
    const lead = missing ? undefined : 'Could not read the API user:';
    return { missing, finding: findingFromError(API_USER_EXISTS_CHECK, error, { subject, lead }) };
  }
}
