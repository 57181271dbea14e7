/**
 * MoMo: Set Subscription Key (arguments: MomoCommandArgs in momoCommands.ts; a key given without
 * keyType is the primary). Missing fields are asked; the key goes into a password
 * InputBox validated live with the core's messages, and from there only into SecretStorage.
 * Replacing a stored key that works asks first (`confirm: true` answers yes).
 */
import * as vscode from 'vscode';
import { maskSecret } from '../../core/momo/redact';
import { validateSubscriptionKey } from '../../core/momo/validation';
import { environmentLabel, keyName, keyTypeLabel, productLabel } from '../../core/store/credentialText';
import { findSubscriptionKeys } from '../../core/store/credentialIndex';
import type { SubscriptionKeyType } from '../../core/store/secretNames';
import { SecretStorageFailure } from '../credentialStore';
import { decideKeyReplacement } from '../ui/confirmKeyReplacement';
import { reportSubscriptionKeyNotStored } from '../ui/secretStorageFailure';
import { inputValidated, pickEnvironment, pickKeyType, pickProduct } from '../ui/pickers';
import { environmentArg, keyTypeArg, productArg, stringArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { runMomoCommand } from '../momoCommands';

const title = (): string => vscode.l10n.t('MoMo: Set Subscription Key');

export type SetSubscriptionKeyResult = CommandResult<{ environment: string; product: string; keyType: SubscriptionKeyType }>;

/** `announce: false` when another command asks for the key on its way and reports the outcome itself. */
export async function setSubscriptionKey(ctx: CommandContext, arg: unknown, options: { announce?: boolean } = {}): Promise<SetSubscriptionKeyResult> {
  const args = toArgs(arg);
  const envArg = environmentArg(args);
  const productParsed = productArg(args);
  const keyTypeParsed = keyTypeArg(args);
  const argError = envArg.error ?? productParsed.error ?? keyTypeParsed.error;
  if (argError) {
    ctx.notifier.tell('error', argError);
    return failed(argError);
  }
  const rawKey = stringArg(args, 'key');
  if (rawKey !== undefined) {
    const checked = validateSubscriptionKey(rawKey);
    if (!checked.ok) {
      ctx.notifier.tell('error', vscode.l10n.t('The subscription key was not stored: {0}', checked.message));
      return failed(checked.message);
    }
  }

  const environment = envArg.value ?? (await pickEnvironment(vscode.l10n.t('{0} (1/4): environment', title())));
  if (!environment) {
    return failed('cancelled');
  }
  const product = productParsed.value ?? (await pickProduct(vscode.l10n.t('{0} (2/4): product', title())));
  if (!product) {
    return failed('cancelled');
  }
  // A key passed as an argument with no type is the primary one: the common case, and no UI.
  const keyType = keyTypeParsed.value ?? (rawKey !== undefined ? 'primary' : await pickKeyType(vscode.l10n.t('{0} (3/4): key type', title())));
  if (!keyType) {
    return failed('cancelled');
  }
  const where = vscode.l10n.t('{0} in {1}', productLabel(product), environmentLabel(environment.id));
  const portal = environment.production ? 'momoapi.mtn.com' : 'momodeveloper.mtn.com';
  const key =
    rawKey !== undefined
      ? (validateSubscriptionKey(rawKey) as { value: string }).value
      : await inputValidated({
          title: vscode.l10n.t('{0} (4/4): {1} key for {2}', title(), keyTypeLabel(keyType), where),
          prompt:
            keyType === 'primary'
              ? vscode.l10n.t('Paste the primary key of your {0} subscription ({1} → Profile → Subscriptions). It is stored in SecretStorage only.', productLabel(product), portal)
              : vscode.l10n.t('Paste the secondary key of your {0} subscription ({1} → Profile → Subscriptions). It is stored in SecretStorage only.', productLabel(product), portal),
          placeHolder: vscode.l10n.t('32 hexadecimal characters'),
          password: true,
          validate: validateSubscriptionKey,
        });
  if (!key) {
    return failed('cancelled');
  }

  const scope = { environment: environment.id, product };
  const decision = await decideKeyReplacement(ctx, scope, keyType, key, { confirm: args.confirm === true });
  if (decision === 'keep') {
    ctx.notifier.tell('info', vscode.l10n.t('Kept the stored {0} subscription key; the pasted key was not stored.', keyName(keyType, product)));
    return failed('kept the stored key');
  }
  try {
    await ctx.store.setSubscriptionKey(scope, keyType, key);
  } catch (err) {
    if (err instanceof SecretStorageFailure) {
      reportSubscriptionKeyNotStored(ctx, err, () => runMomoCommand('momo.setSubscriptionKey', { ...scope, keyType }));
      return failed(err.message);
    }
    throw err;
  }

  if (options.announce === false) {
    return { ok: true, environment: environment.id, product, keyType };
  }
  const notice = validateSubscriptionKey(key);
  const extra = notice.ok && notice.notice ? ' ' + vscode.l10n.t('Note: {0}', notice.notice) : '';
  const hasUsers = ctx.store.index().apiUsers.some((u) => u.environment === scope.environment && u.product === product);
  const next: Record<string, () => unknown> = hasUsers
    ? {}
    : environment.production
      ? { [vscode.l10n.t('Add Existing API User')]: () => runMomoCommand('momo.addExistingApiUser', scope) }
      : {
          [vscode.l10n.t('Provision Sandbox User')]: () =>
            runMomoCommand('momo.provisionSandboxUser', { product, subscriptionKeyType: keyType }),
        };
  const stored = findSubscriptionKeys(ctx.store.index(), scope).length;
  const storedText =
    stored > 1
      ? vscode.l10n.t('Stored the {0} subscription key ({1}) for {2} in SecretStorage, next to the other one.', keyName(keyType, product), maskSecret(key), environmentLabel(environment.id))
      : vscode.l10n.t('Stored the {0} subscription key ({1}) for {2} in SecretStorage.', keyName(keyType, product), maskSecret(key), environmentLabel(environment.id));
  ctx.notifier.tell('info', `${storedText}${extra}${hasUsers ? '' : ' ' + vscode.l10n.t('Next, create or add an API user for it.')}`, next);
  return { ok: true, environment: environment.id, product, keyType };
}
