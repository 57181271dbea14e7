/**
 * MoMo: Provision Sandbox API User (arguments: MomoCommandArgs in momoCommands.ts).
 * Creates the API user and its key with the sandbox Provisioning API, then stores both. The
 * Provisioning API does not exist in production: asked for one, the command explains the
 * Partner Portal instead. Nothing created is ever lost: a user created before a failure is
 * kept (with "Finish provisioning" offered, here and in the tree), and a key SecretStorage refuses is offered for copying.
 */
import * as vscode from 'vscode';
import { isMomoError } from '../../core/momo/errors';
import { provision, type ProvisionResult, type ProvisionStep } from '../../core/momo/provision';
import { validateCallbackHost } from '../../core/momo/validation';
import type { Product } from '../../core/momo/products';
import { findSubscriptionKeys } from '../../core/store/credentialIndex';
import { keyName, productLabel, shortApiUser } from '../../core/store/credentialText';
import type { SubscriptionKeyType } from '../../core/store/secretNames';
import { defaultCallbackHost, requestTimeoutMs } from '../config';
import { secretDestination } from '../trust/secretDestinations';
import { presentError } from '../ui/errorPresenter';
import { inputValidated, pickKeyType, pickProduct } from '../ui/pickers';
import { withCancellableProgress } from '../ui/progress';
import { offerApiKeyForCopy } from '../ui/secretStorageFailure';
import { environmentArg, isInteractive, keyTypeArg, productArg, stringArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { explainProductionProvisioning } from './productionProvisioning';
import { setSubscriptionKey } from './setSubscriptionKey';
import { runMomoCommand } from '../momoCommands';
import { SANDBOX } from '../../core/momo/environments';

const title = (): string => vscode.l10n.t('MoMo: Provision Sandbox API User');

export type ProvisionCommandResult = CommandResult<{ apiUser: string; product: Product; keyStored: boolean }>;

function stepText(step: ProvisionStep, attempt: number): string {
  const text = { createUser: vscode.l10n.t('creating the API user…'), confirmUser: vscode.l10n.t('confirming the API user…'), createKey: vscode.l10n.t('creating the API key…') }[step];
  return attempt > 1 ? vscode.l10n.t('{0} (attempt {1})', text, attempt) : text;
}

export async function provisionSandboxUser(ctx: CommandContext, arg: unknown): Promise<ProvisionCommandResult> {
  const args = toArgs(arg);
  const env = environmentArg(args);
  if (env.value?.production) {
    explainProductionProvisioning(ctx, env.value.id, productArg(args).value);
    return failed(vscode.l10n.t('Provisioning is only available in the sandbox.'));
  }
  const productParsed = productArg(args);
  const keyTypeParsed = keyTypeArg(args, 'subscriptionKeyType');
  const argError = env.error ?? productParsed.error ?? keyTypeParsed.error;
  if (argError) {
    ctx.notifier.tell('error', argError);
    return failed(argError);
  }
  const product = productParsed.value ?? (await pickProduct(vscode.l10n.t('{0}: product', title()), ctx.store.index(), SANDBOX));
  if (!product) {
    return failed('cancelled');
  }
  const keyType = await chooseSubscriptionKey(ctx, product, keyTypeParsed.value, isInteractive(arg));
  if (!keyType) {
    return failed('no subscription key');
  }
  const subscriptionKey = await ctx.store.getSubscriptionKey({ environment: SANDBOX, product }, keyType);
  if (!subscriptionKey) {
    return offerToSetKey(ctx, product, keyType, vscode.l10n.t('The {0} sandbox subscription key is not in SecretStorage any more.', keyName(keyType, product)));
  }
  const callbackHost = await chooseCallbackHost(ctx, arg, stringArg(args, 'callbackHost'));
  if (!callbackHost) {
    return failed('cancelled');
  }
  const destination = await secretDestination(ctx, { environment: SANDBOX, credentials: [vscode.l10n.t('the {0} sandbox subscription key', keyName(keyType, product))] });
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
    result = await withCancellableProgress(vscode.l10n.t('Provisioning a sandbox API user for {0}', productLabel(product)), (signal, report) =>
      provision({
        baseUrl: plan.baseUrl,
        product,
        subscriptionKey: plan.subscriptionKey,
        callbackHost,
        signal,
        timeoutMs: requestTimeoutMs(),
        onStep: (step, attempt) => report(stepText(step, attempt)),
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
    vscode.l10n.t('Created sandbox API user {0} for {1} and stored its API key in SecretStorage. Next, put them into your settings.', shortApiUser(apiUser), productLabel(product)),
    {
      [vscode.l10n.t('Insert into settings…')]: () => runMomoCommand('momo.insertIntoSettings', { apiUser, environment: SANDBOX, product }),
      [vscode.l10n.t('Copy API key')]: () => ctx.clipboard.copy(apiKey),
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
        ? isMomoError(err) && err.apiUserUnconfirmed
          ? vscode.l10n.t('Provisioning was cancelled after API user {0} was possibly created; it is kept without a key: finish provisioning it when you are ready.', shortApiUser(created))
          : vscode.l10n.t('Provisioning was cancelled after API user {0} was created; it is kept without a key: finish provisioning it when you are ready.', shortApiUser(created))
        : vscode.l10n.t('Provisioning was cancelled before anything was created.'),
      created ? { [vscode.l10n.t('Finish provisioning')]: () => runMomoCommand('momo.finishProvisioning', { ...scope, apiUser: created }) } : {},
    );
    return failed('cancelled');
  }
  presentError(ctx, err, {
    ...scope,
    ...(created ? { apiUser: created } : {}),
    retry: () => runMomoCommand('momo.provisionSandboxUser', { product: plan.product, subscriptionKeyType: plan.keyType, callbackHost: plan.callbackHost }),
    ...(created ? { firstActions: { [vscode.l10n.t('Finish provisioning')]: () => runMomoCommand('momo.finishProvisioning', { ...scope, apiUser: created }) } } : {}),
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
    await offerToSetKey(ctx, product, wanted, vscode.l10n.t('No {0} subscription key is stored for the sandbox.', keyName(wanted, product)));
    return undefined;
  }
  if (stored.length === 0) {
    if (interactive) {
      // A person who starts here (say, from the welcome view) is asked for the key, then carries on.
      const set = await setSubscriptionKey(ctx, { environment: SANDBOX, product }, { announce: false });
      return set.ok ? set.keyType : undefined;
    }
    await offerToSetKey(ctx, product, 'primary', vscode.l10n.t('No {0} subscription key is stored for the sandbox yet.', productLabel(product)));
    return undefined;
  }
  if (stored.length === 1 || !interactive) {
    return stored[0];
  }
  return pickKeyType(vscode.l10n.t('{0}: which stored subscription key', title()), stored);
}

async function offerToSetKey(ctx: CommandContext, product: Product, keyType: SubscriptionKeyType, why: string): Promise<ProvisionCommandResult> {
  ctx.notifier.tell('warning', vscode.l10n.t('{0} Provisioning needs it: set it first, then provision again.', why), {
    [vscode.l10n.t('Set Subscription Key')]: () => runMomoCommand('momo.setSubscriptionKey', { environment: SANDBOX, product, keyType }),
  });
  return failed(why);
}

/** From the argument, else the setting or localhost; a person starting the command may edit it. */
export async function chooseCallbackHost(ctx: CommandContext, arg: unknown, given: string | undefined): Promise<string | undefined> {
  const fallback = given ?? defaultCallbackHost();
  if (!isInteractive(arg)) {
    const checked = validateCallbackHost(fallback, { production: false });
    if (!checked.ok) {
      ctx.notifier.tell('error', vscode.l10n.t('The provider callback host was not accepted: {0}', checked.message));
      return undefined;
    }
    return checked.value;
  }
  return inputValidated({
    title: vscode.l10n.t('{0}: provider callback host', title()),
    prompt: vscode.l10n.t('Host name (not a URL) that later callback URLs must use; the sandbox accepts any, e.g. localhost or webhook.example.com.'),
    value: fallback,
    validate: (raw) => validateCallbackHost(raw, { production: false }),
  });
}
