/**
 * Replacing a stored subscription key that works asks first: a wrong paste must not silently
 * overwrite a working key. A stored key the gateway rejects is replaced without a question
 * (it is broken anyway); one that cannot be checked (offline) is asked about, to be safe.
 */
import * as vscode from 'vscode';
import { MomoClient } from '../../core/momo/client';
import { probeKeyForProduct } from '../../core/momo/productProbe';
import { maskSecret } from '../../core/momo/redact';
import type { ProductScope } from '../../core/store/credentialIndex';
import { environmentLabel, keyTypeLabel, productLabel } from '../../core/store/credentialText';
import type { SubscriptionKeyType } from '../../core/store/secretNames';
import type { CommandContext } from '../commandContext';
import { requestTimeoutMs } from '../config';
import { secretDestination } from '../trust/secretDestinations';

/** 'empty': nothing stored there; 'same': that very key is stored; 'replace' / 'keep': the answer (or no question needed). */
export type ReplacementDecision = 'empty' | 'same' | 'replace' | 'keep';

export async function decideKeyReplacement(
  ctx: CommandContext,
  scope: ProductScope,
  keyType: SubscriptionKeyType,
  newKey: string,
  options: { confirm?: boolean } = {},
): Promise<ReplacementDecision> {
  const stored = await ctx.store.getSubscriptionKey(scope, keyType);
  if (!stored) return 'empty';
  if (stored === newKey) return 'same';
  if (options.confirm === true) return 'replace';
  const answer = await probeStored(ctx, scope, stored);
  if (answer === 'rejected') {
    ctx.log.info(`The stored ${keyType} ${scope.product} key is rejected by the gateway: replacing it without asking.`);
    return 'replace';
  }
  const what = vscode.l10n.t('{0} {1} key ({2}) for {3}', keyTypeLabel(keyType), productLabel(scope.product), maskSecret(stored), environmentLabel(scope.environment));
  const question =
    answer === 'works'
      ? vscode.l10n.t('The stored {0} works. Replace it with the key you pasted ({1})?', what, maskSecret(newKey))
      : vscode.l10n.t('The stored {0} could not be checked just now. Replace it with the key you pasted ({1})?', what, maskSecret(newKey));
  const replace = vscode.l10n.t('Replace');
  const choice = await ctx.notifier.ask('warning', question, [replace, vscode.l10n.t('Keep the Stored Key')], {
    modal: true,
    detail: vscode.l10n.t('API users created with the stored key keep working either way; the replaced key is deleted from VS Code.'),
  });
  return choice === replace ? 'replace' : 'keep';
}

async function probeStored(ctx: CommandContext, scope: ProductScope, stored: string): Promise<'works' | 'rejected' | 'unknown'> {
  const destination = await secretDestination(ctx, { environment: scope.environment, credentials: [vscode.l10n.t('the stored subscription key')] });
  if (!destination.ok) return 'unknown'; // not checkable: ask rather than overwrite
  try {
    const client = new MomoClient({ baseUrl: destination.baseUrl, timeoutMs: requestTimeoutMs() });
    const answer = await probeKeyForProduct(client, scope.product, stored);
    if (answer === 'accepted') return 'works';
    return answer.kind === 'invalidSubscriptionKey' ? 'rejected' : 'unknown';
  } catch {
    return 'unknown';
  }
}
