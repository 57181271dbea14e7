/**
 * MoMo: Provision Sandbox API Users for All Products (arguments: MomoCommandArgs in momoCommands.ts).
 * One API user and key for every product that has a sandbox subscription key stored, created
 * side by side (the time of one product, not three). Each product's outcome stands on its own:
 * a failure in one never hides what the others created, and a user created before a failure is
 * kept, as in the one-product command.
 */
import * as vscode from 'vscode';
import { PRODUCTS, type Product } from '../../core/momo/products';
import { provisionAll } from '../../core/momo/provisionAll';
import { findSubscriptionKeys } from '../../core/store/credentialIndex';
import { productLabel } from '../../core/store/credentialText';
import type { SubscriptionKeyType } from '../../core/store/secretNames';
import { requestTimeoutMs } from '../config';
import { secretDestination } from '../trust/secretDestinations';
import { withCancellableProgress } from '../ui/progress';
import { stringArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { chooseCallbackHost, keepCreatedUser, storeProvisioned } from './provisionSandboxUser';
import { runMomoCommand } from '../momoCommands';
import { SANDBOX } from '../../core/momo/environments';


export interface ProductOutcome {
  product: Product;
  ok: boolean;
  apiUser?: string;
  keyStored?: boolean;
  reason?: string;
}

export type ProvisionAllResult = CommandResult<{ products: ProductOutcome[] }>;

interface ProductKey {
  product: Product;
  keyType: SubscriptionKeyType;
  subscriptionKey: string;
}

export async function provisionAllProducts(ctx: CommandContext, arg: unknown): Promise<ProvisionAllResult> {
  const keys = await storedProductKeys(ctx);
  if (keys.length === 0) {
    const why = vscode.l10n.t('No sandbox subscription key is stored for any product yet.');
    ctx.notifier.tell('warning', vscode.l10n.t('{0} Set one per product (Collections, Disbursements, Remittances), then provision again.', why), {
      [vscode.l10n.t('Set Subscription Key')]: () => runMomoCommand('momo.setSubscriptionKey', { environment: SANDBOX }),
    });
    return failed(why);
  }
  const callbackHost = await chooseCallbackHost(ctx, arg, stringArg(toArgs(arg), 'callbackHost'));
  if (!callbackHost) return failed('cancelled');

  const labels = keys.map((k) => productLabel(k.product)).join(', ');
  const baseUrl = await secretDestination(ctx, { environment: SANDBOX, credentials: [vscode.l10n.t('the {0} sandbox subscription keys', labels)] });
  if (!baseUrl.ok) return failed(baseUrl.reason);
  ctx.log.info(`Provisioning sandbox API users for ${keys.map((k) => k.product).join(', ')} at ${baseUrl.baseUrl}, callback host ${callbackHost}.`);
  const outcomes = await withCancellableProgress(vscode.l10n.t('Provisioning sandbox API users for {0}', labels), (signal) =>
    provisionAll(keys.map((k) => ({ baseUrl: baseUrl.baseUrl, product: k.product, subscriptionKey: k.subscriptionKey, callbackHost, signal, timeoutMs: requestTimeoutMs() }))),
  );

  const products: ProductOutcome[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const keyType = keys[index].keyType;
    if (outcome.ok) {
      const keyStored = await storeProvisioned(ctx, outcome.result, keyType);
      products.push({ product: outcome.product, ok: true, apiUser: outcome.result.apiUser, keyStored });
    } else {
      const created = await keepCreatedUser(ctx, outcome.error, { product: outcome.product, keyType, callbackHost });
      products.push({ product: outcome.product, ok: false, apiUser: created, reason: outcome.error.message });
    }
  }
  announce(ctx, products);
  return products.some((p) => p.ok) ? { ok: true, products } : failed(products.map((p) => `${productLabel(p.product)}: ${p.reason}`).join(' '));
}

/** The primary key of each product where one is stored, else its secondary. */
async function storedProductKeys(ctx: CommandContext): Promise<ProductKey[]> {
  const keys: ProductKey[] = [];
  for (const product of PRODUCTS) {
    const stored = findSubscriptionKeys(ctx.store.index(), { environment: SANDBOX, product });
    const keyType = stored.find((k) => k.keyType === 'primary')?.keyType ?? stored[0]?.keyType;
    const subscriptionKey = keyType && (await ctx.store.getSubscriptionKey({ environment: SANDBOX, product }, keyType));
    if (keyType && subscriptionKey) keys.push({ product, keyType, subscriptionKey });
  }
  return keys;
}

function announce(ctx: CommandContext, products: ProductOutcome[]): void {
  const label = (p: ProductOutcome) => productLabel(p.product);
  const stored = products.filter((p) => p.ok && p.keyStored).map(label);
  const notStored = products.filter((p) => p.ok && !p.keyStored).map(label);
  const failures = products.filter((p) => !p.ok);
  const parts = [];
  if (stored.length > 0) parts.push(vscode.l10n.t('Created sandbox API users for {0} and stored their keys in SecretStorage.', stored.join(', ')));
  if (notStored.length > 0) {
    parts.push(vscode.l10n.t('Created sandbox API users for {0}, but their keys could NOT be stored: copy them from the dialog now (the user ids are kept).', notStored.join(', ')));
  }
  for (const failure of failures) {
    const kept = failure.apiUser ? ' ' + vscode.l10n.t('Its API user is kept: finish provisioning it from the tree.') : '';
    parts.push(vscode.l10n.t('{0} failed: {1}', label(failure), failure.reason ?? '') + kept);
  }
  const level = failures.length === 0 && notStored.length === 0 ? 'info' : stored.length === 0 && notStored.length === 0 ? 'error' : 'warning';
  ctx.notifier.tell(level, parts.join(' '), {
    [vscode.l10n.t('Show Log')]: () => runMomoCommand('momo.showLog'),
  });
}
