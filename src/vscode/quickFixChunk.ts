/**
 * Fourth entry point (dist/quickfixes.js), loaded by the settings chunk the first time the
 * quick-fix list is asked for at a MoMo diagnostic: the list (SettingsCodeActions) with the
 * settings planners it plans the fixes and their titles with. No MoMo client, no axios: running
 * a fix is a command, in the network chunk.
 */
import type * as vscode from 'vscode';
import type { CredentialStore } from './credentialStore';
import { useDisplayLanguageInCore } from './coreLanguage';
import { SettingsCodeActions, type CheckedDocuments } from './settings/settingsCodeActions';

// This bundle has its own copy of core: its texts speak the display language too.
useDisplayLanguageInCore();

export function createSettingsCodeActions(diagnostics: CheckedDocuments, store: CredentialStore): vscode.CodeActionProvider {
  return new SettingsCodeActions(diagnostics, store);
}
