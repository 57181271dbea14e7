/**
 * MoMo: Insert into Settings… (argument: MomoCommandArgs in momoCommands.ts, or a tree node, an
 * API user, or a Uri from the explorer context menu).
 * Writes the API user and key into a settings file with the settings planner (see
 * src/vscode/settings): `file` when given, else the file the person picks among the
 * workspace's settings files (settings.py, .env*, appsettings*.json). `copy: true` copies
 * NAME=value lines (names from the momo.settings.* settings) to the clipboard instead.
 */
import * as vscode from 'vscode';
import { copyCredentialLines } from '../settings/clipboardFallback';
import { chooseCredentials } from '../settings/credentialChoice';
import { insertCredentialsIntoFile, type InsertResult } from '../settings/insertCredentials';
import { insertOptionsFrom } from '../settings/insertOptions';
import { fileArg } from '../settings/settingsFileArg';
import { pickSettingsFile } from '../settings/settingsFiles';
import { productArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';

export async function insertIntoSettings(ctx: CommandContext, arg: unknown): Promise<InsertResult | CommandResult<{ apiUser: string; copied: boolean }>> {
  const args = toArgs(arg instanceof vscode.Uri ? { file: arg } : arg);
  const parsed = insertOptionsFrom(args);
  const file = fileArg(args);
  const argError = 'error' in parsed ? parsed.error : (file.error ?? productArg(args).error);
  if (argError) {
    ctx.notifier.tell('error', argError);
    return failed(argError);
  }
  const title = vscode.l10n.t('MoMo: Insert into Settings');
  const chosen = await chooseCredentials(ctx, arg instanceof vscode.Uri ? undefined : arg, title, { product: productArg(args).value });
  if (!chosen) {
    return failed('no credentials');
  }
  const target = args.copy === true ? { kind: 'clipboard' as const } : file.uri ? { kind: 'file' as const, uri: file.uri } : await pickSettingsFile(title);
  if (!target) {
    return failed('cancelled');
  }
  if (target.kind === 'clipboard') {
    await copyCredentialLines(ctx, chosen);
    return { ok: true, apiUser: chosen.user.apiUser, copied: true };
  }
  const options = 'options' in parsed ? parsed.options : {};
  return insertCredentialsIntoFile(ctx, target.uri, chosen, { show: true, ...options });
}
