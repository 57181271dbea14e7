/**
 * Third entry point (dist/settings.js), loaded by settings/index.ts the first time an open
 * document is a settings file to check: the diagnostics, and the quick-fix provider that loads
 * the quick-fix chunk (dist/quickfixes.js: the list with the planners) the first time it is
 * asked at a MoMo diagnostic. It must not import the MoMo client, axios, the doctor, any command
 * or the planners. A unit test checks that none of them ends up in this bundle, and its size.
 */
import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { useDisplayLanguageInCore } from './coreLanguage';
import { loadQuickFixChunk } from './lazyFeatures';
import { ProductionSecrets } from './settings/productionSecrets';
import { DIAGNOSTIC_SOURCE, SettingsDiagnostics } from './settings/settingsDiagnostics';

// This bundle has its own copy of core: its findings speak the display language too.
useDisplayLanguageInCore();

export interface SettingsFeatures extends vscode.Disposable {
  secrets: ProductionSecrets;
  codeActions: vscode.CodeActionProvider;
}

/** Diagnostics (they check every open settings file on creation) and the quick-fix provider behind settings/index.ts. */
export function createSettingsFeatures(ctx: CommandContext): SettingsFeatures {
  const secrets = new ProductionSecrets(ctx.store);
  const diagnostics = new SettingsDiagnostics(secrets, ctx.log);
  let list: vscode.CodeActionProvider | undefined;
  const codeActions: vscode.CodeActionProvider = {
    provideCodeActions: (document, range, context, token) => {
      if (!context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE)) return [];
      list ??= loadQuickFixChunk().createSettingsCodeActions(diagnostics, ctx.store);
      return list.provideCodeActions(document, range, context, token);
    },
  };
  return { secrets, codeActions, dispose: () => vscode.Disposable.from(secrets, diagnostics).dispose() };
}
