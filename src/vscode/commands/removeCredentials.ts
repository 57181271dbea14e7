/**
 * MoMo: Remove API User, Remove Subscription Key and Forget All MoMo Credentials. Each asks for
 * a modal yes unless called with `confirm: true`. Secrets outlive an uninstall of the
 * extension, so "forget all" is the way to really clean up.
 */
import { refOf } from '../../core/store/credentialIndex';
import { environmentLabel, keyTypeLabel, productLabel, shortApiUser } from '../../core/store/credentialText';
import { pickEnvironment, pickKeyType, pickProduct } from '../ui/pickers';
import { confirmed, environmentArg, keyTypeArg, productArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { resolveApiUser } from '../ui/resolveApiUser';
import { countOf } from '../../core/text/plural';

export async function removeApiUser(ctx: CommandContext, arg: unknown): Promise<CommandResult<{ apiUser: string }>> {
  const stateKey = toArgs(arg).stateKey;
  if (typeof stateKey === 'string') {
    return removeUnreadableRecord(ctx, stateKey, confirmed(toArgs(arg)));
  }
  const user = await resolveApiUser(ctx, arg, 'MoMo: Remove API User');
  if (!user) {
    return failed('no API user');
  }
  if (!confirmed(toArgs(arg))) {
    const answer = await ctx.notifier.ask(
      'warning',
      `Remove API user ${shortApiUser(user.apiUser)} (${productLabel(user.product)}, ${environmentLabel(user.environment)}) from VS Code? Its API key is deleted from SecretStorage; the user itself still exists at MoMo.`,
      ['Remove'],
      { modal: true },
    );
    if (answer !== 'Remove') {
      return failed('cancelled');
    }
  }
  await ctx.store.removeApiUser(refOf(user));
  ctx.notifier.tell('info', `Removed API user ${shortApiUser(user.apiUser)} and its key from VS Code.`);
  return { ok: true, apiUser: user.apiUser };
}

/** An unreadable record (tree node `{stateKey}`): the record and every secret it may own. */
async function removeUnreadableRecord(ctx: CommandContext, stateKey: string, confirm: boolean): Promise<CommandResult<{ apiUser: string }>> {
  if (!confirm) {
    const answer = await ctx.notifier.ask(
      'warning',
      'Remove this unreadable credential record from VS Code? Any API key it may own is deleted from SecretStorage; nothing changes at MoMo.',
      ['Remove'],
      { modal: true },
    );
    if (answer !== 'Remove') return failed('cancelled');
  }
  if (!(await ctx.store.removeUnreadable(stateKey))) return failed('No such unreadable record.');
  ctx.notifier.tell('info', 'Removed the unreadable credential record and the secrets it may own.');
  return { ok: true, apiUser: '' };
}

export async function removeSubscriptionKey(ctx: CommandContext, arg: unknown): Promise<CommandResult> {
  const args = toArgs(arg);
  const env = environmentArg(args).value?.id ?? (await pickEnvironment('MoMo: Remove Subscription Key: environment'))?.id;
  const product = env ? (productArg(args).value ?? (await pickProduct('MoMo: Remove Subscription Key: product', ctx.store.index(), env))) : undefined;
  const keyType = product ? (keyTypeArg(args).value ?? (await pickKeyType('MoMo: Remove Subscription Key: key type'))) : undefined;
  if (!env || !product || !keyType) {
    return failed('cancelled');
  }
  const what = `the ${keyTypeLabel(keyType).toLowerCase()} ${productLabel(product)} subscription key for ${environmentLabel(env)}`;
  if (!confirmed(args)) {
    const answer = await ctx.notifier.ask('warning', `Remove ${what} from VS Code? It stays valid in the portal.`, ['Remove'], { modal: true });
    if (answer !== 'Remove') {
      return failed('cancelled');
    }
  }
  await ctx.store.removeSubscriptionKey({ environment: env, product }, keyType);
  ctx.notifier.tell('info', `Removed ${what} from VS Code.`);
  return { ok: true };
}

export async function forgetAllCredentials(ctx: CommandContext, arg: unknown): Promise<CommandResult<{ forgotten: number }>> {
  const index = ctx.store.index();
  const count = index.subscriptionKeys.length + index.apiUsers.length;
  if (!confirmed(toArgs(arg))) {
    const answer = await ctx.notifier.ask(
      'warning',
      `Forget every stored MoMo credential (${countOf(count, 'record')}: subscription keys and API users) in every VS Code window? ` +
        'The keys are deleted from SecretStorage; API users still exist at MoMo, and their keys cannot be read back.',
      ['Forget All'],
      { modal: true },
    );
    if (answer !== 'Forget All') {
      return failed('cancelled');
    }
  }
  const forgotten = await ctx.store.forgetAll();
  // The walkthrough's check marks go with the credentials, before this says it is done.
  await ctx.progress.clear();
  ctx.notifier.tell('info', `Forgot ${countOf(forgotten, 'MoMo credential record')} and deleted their secrets from SecretStorage.`);
  return { ok: true, forgotten };
}
