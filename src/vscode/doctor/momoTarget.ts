/**
 * Where a stored credential is checked: the API base URL and the setting that holds it. The
 * sandbox always uses `momo.sandbox.baseUrl` (so the emulator can stand in for it); production
 * uses `momo.production.baseUrl` only when someone set it, else the environment's own host
 * (Rwanda has its own).
 */
import * as vscode from 'vscode';
import { findEnvironment, isSandbox, PRODUCTION_BASE_URL, type TargetEnvironment } from '../../core/momo/environments';
import { sandboxBaseUrl } from '../config';

export const SANDBOX_BASE_URL_SETTING = 'momo.sandbox.baseUrl';
export const PRODUCTION_BASE_URL_SETTING = 'momo.production.baseUrl';

export function baseUrlSettingFor(environment: string): string {
  return isSandbox(environment) ? SANDBOX_BASE_URL_SETTING : PRODUCTION_BASE_URL_SETTING;
}

export function baseUrlFor(environment: string): string {
  if (isSandbox(environment)) {
    return sandboxBaseUrl();
  }
  const inspected = vscode.workspace.getConfiguration('momo').inspect<string>('production.baseUrl');
  const setByUser = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  return setByUser?.trim() || findEnvironment(environment)?.baseUrl || PRODUCTION_BASE_URL;
}

/** The environment for an id, or a minimal stand-in for an id this version does not know. */
export function targetOf(environment: string): TargetEnvironment {
  return (
    findEnvironment(environment) ?? {
      id: environment,
      label: environment,
      currency: '',
      baseUrl: PRODUCTION_BASE_URL,
      production: !isSandbox(environment),
    }
  );
}

/**
 * Changes the base URL setting where it is currently defined (a workspace setting wins over the
 * user's, so writing the user setting under it would change nothing), else in user settings.
 */
export async function updateBaseUrlSetting(environment: string, baseUrl: string): Promise<string> {
  const key = isSandbox(environment) ? 'sandbox.baseUrl' : 'production.baseUrl';
  const config = vscode.workspace.getConfiguration('momo');
  const inspected = config.inspect<string>(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, baseUrl, target);
  return `momo.${key}`;
}

