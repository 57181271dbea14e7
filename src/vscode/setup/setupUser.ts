/**
 * Set Up MoMo, step 2: an API user with its key. A run that continues (the key was stored
 * before) reuses the newest user of that key whose API key is stored, or finishes one created
 * without its key; otherwise a new sandbox user is provisioned with the default callback host.
 * Whatever MoMo created is kept, even when a later step fails.
 */
import * as vscode from 'vscode';
import { isMomoError } from '../../core/momo/errors';
import { provision } from '../../core/momo/provision';
import { validateCallbackHost } from '../../core/momo/validation';
import { apiUsersIn, type ApiUserRecord } from '../../core/store/credentialIndex';
import { productLabel, shortApiUser } from '../../core/store/credentialText';
import type { CommandContext } from '../commandContext';
import { keepCreatedUser, storeProvisioned } from '../commands/provisionSandboxUser';
import { defaultCallbackHost, requestTimeoutMs } from '../config';
import type { ChosenCredentials } from '../settings/credentialChoice';
import { presentError } from '../ui/errorPresenter';
import { withCancellableProgress } from '../ui/progress';
import type { SetupKey } from './setupKey';
import type { SetupRun } from './setupRun';
import { SANDBOX } from '../../core/momo/environments';

export async function setupUser(ctx: CommandContext, run: SetupRun, key: SetupKey, options: { callbackHost?: string; baseUrl: string }): Promise<ChosenCredentials | undefined> {
  const scope = { environment: SANDBOX, product: key.product };
  const ofThisKey = apiUsersIn(ctx.store.index(), scope)
    .filter((u) => u.subscriptionKeyType === undefined || u.subscriptionKeyType === key.keyType)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  let pending: ApiUserRecord | undefined;
  if (!key.stored) {
    for (const user of ofThisKey.filter((u) => u.keyStored)) {
      const apiKey = await ctx.store.getApiKey(user);
      if (apiKey) {
        run.note(vscode.l10n.t('Continued with the stored API user {0}.', shortApiUser(user.apiUser)));
        return { user, apiKey };
      }
    }
    pending = ofThisKey.find((u) => !u.keyStored && u.origin === 'provisioned');
  }

  const callbackHost = validateCallbackHost(options.callbackHost ?? defaultCallbackHost(), { production: false });
  if (!callbackHost.ok) {
    ctx.notifier.tell('error', vscode.l10n.t('Set Up MoMo could not create an API user: the provider callback host is not usable. {0}', callbackHost.message));
    return run.failed(callbackHost.message);
  }
  const plan = { product: key.product, keyType: key.keyType, callbackHost: callbackHost.value };
  const progressTitle = pending
    ? vscode.l10n.t('Set Up MoMo: finishing API user {0}', shortApiUser(pending.apiUser))
    : vscode.l10n.t('Set Up MoMo: creating a sandbox API user for {0}', productLabel(key.product));
  let result;
  try {
    result = await withCancellableProgress(progressTitle, (signal) =>
      provision({
        baseUrl: options.baseUrl,
        product: key.product,
        subscriptionKey: key.key,
        callbackHost: plan.callbackHost,
        ...(pending ? { existingApiUser: pending.apiUser } : {}),
        signal,
        timeoutMs: requestTimeoutMs(),
      }),
    );
  } catch (err) {
    const created = await keepCreatedUser(ctx, err, plan);
    if (created) run.done(vscode.l10n.t('API user {0} exists (its API key is still to be created)', shortApiUser(created)));
    if (isMomoError(err) && err.kind === 'cancelled') return run.stopped(vscode.l10n.t('the API user was ready'));
    presentError(ctx, err, { ...scope, retry: () => run.again() });
    return run.failed(isMomoError(err) ? err.message : String(err));
  }
  if (!(await storeProvisioned(ctx, result, key.keyType))) {
    // SecretStorage refused the key: it was offered for copying, the user id is kept.
    return run.failed(vscode.l10n.t('The API key could not be stored in SecretStorage.'));
  }
  run.done(vscode.l10n.t('API user {0} is created and its API key stored', shortApiUser(result.apiUser)));
  const user = apiUsersIn(ctx.store.index(), scope).find((u) => u.apiUser === result.apiUser.toLowerCase());
  return user ? { user, apiKey: result.apiKey } : run.failed(vscode.l10n.t('The new API user is not in the store.'));
}
