/**
 * The target environment of a stored credential, and the doctor's "use this base URL" fix. Which
 * base URL a secret may go to is decided by trust/secretDestinations.ts alone.
 */
import * as vscode from 'vscode';
import { findEnvironment, isSandbox, PRODUCTION_BASE_URL, type TargetEnvironment } from '../../core/momo/environments';
import type { ProductionPlatform } from '../../core/momo/platforms';
import { baseUrlSettingFor } from '../trust/secretDestinations';

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
export async function updateBaseUrlSetting(environment: string, baseUrl: string, platform?: ProductionPlatform): Promise<string> {
  const key = baseUrlSettingFor(environment, platform).slice('momo.'.length);
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


/** A stored user's platform: its own, else legacy (records from before the new platform); none in the sandbox. */
export function platformOf(user: { environment: string; platform?: ProductionPlatform }): ProductionPlatform | undefined {
  return isSandbox(user.environment) ? undefined : (user.platform ?? 'legacy');
}
