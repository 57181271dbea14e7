/**
 * The editor half of settings files: diagnostics with quick fixes for open MoMo settings files,
 * and the command the quick fixes run. (The insert commands themselves are in
 * registerCommands, next to the others.) Everything returned goes into context.subscriptions.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { presentError } from '../ui/errorPresenter';
import { APPLY_FIX_COMMAND, applySettingsFix } from './applySettingsFix';
import { ProductionSecrets } from './productionSecrets';
import { SettingsCodeActions } from './settingsCodeActions';
import { SettingsDiagnostics } from './settingsDiagnostics';
import { SETTINGS_SELECTOR } from './settingsSelector';

export function registerSettingsFeatures(ctx: CommandContext): vscode.Disposable[] {
  const secrets = new ProductionSecrets(ctx.store);
  const diagnostics = new SettingsDiagnostics(secrets, ctx.log);
  return [
    secrets,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(SETTINGS_SELECTOR, new SettingsCodeActions(diagnostics, ctx.store), SettingsCodeActions.metadata),
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, async (arg: unknown) => {
      try {
        return await applySettingsFix(ctx, secrets, arg);
      } catch (err) {
        ctx.log.error(`${APPLY_FIX_COMMAND} failed`, err);
        presentError(ctx, err);
        return { ok: false, reason: ctx.log.redact(err instanceof Error ? err.message : String(err)) };
      }
    }),
  ];
}
