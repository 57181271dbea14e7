/**
 * Each API user: its id and key have the right shape, the user exists (sandbox: read it),
 * and the pair gets a token (the read and the token request go out together). A login_failed
 * comes with the core's explanation: the key does
 * not belong to the user, or a newer key was created since (which retires the old one).
 */
import type { MomoClient } from '../../momo/client';
import { CREDENTIAL_KIND_LABELS, detectCredentialKind, validateSecretOf, validateUserIdOf, type CredentialKind } from '../../momo/credentialKind';
import { describePlatform, otherPlatformRefusal } from '../../momo/platforms';
import { PRODUCT_LABELS, Product } from '../../momo/products';
import { validateSubscriptionKey } from '../../momo/validation';
import { userPlatform } from '../environment';
import { findingFromError, makeFinding, unlessCancelled } from '../findings';
import type { DoctorApiUser, DoctorFinding, DoctorFix } from '../types';
import type { CheckContext } from './context';
import { checkCredentialFormat } from './credentialFormat';

export const API_USER_FORMAT_CHECK = 'apiUser.format';
export const API_KEY_FORMAT_CHECK = 'apiKey.format';
export const API_USER_EXISTS_CHECK = 'apiUser.exists';
export const API_USER_TOKEN_CHECK = 'apiUser.token';
export const API_USER_PLATFORM_CHECK = 'apiUser.platform';

const FORMAT_WORDS: Record<CredentialKind, { user: string; userOk: string; secret: string; secretOk: string; subject: string }> = {
  apiKey: {
    user: 'API user id',
    userOk: 'The API user id is a UUID version 4.',
    secret: 'API key',
    secretOk: 'The API key has the right shape: 32 hexadecimal characters.',
    subject: 'API user',
  },
  system: {
    user: 'User ID',
    userOk: 'The User ID has the shape of System Credentials: printable characters, no spaces.',
    secret: 'Credential Token',
    secretOk: 'The Credential Token has the shape of System Credentials: printable characters, no spaces.',
    subject: 'System Credentials',
  },
};

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
  // System Credentials exist only in production: in the sandbox a malformed id is explained as an API user's.
  const kind = entry.credentialKind ?? (ctx.production ? detectCredentialKind(entry.apiUser) : 'apiKey');
  const words = FORMAT_WORDS[kind];
  const subject = entry.label ?? `${label} ${words.subject} ${entry.apiUser.trim()}`;
  const user = checkCredentialFormat(entry.apiUser, (raw) => validateUserIdOf(kind, raw), {
    check: API_USER_FORMAT_CHECK,
    subject,
    what: words.user,
    okMessage: words.userOk,
    fix: { id: 'addExistingApiUser', label: kind === 'system' ? 'Enter the System Credentials again' : 'Enter the API user again' },
  });
  const findings = [user.finding];
  const newSecret: DoctorFix = kind === 'system'
    ? { id: 'addExistingApiUser', label: 'Enter the System Credentials again' }
    : { id: 'regenerateApiKey', label: 'Create a new API key for this API user' };
  const key = entry.apiKey === undefined ? undefined : checkCredentialFormat(entry.apiKey, (raw) => validateSecretOf(kind, raw), {
    check: API_KEY_FORMAT_CHECK,
    subject,
    what: words.secret,
    okMessage: words.secretOk,
    fix: newSecret,
  });
  if (key) findings.push(key.finding);
  const ownBaseUrl = entry.baseUrl?.trim().replace(/\/+$/, '');
  const client = ownBaseUrl && ownBaseUrl !== ctx.client?.baseUrl ? ctx.clientFor?.(ownBaseUrl) : ctx.client;
  if (!user.value || !client) return { findings };
  if (ctx.production) {
    const platform = platformFinding(entry, kind, subject, client);
    findings.push(platform);
    if (!platform.ok) return { findings };
  }

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

  // The read and the token at once: a missing user's token answer is simply not reported.
  const token = key?.value === undefined ? undefined : requestToken({ client, product: entry.product, subscriptionKey, apiUser: user.value, secret: key.value, kind, subject }, ctx);
  token?.catch(() => undefined); // handled here even when the user turns out missing
  const exists = await checkExists(user.value, subscriptionKey, subject, { ...ctx, client, production: ctx.production || kind === 'system' });
  findings.push(exists.finding);
  if (exists.missing) return { findings };

  if (!key) {
    findings.push(makeFinding(API_USER_TOKEN_CHECK, 'info', `No ${words.secret} is stored for this ${words.user}, so no token was requested.`, {
      subject,
      fixes: [newSecret],
    }));
    return { findings };
  }
  if (!token) return { findings };
  const result = await token;
  findings.push(result.finding);
  return { findings, session: result.session };
}

interface TokenRequest {
  client: MomoClient;
  product: Product;
  subscriptionKey: string;
  apiUser: string;
  secret: string;
  kind: CredentialKind;
  subject: string;
}

async function requestToken(request: TokenRequest, ctx: CheckContext): Promise<{ finding: DoctorFinding; session?: ProductSession }> {
  const { client, product, subscriptionKey, subject } = request;
  try {
    const token = await client.getToken(product, subscriptionKey, request.apiUser, request.secret, { signal: ctx.signal });
    const pair = request.kind === 'system' ? 'The User ID and its Credential Token get' : 'The API user and its API key get';
    const finding = makeFinding(API_USER_TOKEN_CHECK, 'ok', `${pair} an access token for ${PRODUCT_LABELS[product]}.`, { subject });
    // The target-environment check reads the balance through the report's client: only a session of that host is handed on.
    return { finding, session: client === ctx.client ? { product, subscriptionKey, accessToken: token.accessToken } : undefined };
  } catch (err) {
    return { finding: findingFromError(API_USER_TOKEN_CHECK, unlessCancelled(err), { subject }) };
  }
}

/** Production: which platform the pair is for, and a refusal when the host is the other platform's. */
function platformFinding(entry: DoctorApiUser, kind: CredentialKind, subject: string, client: MomoClient): DoctorFinding {
  const platform = userPlatform(entry);
  const refusal = otherPlatformRefusal(platform, client.baseUrl);
  if (refusal) {
    return makeFinding(API_USER_PLATFORM_CHECK, 'error', refusal, { subject, fixes: [{ id: 'checkBaseUrl', label: 'Check the API base URL' }] });
  }
  const message = `${CREDENTIAL_KIND_LABELS[kind]} of ${describePlatform(platform)}, checked at ${client.host}; the pair is only ever sent to that platform's host.`;
  return makeFinding(API_USER_PLATFORM_CHECK, 'info', message, { subject });
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
