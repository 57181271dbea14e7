/**
 * The `momo.*` settings: the one place that reads or writes them, typed by `MomoSettings`
 * (settingTypes.ts). Read at the moment
 * they are needed so changes apply without reload. None is secret. Only
 * trust/secretDestinations.ts decides which base URL a secret goes to.
 */
import * as vscode from 'vscode';
import { MIN_PRODUCTION_TOKEN_TIMEOUT_MS } from '../core/momo/tokenDeadline';
import type { BaseUrlSettingKey, MomoSettingKey, MomoSettings } from './settingTypes';

export type { BaseUrlSettingKey, MomoSettingKey, MomoSettings };

/** The full name a person sees and searches for: `momo.sandbox.baseUrl`. */
export function settingName(key: MomoSettingKey): string {
  return `momo.${key}`;
}

/** `scope`: the document a resource-scoped setting is read for (its folder's value applies). */
function read<K extends MomoSettingKey>(key: K, scope?: vscode.Uri): MomoSettings[K] | undefined {
  return vscode.workspace.getConfiguration('momo', scope).get<MomoSettings[K]>(key);
}

/** Every level's value of one setting (user, workspace, folder), for code that must know where a value comes from. */
export function inspectSetting<K extends MomoSettingKey>(key: K, scope?: vscode.Uri) {
  return vscode.workspace.getConfiguration('momo', scope).inspect<MomoSettings[K]>(key);
}

/** Writes a setting at one level (`scope`: the resource whose folder settings are meant). */
export async function updateSetting<K extends MomoSettingKey>(key: K, value: MomoSettings[K], target: vscode.ConfigurationTarget, scope?: vscode.Uri): Promise<void> {
  await vscode.workspace.getConfiguration('momo', scope).update(key, value, target);
}

/**
 * Changes a setting where it is currently defined (a workspace setting wins over the user's, so
 * writing the user setting under it would change nothing), else in user settings.
 */
export async function updateSettingWhereDefined<K extends MomoSettingKey>(key: K, value: MomoSettings[K]): Promise<void> {
  const inspected = inspectSetting(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await updateSetting(key, value, target);
}

/** The setting if set, else `localhost`, which the sandbox accepts. */
export function defaultCallbackHost(): string {
  return read('providerCallbackHost')?.trim() || 'localhost';
}

export function requestTimeoutMs(): number {
  const seconds = read('requestTimeoutSeconds') ?? 15;
  return Math.max(1, seconds) * 1000;
}

/** Production token requests: `momo.production.tokenTimeoutSeconds`, never under 30 s (the new platform takes 10–20 s). */
export function productionTokenTimeoutMs(): number {
  const seconds = read('production.tokenTimeoutSeconds') ?? 30;
  return Math.max(MIN_PRODUCTION_TOKEN_TIMEOUT_MS, seconds * 1000, requestTimeoutMs());
}

export function settingsVariableNames(document?: vscode.Uri): { apiUser: string; apiKey: string } {
  return {
    apiUser: read('settings.apiUserName', document)?.trim() || 'MOMO_API_USER',
    apiKey: read('settings.apiKeyName', document)?.trim() || 'MOMO_API_KEY',
  };
}

/** momo.diagnostics.enabled for this document (a folder may turn the checks off for itself). */
export function diagnosticsEnabled(document?: vscode.Uri): boolean {
  return read('diagnostics.enabled', document) !== false;
}

/** momo.settings.defaultMode for this document. */
export function defaultWriteMode(document?: vscode.Uri): string | undefined {
  return read('settings.defaultMode', document);
}
