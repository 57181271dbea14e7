/**
 * When there is no file to write into (no editor, a format the planner does not write yet),
 * the values can still be copied as NAME=value lines. The API key is read only when the
 * person clicks "Copy to Clipboard", and never appears in the message itself.
 */
import * as vscode from 'vscode';
import { shortApiUser } from '../../core/store/credentialText';
import { productArg, type Args } from '../commandArgs';
import type { CommandContext } from '../commandContext';
import { settingsVariableNames } from '../config';
import { chooseCredentials, type ChosenCredentials } from './credentialChoice';
import { runMomoCommand, type ApiUserArgs } from '../momoCommands';

export async function copyCredentialLines(ctx: CommandContext, chosen: ChosenCredentials): Promise<void> {
  const names = settingsVariableNames();
  await ctx.clipboard.copy(`${names.apiUser}=${chosen.user.apiUser}\n${names.apiKey}=${chosen.apiKey}\n`);
  ctx.notifier.tell(
    'info',
    vscode.l10n.t(
      'Copied {0} and {1} lines for {2} to the clipboard. Paste them into a file git does not track, such as .env.',
      names.apiUser,
      names.apiKey,
      shortApiUser(chosen.user.apiUser),
    ),
  );
}

/**
 * Explains why nothing was written and offers the clipboard (credentials chosen at the click,
 * from `args` when they name a user) and, when useful, the file picker.
 */
export function offerClipboard(ctx: CommandContext, why: string, args: Args, options: { offerFilePicker: boolean }): void {
  const user = userArgs(args);
  const actions: Record<string, () => unknown> = {
    [vscode.l10n.t('Copy to Clipboard')]: async () => {
      const chosen = await chooseCredentials(ctx, user, vscode.l10n.t('MoMo: Copy Credentials'));
      if (chosen) {
        await copyCredentialLines(ctx, chosen);
      }
    },
  };
  if (options.offerFilePicker) {
    actions[vscode.l10n.t('Choose a Settings File…')] = () => runMomoCommand('momo.insertIntoSettings', user);
  }
  ctx.notifier.tell('info', why, actions);
}

/** Only the fields that name an API user, so a follow-up command asks for everything else. */
export function userArgs(args: Args): ApiUserArgs | undefined {
  if (typeof args.apiUser !== 'string') {
    return undefined;
  }
  const product = productArg(args).value;
  return {
    apiUser: args.apiUser,
    ...(typeof args.environment === 'string' ? { environment: args.environment } : {}),
    ...(product ? { product } : {}),
  };
}
