/**
 * MoMo: Remove API User, Remove Subscription Key and Forget All MoMo Credentials. Each asks for
 * a modal yes unless called with `confirm: true`. Secrets outlive an uninstall of the
 * extension, so "forget all" is the way to really clean up.
 */
import * as vscode from 'vscode';
import { refOf } from '../../core/store/credentialIndex';
import { environmentLabel, keyName, productLabel, shortApiUser } from '../../core/store/credentialText';
import { pickEnvironment, pickKeyType, pickProduct } from '../ui/pickers';
import { confirmed, environmentArg, keyTypeArg, productArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { resolveApiUser } from '../ui/resolveApiUser';
import { plural } from '../../core/text/l10n';

export async function removeApiUser(ctx: CommandContext, arg: unknown): Promise<CommandResult<{ apiUser: string }>> {
  const stateKey = toArgs(arg).stateKey;
  if (typeof stateKey === 'string') {
    return removeUnreadableRecord(ctx, stateKey, confirmed(toArgs(arg)));
  }
  const user = await resolveApiUser(ctx, arg, vscode.l10n.t('MoMo: Remove API User'));
  if (!user) {
    return failed('no API user');
  }
  if (!confirmed(toArgs(arg))) {
    const remove = vscode.l10n.t('Remove');
    const answer = await ctx.notifier.ask(
      'warning',
      vscode.l10n.t(
        'Remove API user {0} ({1}, {2}) from VS Code? Its API key is deleted from SecretStorage; the user itself still exists at MoMo.',
        shortApiUser(user.apiUser),
        productLabel(user.product),
        environmentLabel(user.environment),
      ),
      [remove],
      { modal: true },
    );
    if (answer !== remove) {
      return failed('cancelled');
    }
  }
  await ctx.store.removeApiUser(refOf(user));
  ctx.notifier.tell('info', vscode.l10n.t('Removed API user {0} and its key from VS Code.', shortApiUser(user.apiUser)));
  return { ok: true, apiUser: user.apiUser };
}

/** An unreadable record (tree node `{stateKey}`): the record and every secret it may own. */
async function removeUnreadableRecord(ctx: CommandContext, stateKey: string, confirm: boolean): Promise<CommandResult<{ apiUser: string }>> {
  if (!confirm) {
    const remove = vscode.l10n.t('Remove');
    const answer = await ctx.notifier.ask(
      'warning',
      vscode.l10n.t('Remove this unreadable credential record from VS Code? Any API key it may own is deleted from SecretStorage; nothing changes at MoMo.'),
      [remove],
      { modal: true },
    );
    if (answer !== remove) return failed('cancelled');
  }
  if (!(await ctx.store.removeUnreadable(stateKey))) return failed('No such unreadable record.');
  ctx.notifier.tell('info', vscode.l10n.t('Removed the unreadable credential record and the secrets it may own.'));
  return { ok: true, apiUser: '' };
}

export async function removeSubscriptionKey(ctx: CommandContext, arg: unknown): Promise<CommandResult> {
  const args = toArgs(arg);
  const title = vscode.l10n.t('MoMo: Remove Subscription Key');
  const env = environmentArg(args).value?.id ?? (await pickEnvironment(vscode.l10n.t('{0}: environment', title)))?.id;
  const product = env ? (productArg(args).value ?? (await pickProduct(vscode.l10n.t('{0}: product', title), ctx.store.index(), env))) : undefined;
  const keyType = product ? (keyTypeArg(args).value ?? (await pickKeyType(vscode.l10n.t('{0}: key type', title)))) : undefined;
  if (!env || !product || !keyType) {
    return failed('cancelled');
  }
  const what = vscode.l10n.t('the {0} subscription key for {1}', keyName(keyType, product), environmentLabel(env));
  if (!confirmed(args)) {
    const remove = vscode.l10n.t('Remove');
    const answer = await ctx.notifier.ask('warning', vscode.l10n.t('Remove {0} from VS Code? It stays valid in the portal.', what), [remove], { modal: true });
    if (answer !== remove) {
      return failed('cancelled');
    }
  }
  await ctx.store.removeSubscriptionKey({ environment: env, product }, keyType);
  ctx.notifier.tell('info', vscode.l10n.t('Removed {0} from VS Code.', what));
  return { ok: true };
}

export async function forgetAllCredentials(ctx: CommandContext, arg: unknown): Promise<CommandResult<{ forgotten: number }>> {
  const index = ctx.store.index();
  const count = index.subscriptionKeys.length + index.apiUsers.length;
  if (!confirmed(toArgs(arg))) {
    const forgetAll = vscode.l10n.t('Forget All');
    const records = plural(count, vscode.l10n.t('{0} record', count), vscode.l10n.t('{0} records', count));
    const answer = await ctx.notifier.ask(
      'warning',
      vscode.l10n.t(
        'Forget every stored MoMo credential ({0}: subscription keys and API users) in every VS Code window? The keys are deleted from SecretStorage; API users still exist at MoMo, and their keys cannot be read back.',
        records,
      ),
      [forgetAll],
      { modal: true },
    );
    if (answer !== forgetAll) {
      return failed('cancelled');
    }
  }
  const forgotten = await ctx.store.forgetAll();
  // The walkthrough's check marks go with the credentials, before this says it is done.
  await ctx.progress.clear();
  ctx.notifier.tell(
    'info',
    plural(
      forgotten,
      vscode.l10n.t('Forgot {0} MoMo credential record and deleted its secrets from SecretStorage.', forgotten),
      vscode.l10n.t('Forgot {0} MoMo credential records and deleted their secrets from SecretStorage.', forgotten),
    ),
  );
  return { ok: true, forgotten };
}
