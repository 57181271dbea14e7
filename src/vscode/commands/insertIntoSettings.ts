/**
 * MoMo: Insert into Settings… Args: { apiUser, environment?, product? }. For now this copies
 * `MOMO_API_USER=…` / `MOMO_API_KEY=…` lines (names from the momo.settings.* settings) to the
 * clipboard; the settings-file writer replaces this handler behind the same command id.
 */
import * as vscode from 'vscode';
import { refOf } from '../../core/store/credentialIndex';
import { shortApiUser } from '../../core/store/credentialText';
import { settingsVariableNames } from '../config';
import { failed, type CommandContext, type CommandResult } from './commandContext';
import { resolveApiUser } from './resolveApiUser';

export async function insertIntoSettings(ctx: CommandContext, arg: unknown): Promise<CommandResult<{ apiUser: string; copied: boolean }>> {
  const user = await resolveApiUser(ctx, arg, 'MoMo: Insert into Settings');
  if (!user) {
    return failed('no API user');
  }
  const apiKey = await ctx.store.getApiKey(user);
  if (!apiKey) {
    ctx.notifier.tell('warning', `API user ${shortApiUser(user.apiUser)} has no stored API key, so there is nothing to insert yet. Generate a new key first.`, {
      'Generate New API Key': () => vscode.commands.executeCommand('momo.generateApiKey', refOf(user)),
    });
    return failed('no API key');
  }
  const names = settingsVariableNames();
  await ctx.clipboard.copy(`${names.apiUser}=${user.apiUser}\n${names.apiKey}=${apiKey}\n`);
  ctx.notifier.tell(
    'info',
    `Copied ${names.apiUser} and ${names.apiKey} lines for ${shortApiUser(user.apiUser)} to the clipboard. Paste them into a settings or .env file that is not committed.`,
  );
  return { ok: true, apiUser: user.apiUser, copied: true };
}
