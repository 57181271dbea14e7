/**
 * Third entry point (dist/settings.js), loaded by settings/index.ts the first time an open
 * document is a settings file to check: the diagnostics and the quick-fix list, with the
 * settings planner they need. It must not import the MoMo client, axios, the doctor or any
 * command: those are the network chunk (dist/features.js), loaded by the first command.
 * A unit test checks that no network module ends up in this bundle.
 */
import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { useDisplayLanguageInCore } from './coreLanguage';
import { ProductionSecrets } from './settings/productionSecrets';
import { SettingsCodeActions } from './settings/settingsCodeActions';
import { SettingsDiagnostics } from './settings/settingsDiagnostics';

// This bundle has its own copy of core: its findings speak the display language too.
useDisplayLanguageInCore();

export interface SettingsFeatures extends vscode.Disposable {
  secrets: ProductionSecrets;
  codeActions: SettingsCodeActions;
}

/** Diagnostics (they check every open settings file on creation) and the quick-fix provider behind settings/index.ts. */
export function createSettingsFeatures(ctx: CommandContext): SettingsFeatures {
  const secrets = new ProductionSecrets(ctx.store);
  const diagnostics = new SettingsDiagnostics(secrets, ctx.log);
  const codeActions = new SettingsCodeActions(diagnostics, ctx.store);
  return { secrets, codeActions, dispose: () => vscode.Disposable.from(secrets, diagnostics).dispose() };
}
