/**
 * MoMo: Generate New API Key (arguments: MomoCommandArgs in momoCommands.ts). Creates a new
 * key for a stored sandbox API user (also the way to finish a user created without one). A new
 * key makes the old one stop working, so replacing a stored key needs a modal yes, or
 * `confirm: true` from a caller that already asked.
 */
import * as vscode from 'vscode';
import { isSandbox, SANDBOX } from '../../core/momo/environments';
import { isMomoError } from '../../core/momo/errors';
import { provision } from '../../core/momo/provision';
import { findSubscriptionKeys, refOf, type ApiUserRecord } from '../../core/store/credentialIndex';
import { productLabel, shortApiUser } from '../../core/store/credentialText';
import { defaultCallbackHost, requestTimeoutMs } from '../config';
import { presentError } from '../ui/errorPresenter';
import { secretDestination } from '../trust/secretDestinations';
import { withCancellableProgress } from '../ui/progress';
import { offerApiKeyForCopy } from '../ui/secretStorageFailure';
import { confirmed, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { explainProductionProvisioning } from './productionProvisioning';
import { resolveApiUser } from '../ui/resolveApiUser';
import { runMomoCommand } from '../momoCommands';

export type GenerateApiKeyResult = CommandResult<{ apiUser: string; keyStored: boolean }>;

export async function generateApiKey(ctx: CommandContext, arg: unknown): Promise<GenerateApiKeyResult> {
  const user = await resolveApiUser(ctx, arg, vscode.l10n.t('MoMo: Generate New API Key'), (u) => isSandbox(u.environment));
  if (!user) {
    return failed('no API user');
  }
  if (!isSandbox(user.environment)) {
    explainProductionProvisioning(ctx, user.environment, user.product);
    return failed('API keys can only be generated in the sandbox.');
  }
  const hasKey = user.keyStored && (await ctx.store.getApiKey(user)) !== undefined;
  if (hasKey && !confirmed(toArgs(arg))) {
    const generate = vscode.l10n.t('Generate New Key');
    const answer = await ctx.notifier.ask(
      'warning',
      vscode.l10n.t(
        'Generate a new API key for API user {0}? The current key stops working at once, so every app and settings file using it must be updated.',
        shortApiUser(user.apiUser),
      ),
      [generate],
      { modal: true },
    );
    if (answer !== generate) {
      return failed('cancelled');
    }
  }
  const keyType = pickUsableKeyType(ctx, user);
  const subscriptionKey = keyType ? await ctx.store.getSubscriptionKey(user, keyType) : undefined;
  if (!keyType || !subscriptionKey) {
    ctx.notifier.tell('warning', vscode.l10n.t('Creating an API key needs the {0} sandbox subscription key, and none is stored. Set it first, then try again.', productLabel(user.product)), {
      [vscode.l10n.t('Set Subscription Key')]: () => runMomoCommand('momo.setSubscriptionKey', { environment: user.environment, product: user.product }),
    });
    return failed('no subscription key');
  }

  const destination = await secretDestination(ctx, { environment: SANDBOX, credentials: [vscode.l10n.t('the {0} sandbox subscription key', productLabel(user.product))] });
  if (!destination.ok) {
    return failed(destination.reason);
  }
  let apiKey: string;
  try {
    const result = await withCancellableProgress(vscode.l10n.t('Creating a new API key for {0}', shortApiUser(user.apiUser)), (signal, report) =>
      provision({
        baseUrl: destination.baseUrl,
        product: user.product,
        subscriptionKey,
        callbackHost: user.callbackHost ?? defaultCallbackHost(),
        existingApiUser: user.apiUser,
        signal,
        timeoutMs: requestTimeoutMs(),
        onStep: () => report(vscode.l10n.t('creating the API key…')),
      }),
    );
    apiKey = result.apiKey;
  } catch (err) {
    if (isMomoError(err) && err.kind === 'cancelled') {
      ctx.notifier.tell('info', vscode.l10n.t('Cancelled: the API key of {0} was not changed (unless the server finished first).', shortApiUser(user.apiUser)));
      return failed('cancelled');
    }
    if (isMomoError(err) && err.kind === 'apiUserNotFound' && !user.keyStored && user.origin === 'provisioned') {
      // A pending user whose creation never went through: nothing exists at MoMo to finish.
      await ctx.store.removeApiUser(refOf(user));
      ctx.notifier.tell('info', vscode.l10n.t('API user {0} was never created at MoMo, so there is nothing to finish; it is removed from the list. Provision a new one.', shortApiUser(user.apiUser)), {
        [vscode.l10n.t('Provision Sandbox API User')]: () => runMomoCommand('momo.provisionSandboxUser', { product: user.product }),
      });
      return failed(err.message);
    }
    presentError(ctx, err, { ...refOf(user), retry: () => runMomoCommand('momo.generateApiKey', { ...refOf(user), confirm: true }) });
    return failed(isMomoError(err) ? err.message : String(err));
  }

  ctx.log.rememberSecret(apiKey);
  try {
    await ctx.store.setApiKey(user, apiKey);
  } catch (err) {
    // A key just created cannot be read back from MoMo: whatever failed, it is offered for copying.
    offerApiKeyForCopy(ctx, refOf(user), apiKey, err);
    return { ok: true, apiUser: user.apiUser, keyStored: false };
  }
  ctx.notifier.tell(
    'info',
    hasKey
      ? vscode.l10n.t('Created a new API key for {0} and stored it in SecretStorage; the old key no longer works. Update your settings with it.', shortApiUser(user.apiUser))
      : vscode.l10n.t('Created a new API key for {0} and stored it in SecretStorage. Update your settings with it.', shortApiUser(user.apiUser)),
    {
      [vscode.l10n.t('Insert into settings…')]: () => runMomoCommand('momo.insertIntoSettings', refOf(user)),
      [vscode.l10n.t('Copy API key')]: () => ctx.clipboard.copy(apiKey),
    },
  );
  return { ok: true, apiUser: user.apiUser, keyStored: true };
}

/** The key that provisioned the user if still stored, else any stored key of that product. */
function pickUsableKeyType(ctx: CommandContext, user: ApiUserRecord) {
  const stored = findSubscriptionKeys(ctx.store.index(), user).map((k) => k.keyType);
  return user.subscriptionKeyType && stored.includes(user.subscriptionKeyType) ? user.subscriptionKeyType : stored[0];
}
