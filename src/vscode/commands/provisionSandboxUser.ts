/**
 * MoMo: Provision Sandbox API User. Args: { product?, subscriptionKeyType?, callbackHost? }.
 * Creates the API user and its key with the sandbox Provisioning API, then stores both. The
 * Provisioning API does not exist in production: asked for one, the command explains the
 * Partner Portal instead. Nothing created is ever lost: a user created before a failure is
 * kept (with "Finish provisioning" offered, here and in the tree), and a key SecretStorage refuses is offered for copying.
 */
import * as vscode from 'vscode';
import { isMomoError } from '../../core/momo/errors';
import { provision, type ProvisionResult } from '../../core/momo/provision';
import { validateCallbackHost } from '../../core/momo/validation';
import type { Product } from '../../core/momo/products';
import { findSubscriptionKeys } from '../../core/store/credentialIndex';
import { productLabel, shortApiUser } from '../../core/store/credentialText';
import type { SubscriptionKeyType } from '../../core/store/secretNames';
import { defaultCallbackHost, requestTimeoutMs } from '../config';
import { secretDestination } from '../trust/secretDestinations';
import { presentError } from '../ui/errorPresenter';
import { inputValidated, pickKeyType, pickProduct } from '../ui/pickers';
import { withCancellableProgress } from '../ui/progress';
import { offerApiKeyForCopy } from '../ui/secretStorageFailure';
import { environmentArg, isInteractive, keyTypeArg, productArg, stringArg, toArgs } from './commandArgs';
import { failed, type CommandContext, type CommandResult } from './commandContext';
import { explainProductionProvisioning } from './productionProvisioning';
import { setSubscriptionKey } from './setSubscriptionKey';

const TITLE = 'MoMo: Provision Sandbox API User';
const SANDBOX = 'sandbox';

export type ProvisionCommandResult = CommandResult<{ apiUser: string; product: Product; keyStored: boolean }>;

const STEP_TEXT = {
  createUser: 'creating the API user…',
  confirmUser: 'confirming the API user…',
  createKey: 'creating the API key…',
} as const;

export async function provisionSandboxUser(ctx: CommandContext, arg: unknown): Promise<ProvisionCommandResult> {
  const args = toArgs(arg);
  const env = environmentArg(args);
  if (env.value?.production) {
    explainProductionProvisioning(ctx, env.value.id, productArg(args).value);
    return failed('Provisioning is only available in the sandbox.');
  }
  const productParsed = productArg(args);
  const keyTypeParsed = keyTypeArg(args, 'subscriptionKeyType');
  const argError = env.error ?? productParsed.error ?? keyTypeParsed.error;
  if (argError) {
    ctx.notifier.tell('error', argError);
    return failed(argError);
  }
  const product = productParsed.value ?? (await pickProduct(`${TITLE}: product`, ctx.store.index(), SANDBOX));
  if (!product) {
    return failed('cancelled');
  }
  const keyType = await chooseSubscriptionKey(ctx, product, keyTypeParsed.value, isInteractive(arg));
  if (!keyType) {
    return failed('no subscription key');
  }
  const subscriptionKey = await ctx.store.getSubscriptionKey({ environment: SANDBOX, product }, keyType);
  if (!subscriptionKey) {
    return offerToSetKey(ctx, product, keyType, `The ${keyType} ${productLabel(product)} sandbox subscription key is not in SecretStorage any more.`);
  }
  const callbackHost = await chooseCallbackHost(ctx, arg, stringArg(args, 'callbackHost'));
  if (!callbackHost) {
    return failed('cancelled');
  }
  const destination = await secretDestination(ctx, { environment: SANDBOX, credentials: [`the ${keyType} ${productLabel(product)} sandbox subscription key`] });
  if (!destination.ok) {
    return failed(destination.reason);
  }
  return runProvisioning(ctx, { product, keyType, subscriptionKey, callbackHost, baseUrl: destination.baseUrl });
}

interface ProvisionPlan {
  product: Product;
  keyType: SubscriptionKeyType;
  subscriptionKey: string;
  callbackHost: string;
  baseUrl: string;
}

async function runProvisioning(ctx: CommandContext, plan: ProvisionPlan): Promise<ProvisionCommandResult> {
  const { product, keyType, callbackHost } = plan;
  ctx.log.info(`Provisioning a sandbox API user for ${product} at ${plan.baseUrl} with the ${keyType} key, callback host ${callbackHost}.`);
  let result;
  try {
    result = await withCancellableProgress(`Provisioning a sandbox API user for ${productLabel(product)}`, (signal, report) =>
      provision({
        baseUrl: plan.baseUrl,
        product,
        subscriptionKey: plan.subscriptionKey,
        callbackHost,
        signal,
        timeoutMs: requestTimeoutMs(),
        onStep: (step, attempt) => report(`${STEP_TEXT[step]}${attempt > 1 ? ` (attempt ${attempt})` : ''}`),
      }),
    );
  } catch (err) {
    return handleFailure(ctx, err, plan);
  }

  if (!(await storeProvisioned(ctx, result, keyType))) {
    return { ok: true, apiUser: result.apiUser, product, keyStored: false };
  }
  const apiUser = result.apiUser;
  const apiKey = result.apiKey;
  ctx.notifier.tell(
    'info',
    `Created sandbox API user ${shortApiUser(apiUser)} for ${productLabel(product)} and stored its API key in SecretStorage. Next, put them into your settings.`,
    {
      'Insert into settings…': () => vscode.commands.executeCommand('momo.insertIntoSettings', { apiUser, environment: SANDBOX, product }),
      'Copy API key': () => ctx.clipboard.copy(apiKey),
    },
  );
  return { ok: true, apiUser, product, keyStored: true };
}

/**
 * Stores a new user and its key. When SecretStorage refuses the key, it is offered for copying
 * and the user id is kept: resolves false then, so the caller says "not stored".
 */
export async function storeProvisioned(ctx: CommandContext, result: ProvisionResult, keyType: SubscriptionKeyType): Promise<boolean> {
  ctx.log.rememberSecret(result.apiKey);
  const record = { environment: SANDBOX, product: result.product, apiUser: result.apiUser, callbackHost: result.callbackHost, subscriptionKeyType: keyType, createdAt: new Date().toISOString(), origin: 'provisioned' as const };
  try {
    await ctx.store.saveApiUser(record, result.apiKey);
    return true;
  } catch (err) {
    // Any failure (the keyring, or globalState itself) must not lose a key MoMo cannot show again.
    // When globalState itself failed, the user record may be missing too: the dialog names the id.
    offerApiKeyForCopy(ctx, { environment: SANDBOX, product: result.product, apiUser: result.apiUser }, result.apiKey, err, false);
    return false;
  }
}

/** Keeps a user that exists at MoMo although provisioning failed after creating it. */
export async function keepCreatedUser(ctx: CommandContext, err: unknown, plan: Pick<ProvisionPlan, 'product' | 'keyType' | 'callbackHost'>): Promise<string | undefined> {
  const created = isMomoError(err) ? err.createdApiUser : undefined;
  if (created) {
    const unconfirmed = isMomoError(err) && err.apiUserUnconfirmed ? { unconfirmed: true as const } : {};
    await ctx.store.saveApiUser({ environment: SANDBOX, product: plan.product, apiUser: created, callbackHost: plan.callbackHost, subscriptionKeyType: plan.keyType, createdAt: new Date().toISOString(), origin: 'provisioned', ...unconfirmed });
  }
  return created;
}

async function handleFailure(ctx: CommandContext, err: unknown, plan: ProvisionPlan): Promise<ProvisionCommandResult> {
  // The user exists (or may exist) at MoMo now; keeping it lets the user "Finish provisioning"
  // (create its key) from the message or the tree, instead of creating a second user.
  const created = await keepCreatedUser(ctx, err, plan);
  const scope = { environment: SANDBOX, product: plan.product };
  if (isMomoError(err) && err.kind === 'cancelled') {
    ctx.notifier.tell(
      'info',
      created
        ? `Provisioning was cancelled after API user ${shortApiUser(created)} was ${isMomoError(err) && err.apiUserUnconfirmed ? 'possibly ' : ''}created; it is kept without a key: finish provisioning it when you are ready.`
        : 'Provisioning was cancelled before anything was created.',
      created ? { 'Finish provisioning': () => vscode.commands.executeCommand('momo.finishProvisioning', { ...scope, apiUser: created }) } : {},
    );
    return failed('cancelled');
  }
  presentError(ctx, err, {
    ...scope,
    ...(created ? { apiUser: created } : {}),
    retry: () => vscode.commands.executeCommand('momo.provisionSandboxUser', { product: plan.product, subscriptionKeyType: plan.keyType, callbackHost: plan.callbackHost }),
    ...(created ? { firstActions: { 'Finish provisioning': () => vscode.commands.executeCommand('momo.finishProvisioning', { ...scope, apiUser: created }) } } : {}),
  });
  const reason = isMomoError(err) ? err.message : String(err);
  return failed(reason);
}

/**
 * The given key type, the only stored one, or the user's choice (a caller passing arguments gets
 * the primary key rather than a question). With none stored, a person is asked for one; a
 * caller passing arguments is told to set one.
 */
async function chooseSubscriptionKey(
  ctx: CommandContext,
  product: Product,
  wanted: SubscriptionKeyType | undefined,
  interactive: boolean,
): Promise<SubscriptionKeyType | undefined> {
  const stored = findSubscriptionKeys(ctx.store.index(), { environment: SANDBOX, product }).map((k) => k.keyType);
  if (wanted) {
    if (stored.includes(wanted)) {
      return wanted;
    }
    await offerToSetKey(ctx, product, wanted, `No ${wanted} ${productLabel(product)} subscription key is stored for the sandbox.`);
    return undefined;
  }
  if (stored.length === 0) {
    if (interactive) {
      // A person who starts here (say, from the welcome view) is asked for the key, then carries on.
      const set = await setSubscriptionKey(ctx, { environment: SANDBOX, product }, { announce: false });
      return set.ok ? set.keyType : undefined;
    }
    await offerToSetKey(ctx, product, 'primary', `No ${productLabel(product)} subscription key is stored for the sandbox yet.`);
    return undefined;
  }
  if (stored.length === 1 || !interactive) {
    return stored[0];
  }
  return pickKeyType(`${TITLE}: which stored subscription key`, stored);
}

async function offerToSetKey(ctx: CommandContext, product: Product, keyType: SubscriptionKeyType, why: string): Promise<ProvisionCommandResult> {
  ctx.notifier.tell('warning', `${why} Provisioning needs it: set it first, then provision again.`, {
    'Set Subscription Key': () => vscode.commands.executeCommand('momo.setSubscriptionKey', { environment: SANDBOX, product, keyType }),
  });
  return failed(why);
}

/** From the argument, else the setting or localhost; a person starting the command may edit it. */
export async function chooseCallbackHost(ctx: CommandContext, arg: unknown, given: string | undefined): Promise<string | undefined> {
  const fallback = given ?? defaultCallbackHost();
  if (!isInteractive(arg)) {
    const checked = validateCallbackHost(fallback, { production: false });
    if (!checked.ok) {
      ctx.notifier.tell('error', `The provider callback host was not accepted: ${checked.message}`);
      return undefined;
    }
    return checked.value;
  }
  return inputValidated({
    title: `${TITLE}: provider callback host`,
    prompt: 'Host name (not a URL) that later callback URLs must use; the sandbox accepts any, e.g. localhost or webhook.example.com.',
    value: fallback,
    validate: (raw) => validateCallbackHost(raw, { production: false }),
  });
}
