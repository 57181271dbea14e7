/**
 * The `momo.*` settings, read at the moment they are needed so changes apply without reload. None
 * is secret. The base URLs are not here: only trust/secretDestinations.ts reads them.
 */
import * as vscode from 'vscode';
import { MIN_PRODUCTION_TOKEN_TIMEOUT_MS } from '../core/momo/tokenDeadline';

/** `scope`: the document a resource-scoped setting is read for (its folder's value applies). */
function section(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('momo', scope);
}

/** The setting if set, else `localhost`, which the sandbox accepts. */
export function defaultCallbackHost(): string {
  return section().get<string>('providerCallbackHost')?.trim() || 'localhost';
}

export function requestTimeoutMs(): number {
  const seconds = section().get<number>('requestTimeoutSeconds') ?? 15;
  return Math.max(1, seconds) * 1000;
}

/** Production token requests: `momo.production.tokenTimeoutSeconds`, never under 30 s (the new platform takes 10–20 s). */
export function productionTokenTimeoutMs(): number {
  const seconds = section().get<number>('production.tokenTimeoutSeconds') ?? 30;
  return Math.max(MIN_PRODUCTION_TOKEN_TIMEOUT_MS, seconds * 1000, requestTimeoutMs());
}

export function settingsVariableNames(document?: vscode.Uri): { apiUser: string; apiKey: string } {
  return {
    apiUser: section(document).get<string>('settings.apiUserName')?.trim() || 'MOMO_API_USER',
    apiKey: section(document).get<string>('settings.apiKeyName')?.trim() || 'MOMO_API_KEY',
  };
}

/** momo.diagnostics.enabled for this document (a folder may turn the checks off for itself). */
export function diagnosticsEnabled(document?: vscode.Uri): boolean {
  return section(document).get<boolean>('diagnostics.enabled') !== false;
}

/** momo.settings.defaultMode for this document. */
export function defaultWriteMode(document?: vscode.Uri): string | undefined {
  return section(document).get<string>('settings.defaultMode');
}
