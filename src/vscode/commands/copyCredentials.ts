/**
 * MoMo: Copy API User ID / Copy API Key (arguments: MomoCommandArgs in momoCommands.ts). The key is
 * read from SecretStorage at the moment of the click, never cached in the tree or elsewhere.
 */
import * as vscode from 'vscode';
import { refOf } from '../../core/store/credentialIndex';
import { shortApiUser } from '../../core/store/credentialText';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { environmentArg, productArg, stringArg, toArgs } from '../commandArgs';
import { resolveApiUser } from '../ui/resolveApiUser';
import { runMomoCommand } from '../momoCommands';

export async function copyApiUserId(ctx: CommandContext, arg: unknown): Promise<CommandResult<{ apiUser: string }>> {
  const user = await resolveApiUser(ctx, arg, vscode.l10n.t('MoMo: Copy API User ID'));
  if (!user) {
    return failed('no API user');
  }
  await ctx.clipboard.copy(user.apiUser);
  ctx.notifier.tell('info', vscode.l10n.t('Copied API user id {0}; it is not secret, but its API key is.', user.apiUser));
  return { ok: true, apiUser: user.apiUser };
}

export async function copyApiKey(ctx: CommandContext, arg: unknown): Promise<CommandResult<{ apiUser: string }>> {
  const held = await copyUnsavedKey(ctx, arg);
  if (held) {
    return held;
  }
  const user = await resolveApiUser(ctx, arg, vscode.l10n.t('MoMo: Copy API Key'));
  if (!user) {
    return failed('no API user');
  }
  const apiKey = await ctx.store.getApiKey(user);
  if (!apiKey) {
    const why = vscode.l10n.t('No API key of {0} is in SecretStorage (it could not be stored, or was removed in another window).', shortApiUser(user.apiUser));
    ctx.notifier.tell('warning', vscode.l10n.t('{0} Generate a new one, or add it again if you have it.', why), {
      [vscode.l10n.t('Generate New API Key')]: () => runMomoCommand('momo.generateApiKey', refOf(user)),
      [vscode.l10n.t('Add Existing API User')]: () => runMomoCommand('momo.addExistingApiUser', refOf(user)),
    });
    return failed(why);
  }
  await ctx.clipboard.copy(apiKey);
  ctx.notifier.tell('info', vscode.l10n.t('Copied the API key of {0}: it is a secret, so paste it only where it will not be committed.', shortApiUser(user.apiUser)));
  return { ok: true, apiUser: user.apiUser };
}

/** A new key that could not be stored is held in memory until copied: copying hands it over once. */
async function copyUnsavedKey(ctx: CommandContext, arg: unknown): Promise<CommandResult<{ apiUser: string }> | undefined> {
  const args = toArgs(arg);
  const apiUser = stringArg(args, 'apiUser');
  const environment = environmentArg(args).value?.id;
  const product = productArg(args).value;
  if (!apiUser || !environment || !product) {
    return undefined;
  }
  const ref = { environment, product, apiUser };
  const apiKey = ctx.store.unsavedKey(ref);
  if (!apiKey) {
    return undefined;
  }
  await ctx.clipboard.copy(apiKey);
  ctx.store.discardUnsavedKey(ref);
  ctx.notifier.tell('info', vscode.l10n.t('Copied the API key of {0}, which VS Code could not store: paste it somewhere safe now, it is no longer kept.', shortApiUser(apiUser)));
  return { ok: true, apiUser };
}
