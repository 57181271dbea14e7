/**
 * Set Up MoMo, step 1: the subscription key. A pasted key is recognised (which product?) with
 * one side-by-side probe of the three token endpoints, then stored as the primary key unless
 * one is stored (then as the secondary one); replacing a working key asks first. With a key
 * stored already, the person may continue with it.
 */
import * as vscode from 'vscode';
import { MomoClient } from '../../core/momo/client';
import { probeKeyProducts } from '../../core/momo/productProbe';
import type { Product } from '../../core/momo/products';
import { maskSecret } from '../../core/momo/redact';
import { validateSubscriptionKey } from '../../core/momo/validation';
import { activeApiUser, findSubscriptionKeys, type SubscriptionKeyRecord } from '../../core/store/credentialIndex';
import { keyTypeLabel, productLabel } from '../../core/store/credentialText';
import { SUBSCRIPTION_KEY_TYPES, type SubscriptionKeyType } from '../../core/store/secretNames';
import type { CommandContext } from '../commandContext';
import { requestTimeoutMs } from '../config';
import { SecretStorageFailure } from '../credentialStore';
import { decideKeyReplacement } from '../ui/confirmKeyReplacement';
import { presentError } from '../ui/errorPresenter';
import { withCancellableProgress } from '../ui/progress';
import { reportSubscriptionKeyNotStored } from '../ui/secretStorageFailure';
import { askSetupKey } from './askSetupKey';
import type { SetupRun } from './setupRun';
import { SANDBOX } from '../../core/momo/environments';

export interface SetupKey {
  key: string;
  product: Product;
  keyType: SubscriptionKeyType;
  /** True when this run stored it (a new key: API users of the old one are not reused). */
  stored: boolean;
}

export interface KeyRequest {
  /** The key given as an argument (already known to be a string). */
  given?: string;
  /** The product the caller expects; the key's own product wins, and the difference is said. */
  expectedProduct?: Product;
  interactive: boolean;
  confirmReplace: boolean;
  baseUrl: string;
}

/** undefined: stopped (told why, or cancelled: the run says how to continue). */
export async function setupKey(ctx: CommandContext, run: SetupRun, request: KeyRequest): Promise<SetupKey | undefined> {
  const stored = preferredStoredKey(ctx);
  let pasted = request.given;
  if (pasted !== undefined) {
    const checked = validateSubscriptionKey(pasted);
    if (!checked.ok) {
      ctx.notifier.tell('error', vscode.l10n.t('Set Up MoMo did not store the subscription key: {0}', checked.message));
      return run.failed(checked.message);
    }
    pasted = checked.value;
  } else if (request.interactive) {
    const storedLabel = stored
      ? vscode.l10n.t('{0} key {1}', productLabel(stored.product), maskSecret((await ctx.store.getSubscriptionKey(stored, stored.keyType)) ?? ''))
      : undefined;
    const answer = await askSetupKey(vscode.l10n.t('{0}: subscription key', run.title), storedLabel);
    if (!answer) return run.stopped(vscode.l10n.t('the subscription key'));
    if (answer.kind === 'pasted') pasted = answer.key;
  }
  if (pasted === undefined) {
    const key = stored ? await ctx.store.getSubscriptionKey(stored, stored.keyType) : undefined;
    if (!stored || !key) {
      const why = vscode.l10n.t('No subscription key was given and none is stored: give `key`, or run Set Up MoMo from the palette.');
      ctx.notifier.tell('error', why);
      return run.failed(why);
    }
    return { key, product: stored.product, keyType: stored.keyType, stored: false };
  }

  const product = await recogniseProduct(ctx, run, pasted, request.baseUrl);
  if (!product) return undefined;
  if (request.expectedProduct && request.expectedProduct !== product) {
    run.note(vscode.l10n.t('The key belongs to {0}, not {1}, so it is used for {0}.', productLabel(product), productLabel(request.expectedProduct)));
  }
  return storeKey(ctx, run, pasted, product, request.confirmReplace);
}

/** The stored sandbox key to continue with: the active user's product first. */
function preferredStoredKey(ctx: CommandContext): SubscriptionKeyRecord | undefined {
  const index = ctx.store.index();
  const keys = index.subscriptionKeys.filter((k) => k.environment === SANDBOX);
  const active = activeApiUser(index);
  const ofActive = active?.environment === SANDBOX ? keys.filter((k) => k.product === active.product) : [];
  return [...ofActive, ...keys].sort((a, b) => Number(b.keyType === 'primary') - Number(a.keyType === 'primary'))[0] ?? keys[0];
}

async function recogniseProduct(ctx: CommandContext, run: SetupRun, key: string, baseUrl: string): Promise<Product | undefined> {
  const probe = await withCancellableProgress(vscode.l10n.t('Set Up MoMo: recognising the subscription key'), (signal) =>
    probeKeyProducts(new MomoClient({ baseUrl, timeoutMs: requestTimeoutMs() }), key, { signal }),
  );
  if (probe.product) {
    ctx.log.info(`The subscription key ${maskSecret(key)} belongs to ${probe.product}.`);
    return probe.product;
  }
  if (probe.error?.kind === 'cancelled') return run.stopped(vscode.l10n.t('the subscription key was recognised'));
  // A key no product accepts gets the gateway's own explanation (Collection Widget first).
  presentError(ctx, probe.error, { environment: SANDBOX, retry: () => run.again() });
  return run.failed(probe.error?.message ?? vscode.l10n.t('The subscription key was not recognised.'));
}

async function storeKey(ctx: CommandContext, run: SetupRun, key: string, product: Product, confirmReplace: boolean): Promise<SetupKey | undefined> {
  const scope = { environment: SANDBOX, product };
  const slots = findSubscriptionKeys(ctx.store.index(), scope);
  for (const slot of slots) {
    if ((await ctx.store.getSubscriptionKey(scope, slot.keyType)) === key) return { key, product, keyType: slot.keyType, stored: false };
  }
  const free = SUBSCRIPTION_KEY_TYPES.find((t) => !slots.some((s) => s.keyType === t));
  const keyType: SubscriptionKeyType = free ?? 'primary';
  if (!free && (await decideKeyReplacement(ctx, scope, keyType, key, { confirm: confirmReplace })) === 'keep') {
    const kept = await ctx.store.getSubscriptionKey(scope, keyType);
    if (!kept) return run.failed(vscode.l10n.t('The stored key could not be read.'));
    run.note(vscode.l10n.t('Kept the stored {0} key {1}; the pasted key was not stored.', productLabel(product), maskSecret(kept)));
    return { key: kept, product, keyType, stored: false };
  }
  try {
    await ctx.store.setSubscriptionKey(scope, keyType, key);
  } catch (err) {
    if (err instanceof SecretStorageFailure) {
      reportSubscriptionKeyNotStored(ctx, err, () => run.again());
      return run.failed(err.message);
    }
    throw err;
  }
  run.done(vscode.l10n.t('the {0} subscription key {1} is stored ({2})', productLabel(product), maskSecret(key), keyTypeLabel(keyType).toLowerCase()));
  return { key, product, keyType, stored: true };
}
