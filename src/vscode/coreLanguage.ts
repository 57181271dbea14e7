/**
 * Core's texts (explanations, validation, doctor findings) in VS Code's display language: the
 * bundle VS Code loaded for `vscode.l10n.t` (l10n/bundle.l10n.<language>.json) is handed to
 * core's @vscode/l10n. Each bundle (extension.js, features.js) has its own copy of core, so
 * each calls this once when it loads.
 */
import * as vscode from 'vscode';
import { useBundle } from '../core/text/l10n';

export function useDisplayLanguageInCore(): void {
  useBundle(vscode.l10n.bundle, vscode.env.language);
}
