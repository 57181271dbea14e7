/**
 * The message for a base URL that secrets were not sent to (unusable, refused, or a host the
 * person declined), with the doctor's one-click fix beside "Open Settings": "Use Sandbox URL"
 * writes MTN's URL at the level that holds the bad value (user, workspace or folder settings,
 * whichever decided under secretDestinations.ts's rules), after checking that the value there is
 * still the one the message is about. Once the setting changes to a URL secrets may go to, the
 * message is taken off the screen (onDidChangeConfiguration).
 */
import * as vscode from 'vscode';
import { isSandbox } from '../../core/momo/environments';
import type { UrlSource } from '../../core/trust/destination';
import type { CommandContext } from '../commandContext';
import { inspectSetting, updateSetting, type BaseUrlSettingKey } from '../config';
import type { Actions, Severity } from '../notifier';

/** A base URL setting as read, with where it came from (secretDestinations.ts's ConfiguredUrl). */
export interface ConfiguredUrl {
  url: string;
  source: UrlSource;
  /** The setting under `momo.` (`sandbox.baseUrl`), and its full name as shown (`momo.sandbox.baseUrl`). */
  key: BaseUrlSettingKey;
  setting: string;
  /** "your user settings", ".vscode/settings.json", "shop/.vscode/settings.json", … */
  where: string;
}

export interface BaseUrlProblem {
  severity: Severity;
  message: string;
  configured: ConfiguredUrl;
  environment: string;
  /** The URL the fix writes: MTN's for the environment. */
  fixUrl: string;
  /** The resource whose settings were read (a folder's settings apply to it). */
  scope: vscode.Uri | undefined;
  /** True once the setting holds a URL secrets may go to (the problem is gone). */
  resolved: () => boolean;
}

const TARGETS: Partial<Record<UrlSource, vscode.ConfigurationTarget>> = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  folder: vscode.ConfigurationTarget.WorkspaceFolder,
};

export function tellBaseUrlProblem(ctx: CommandContext, problem: BaseUrlProblem): void {
  const { configured } = problem;
  const target = TARGETS[configured.source];
  const actions: Actions = {};
  if (target !== undefined && configured.url !== problem.fixUrl) {
    actions[isSandbox(problem.environment) ? vscode.l10n.t('Use Sandbox URL') : vscode.l10n.t('Use Production URL')] = () => useFixUrl(ctx, problem, target);
  }
  Object.assign(actions, openSettingAction(configured));
  const closeWhen =
    target === undefined
      ? undefined
      : (close: () => void) => vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(configured.setting) && problem.resolved() && close());
  ctx.notifier.tell(problem.severity, problem.message, actions, closeWhen ? { closeWhen } : {});
}

/** Writes the fix URL where the bad value is, unless that value changed meanwhile. */
async function useFixUrl(ctx: CommandContext, problem: BaseUrlProblem, target: vscode.ConfigurationTarget): Promise<void> {
  const { configured } = problem;
  const inspected = inspectSetting(configured.key, problem.scope);
  const current =
    target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.workspaceFolderValue;
  if (typeof current !== 'string' || current.trim() !== configured.url) {
    ctx.notifier.tell('info', vscode.l10n.t('{0} in {1} has changed since; nothing was written. Run the command again.', configured.setting, configured.where));
    return;
  }
  await updateSetting(configured.key, problem.fixUrl, target, problem.scope);
  ctx.notifier.tell('info', vscode.l10n.t('{0} is now {1} in {2}. Run the command again.', configured.setting, problem.fixUrl, configured.where));
}

function openSettingAction(configured: ConfiguredUrl): Actions {
  const commandFor: Record<UrlSource, string | undefined> = {
    folder: 'workbench.action.openFolderSettingsFile',
    workspace: 'workbench.action.openWorkspaceSettingsFile',
    user: 'workbench.action.openSettingsJson',
    default: undefined,
    argument: undefined,
  };
  const command = commandFor[configured.source];
  return { [vscode.l10n.t('Open Settings')]: () => (command ? vscode.commands.executeCommand(command) : vscode.commands.executeCommand('workbench.action.openSettings', configured.setting)) };
}
