/**
 * MoMo: Insert MoMo Credentials into Current File (argument: MomoCommandArgs in momoCommands.ts).
 * Writes the chosen (or freshly provisioned) API user and key into the active editor's file,
 * unsaved changes included.
 * With no editor, or a format the planner does not write, it explains and offers the clipboard.
 */
import { detectDialect, unsupportedMessage } from '../../core/settings';
import * as vscode from 'vscode';
import { productArg, toArgs } from '../commandArgs';
import { failed, type CommandContext } from '../commandContext';
import { offerClipboard } from '../settings/clipboardFallback';
import { chooseCredentials } from '../settings/credentialChoice';
import { insertCredentialsIntoFile, type InsertResult } from '../settings/insertCredentials';
import { insertOptionsFrom } from '../settings/insertOptions';


export async function insertIntoCurrentFile(ctx: CommandContext, arg: unknown): Promise<InsertResult> {
  const args = toArgs(arg);
  const parsed = insertOptionsFrom(args);
  const product = productArg(args);
  const argError = 'error' in parsed ? parsed.error : product.error;
  if (argError) {
    ctx.notifier.tell('error', argError);
    return failed(argError);
  }
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    const why = vscode.l10n.t(
      'No editor is open, so there is no file to insert MoMo credentials into. Open your settings file (settings.py, .env, appsettings.json) and run this again, or pick one or copy the values.',
    );
    offerClipboard(ctx, why, args, { offerFilePicker: true });
    return failed('no editor');
  }
  const info = { fileName: document.fileName, languageId: document.languageId };
  if (detectDialect(info).dialect === 'unsupported') {
    const why = unsupportedMessage(info);
    offerClipboard(ctx, why, args, { offerFilePicker: true });
    return failed(why);
  }
  const chosen = await chooseCredentials(ctx, arg, vscode.l10n.t('MoMo: Insert Credentials into Current File'), { product: product.value });
  if (!chosen) {
    return failed('no credentials');
  }
  return insertCredentialsIntoFile(ctx, document.uri, chosen, 'options' in parsed ? parsed.options : {});
}
