/**
 * The editor half of settings files: diagnostics with quick fixes for open MoMo settings files,
 * and the command the quick fixes run. (The insert commands themselves are in
 * registerCommands, next to the others.) Everything returned goes into context.subscriptions.
 *
 * Only a cheap gate runs at activation: the diagnostics are in dist/settings.js (no MoMo
 * client, no axios, no planner), loaded (with createSettingsFeatures) the first time an open
 * document is a settings file to check; it loads the quick-fix list with the planners
 * (dist/quickfixes.js) the first time the list is asked for at a MoMo diagnostic. From then on SettingsDiagnostics has its
 * own listeners; before, no MoMo diagnostic exists, so the quick-fix provider has nothing to
 * offer. Running a quick fix is a command: it loads the network chunk like the insert commands.
 */
import * as vscode from 'vscode';
import { diagnosticsEnabled } from '../config';
import type { CommandContext } from '../commandContext';
import { APPLY_FIX_COMMAND } from '../commandIds';
import { registerLazyCommand } from '../registerCommands';
import { loadSettingsChunk } from '../lazyFeatures';
import type { SettingsFeatures } from '../settingsChunk';
import { isSettingsCandidate, SETTINGS_SELECTOR } from '../settingsSelector';

export function registerSettingsFeatures(ctx: CommandContext): vscode.Disposable[] {
  let features: SettingsFeatures | undefined;
  let pending: NodeJS.Timeout | undefined;
  let disposed = false;

  const start = (): SettingsFeatures => {
    if (disposed) throw new Error('The MoMo settings features were disposed');
    features ??= loadSettingsChunk().createSettingsFeatures(ctx);
    gate.dispose();
    return features;
  };
  // Loaded off the event that asked for it; the diagnostics' own first check is debounced anyway.
  const startSoon = (): void => {
    if (features || pending || disposed) return;
    pending = setTimeout(() => {
      pending = undefined;
      try {
        start();
      } catch (err) {
        ctx.log.error('Loading the MoMo settings checks failed', err);
      }
    }, 0);
  };
  const consider = (documents: readonly vscode.TextDocument[]): void => {
    if (documents.some((d) => isSettingsCandidate(d) && diagnosticsEnabled(d.uri))) startSoon();
  };

  const gate = vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((d) => consider([d])),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && consider([e.document])),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('momo.diagnostics.enabled') && consider(vscode.workspace.textDocuments)),
  );
  consider(vscode.workspace.textDocuments);

  return [
    {
      dispose: () => {
        disposed = true;
        clearTimeout(pending);
        gate.dispose();
        features?.dispose();
      },
    },
    vscode.languages.registerCodeActionsProvider(
      SETTINGS_SELECTOR,
      {
        // MoMo diagnostics only come from the features' collection: none before they load.
        provideCodeActions: (document, range, context, token) => (features ? features.codeActions.provideCodeActions(document, range, context, token) : []),
      },
      // Same as SettingsCodeActions.metadata (kept out of this bundle with its class).
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    registerLazyCommand(ctx, APPLY_FIX_COMMAND, (loaded, arg) => loaded.applySettingsFix(ctx, start().secrets, arg)),
  ];
}


