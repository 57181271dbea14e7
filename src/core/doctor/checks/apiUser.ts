/**
 * Each API user: its id and key have the right shape, the user exists (sandbox: read it),
 * and the pair gets a token (the read and the token request go out together). A login_failed
 * comes with the core's explanation: the key does
 * not belong to the user, or a newer key was created since (which retires the old one).
 */
import * as l10n from '@vscode/l10n';
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

const API_USER_FORMAT_CHECK = 'apiUser.format';
const API_KEY_FORMAT_CHECK = 'apiKey.format';
const API_USER_EXISTS_CHECK = 'apiUser.exists';
const API_USER_TOKEN_CHECK = 'apiUser.token';
const API_USER_PLATFORM_CHECK = 'apiUser.platform';

function formatWords(kind: CredentialKind): { user: string; userOk: string; secret: string; secretOk: string } {
  return kind === 'apiKey'
    ? {
        user: l10n.t('API user id'),
        userOk: l10n.t('The API user id is a UUID version 4.'),
        secret: l10n.t('API key'),
        secretOk: l10n.t('The API key has the right shape: 32 hexadecimal characters.'),
      }
    : {
        user: l10n.t('User ID'),
        userOk: l10n.t('The User ID has the shape of System Credentials: printable characters, no spaces.'),
        secret: l10n.t('Credential Token'),
        secretOk: l10n.t('The Credential Token has the shape of System Credentials: printable characters, no spaces.'),
      };
}

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
  const words = formatWords(kind);
  const id = entry.apiUser.trim();
  const subject = entry.label ?? (kind === 'apiKey' ? l10n.t('{0} API user {1}', label, id) : l10n.t('{0} System Credentials {1}', label, id));
  const user = checkCredentialFormat(entry.apiUser, (raw) => validateUserIdOf(kind, raw), {
    check: API_USER_FORMAT_CHECK,
    subject,
    what: words.user,
    okMessage: words.userOk,
    fix: { id: 'addExistingApiUser', label: kind === 'system' ? l10n.t('Enter the System Credentials again') : l10n.t('Enter the API user again') },
  });
  const findings = [user.finding];
  const newSecret: DoctorFix = kind === 'system'
    ? { id: 'addExistingApiUser', label: l10n.t('Enter the System Credentials again') }
    : { id: 'regenerateApiKey', label: l10n.t('Create a new API key for this API user') };
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
      const message = l10n.t('Not checked online: no {0} subscription key was given to call the API with.', label);
      const fixes: DoctorFix[] = [{ id: 'reenterSubscriptionKey', label: l10n.t('Enter the {0} subscription key', label) }];
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
    findings.push(makeFinding(API_USER_TOKEN_CHECK, 'info', l10n.t('No {0} is stored for this {1}, so no token was requested.', words.secret, words.user), {
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
    const message = request.kind === 'system'
      ? l10n.t('The User ID and its Credential Token get an access token for {0}.', PRODUCT_LABELS[product])
      : l10n.t('The API user and its API key get an access token for {0}.', PRODUCT_LABELS[product]);
    const finding = makeFinding(API_USER_TOKEN_CHECK, 'ok', message, { subject });
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
    return makeFinding(API_USER_PLATFORM_CHECK, 'error', refusal, { subject, fixes: [{ id: 'checkBaseUrl', label: l10n.t('Check the API base URL') }] });
  }
  const message = l10n.t("{0} of {1}, checked at {2}; the pair is only ever sent to that platform's host.", CREDENTIAL_KIND_LABELS[kind], describePlatform(platform), client.host);
  return makeFinding(API_USER_PLATFORM_CHECK, 'info', message, { subject });
}

async function checkExists(
  apiUser: string,
  subscriptionKey: string,
  subject: string,
  ctx: CheckContext,
): Promise<{ finding: DoctorFinding; missing: boolean }> {
  const notReadable = () => {
    const message = l10n.t('Production has no Provisioning API to read the user from; the token step checks it instead.');
    return { missing: false, finding: makeFinding(API_USER_EXISTS_CHECK, 'info', message, { subject }) };
  };
  if (ctx.production) return notReadable();
  try {
    const user = await ctx.client!.getApiUser(subscriptionKey, apiUser, { signal: ctx.signal });
    const message = user.providerCallbackHost
      ? l10n.t('The API user exists (target environment {0}, provider callback host {1}).', user.targetEnvironment, user.providerCallbackHost)
      : l10n.t('The API user exists (target environment {0}).', user.targetEnvironment);
    return { missing: false, finding: makeFinding(API_USER_EXISTS_CHECK, 'ok', message, { subject }) };
  } catch (err) {
    const error = unlessCancelled(err);
    // A host without provisioning (a production proxy, the emulator in production mode) is not a failure of the user.
    if (error.kind === 'provisioningNotAvailable') return notReadable();
    const missing = error.kind === 'apiUserNotFound';
    const lead = missing ? undefined : l10n.t('Could not read the API user:');
    return { missing, finding: findingFromError(API_USER_EXISTS_CHECK, error, { subject, lead }) };
  }
}
