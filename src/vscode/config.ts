/** The `momo.*` settings, read at the moment they are needed so changes apply without reload. None is secret. */
import * as vscode from 'vscode';
import { PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from '../core/momo/environments';

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('momo');
}

export function sandboxBaseUrl(): string {
  return section().get<string>('sandbox.baseUrl')?.trim() || SANDBOX_BASE_URL;
}

export function productionBaseUrl(): string {
  return section().get<string>('production.baseUrl')?.trim() || PRODUCTION_BASE_URL;
}

/** The setting if set, else `localhost`, which the sandbox accepts. */
export function defaultCallbackHost(): string {
  return section().get<string>('providerCallbackHost')?.trim() || 'localhost';
}

export function requestTimeoutMs(): number {
  const seconds = section().get<number>('requestTimeoutSeconds') ?? 15;
  return Math.max(1, seconds) * 1000;
}

export function settingsVariableNames(): { apiUser: string; apiKey: string } {
  return {
    apiUser: section().get<string>('settings.apiUserName')?.trim() || 'MOMO_API_USER',
    apiKey: section().get<string>('settings.apiKeyName')?.trim() || 'MOMO_API_KEY',
  };
}
