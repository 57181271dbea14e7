/**
 * The trust boundary: every MoMo API call that carries a secret gets its base URL from here,
 * and nowhere else reads the base URL settings. It knows which hosts the person chose:
 * - the setting is read with the document's (or first folder's) scope, and in Restricted Mode
 *   only the person's own value counts (VS Code also drops the workspace's values of the
 *   settings in `restrictedConfigurations`; this does not rely on it);
 * - MTN's API hosts and this machine need no question; any other host is confirmed once, in a
 *   modal naming the host, the settings file that set it and the credentials that would go;
 *   the answer is remembered per host in globalState (hostApprovals.ts) and can be revoked;
 * - production credentials go only to MTN's production hosts unless the person's user-level
 *   setting names another host and they confirmed it (core/trust/destination.ts decides).
 * Declined or refused: nothing is sent, and the message says which setting to change.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { ProductionPlatform } from '../../core/momo/platforms';
import { findEnvironment, isSandbox, PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from '../../core/momo/environments';
import { decideDestination, sourceName, type UrlSource } from '../../core/trust/destination';
import type { CommandContext } from '../commandContext';
import { tellBaseUrlProblem, type ConfiguredUrl } from './baseUrlProblem';
import { inspectSetting, settingName, type BaseUrlSettingKey } from '../config';

export type { ConfiguredUrl };

export interface SecretDestinationRequest {
  /** 'sandbox' or a production target environment id (mtnuganda, …). */
  environment: string;
  /** The credentials that would go there, for the question ("the Collections sandbox subscription key"). */
  credentials: string[];
  /** A base URL given as a command argument: treated like a workspace value, never like the person's own setting. */
  baseUrl?: string;
  /** The document the command works for: its folder's settings apply. */
  document?: vscode.Uri;
  /** The URL when no setting names one, if not the environment's own (e.g. the platform a production pair belongs to). */
  defaultBaseUrl?: string;
  /** Production: the platform of the pair; 'new' reads momo.production.newPlatformBaseUrl. */
  platform?: ProductionPlatform;
  /**
   * The caller explains an unusable URL itself (the doctor's base URL finding) and sends nothing
   * to it: no message then, and the failure carries the URL as configured.
   */
  callerExplainsUnusableUrl?: boolean;
}

export type SecretDestination =
  | { ok: true; baseUrl: string; host: string }
  | { ok: false; reason: string; /** Set when the URL itself is unusable (and the caller explains it). */ unusableUrl?: string };

/** The setting (under `momo.`) that holds an environment's base URL; MTN's new production platform (System Credentials) has its own. */
export function baseUrlSettingKey(environment: string, platform?: ProductionPlatform): BaseUrlSettingKey {
  if (isSandbox(environment)) return 'sandbox.baseUrl';
  return platform === 'new' ? 'production.newPlatformBaseUrl' : 'production.baseUrl';
}

/** Its full name, e.g. `momo.sandbox.baseUrl`. */
export function baseUrlSettingFor(environment: string, platform?: ProductionPlatform): string {
  return settingName(baseUrlSettingKey(environment, platform));
}

/** The base URL for an environment as configured, without any question (for display and the doctor's text). */
export function configuredBaseUrl(environment: string, document?: vscode.Uri, fallback?: string, platform?: ProductionPlatform): ConfiguredUrl {
  const key = baseUrlSettingKey(environment, platform);
  const setting = settingName(key);
  const scope = settingsScope(document);
  const inspected = inspectSetting(key, scope);
  const trusted = vscode.workspace.isTrusted;
  const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
  // A folder opened alone has one settings file, reported as both values: it is the workspace's.
  const multiRoot = vscode.workspace.workspaceFile !== undefined;
  const candidates: Array<[string | undefined, UrlSource, string]> = [
    [trusted && multiRoot ? inspected?.workspaceFolderValue : undefined, 'folder', folder ? `${folder.name}/.vscode/settings.json` : vscode.l10n.t('the folder settings')],
    [trusted ? inspected?.workspaceValue : undefined, 'workspace', workspaceSettingsFile()],
    [inspected?.globalValue, 'user', userSettingsName()],
  ];
  for (const [value, source, where] of candidates) {
    if (typeof value === 'string' && value.trim()) return { url: value.trim(), source, key, setting, where };
  }
  return { url: fallback ?? defaultBaseUrl(environment), source: 'default', key, setting, where: vscode.l10n.t('the default') };
}

function settingsScope(document: vscode.Uri | undefined): vscode.Uri | undefined {
  return document ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

function defaultBaseUrl(environment: string): string {
  if (isSandbox(environment)) return SANDBOX_BASE_URL;
  return findEnvironment(environment)?.baseUrl ?? PRODUCTION_BASE_URL;
}

/**
 * Base URLs are `machine-overridable`: in a remote window (SSH, WSL, Dev Containers, code-server)
 * VS Code reads their user value from the Remote settings, not the local User settings.
 */
function userSettingsName(): string {
  return vscode.env.remoteName ? vscode.l10n.t('your Remote settings') : vscode.l10n.t('your user settings');
}

function workspaceSettingsFile(): string {
  const file = vscode.workspace.workspaceFile;
  return file && file.scheme !== 'untitled' ? path.basename(file.fsPath) : '.vscode/settings.json';
}

/**
 * The base URL secrets for `request.environment` may go to, after asking when the host needs
 * it; `ok: false` when nothing may be sent (the person was told why and what to change).
 */
export async function secretDestination(ctx: CommandContext, request: SecretDestinationRequest): Promise<SecretDestination> {
  const configured: ConfiguredUrl = request.baseUrl
    ? { url: request.baseUrl, source: 'argument', key: baseUrlSettingKey(request.environment, request.platform), setting: baseUrlSettingFor(request.environment, request.platform), where: vscode.l10n.t('the command arguments') }
    : configuredBaseUrl(request.environment, request.document, request.defaultBaseUrl, request.platform);
  const production = !isSandbox(request.environment);
  let host: string | undefined;
  try {
    host = new URL(configured.url).host.toLowerCase();
  } catch {
    // decideDestination refuses an unreadable URL with the validator's message.
  }
  const decision = decideDestination({ url: configured.url, source: configured.source, production, approval: host ? ctx.approvals.approval(host) : undefined });
  if (decision.kind === 'send') return { ok: true, baseUrl: decision.baseUrl, host: decision.host };
  if (decision.kind === 'refuse' && decision.reason === 'invalidUrl' && request.callerExplainsUnusableUrl) {
    return { ok: false, reason: decision.message, unusableUrl: configured.url };
  }
  const problem = (severity: 'error' | 'warning', message: string, resolved: (now: ConfiguredUrl) => boolean) =>
    tellBaseUrlProblem(ctx, {
      severity,
      message,
      configured,
      environment: request.environment,
      fixUrl: request.defaultBaseUrl ?? defaultBaseUrl(request.environment),
      scope: settingsScope(request.document),
      resolved: () => resolved(configuredBaseUrl(request.environment, request.document, request.defaultBaseUrl, request.platform)),
    });
  const usable = (now: ConfiguredUrl) => decideDestination({ url: now.url, source: now.source, production, approval: undefined }).kind !== 'refuse';
  if (decision.kind === 'refuse') {
    const message = vscode.l10n.t('Nothing was sent: {0} ({1}) cannot be used. {2}', configured.setting, configured.where, decision.message);
    ctx.log.warn(message);
    problem('error', message, usable);
    return { ok: false, reason: message };
  }
  const allow = vscode.l10n.t('Allow {0}', decision.host);
  const kind = production ? 'production' : 'sandbox';
  const question = production
    ? vscode.l10n.t('Send your MoMo production credentials to {0}?', decision.host)
    : vscode.l10n.t('Send your MoMo sandbox credentials to {0}?', decision.host);
  const afterwards = production
    ? vscode.l10n.t('If you allow it, {0} go there now, and MoMo sends production credentials there from now on without asking', joinCredentials(request.credentials))
    : vscode.l10n.t('If you allow it, {0} go there now, and MoMo sends sandbox credentials there from now on without asking', joinCredentials(request.credentials));
  const answer = await ctx.notifier.ask('warning', question, [allow], {
    modal: true,
    detail: [
      vscode.l10n.t('{0} is set to {1} in {2} (a {3}).', configured.setting, decision.baseUrl, configured.where, sourceName(configured.source)),
      vscode.l10n.t('{0} is neither an MTN MoMo API host nor this machine.', decision.host),
      vscode.l10n.t('{0} (revoke it in the MoMo view or with "MoMo: Revoke Allowed Host"). Allow it only if you run this host yourself, such as your own proxy.', afterwards),
    ].join(' '),
  });
  if (answer !== allow) {
    const message = production
      ? vscode.l10n.t("Nothing was sent to {0}. To use MTN's production API instead, remove or change {1} in {2}, then run the command again.", decision.host, configured.setting, configured.where)
      : vscode.l10n.t("Nothing was sent to {0}. To use MTN's sandbox API instead, remove or change {1} in {2}, then run the command again.", decision.host, configured.setting, configured.where);
    ctx.log.info(message);
    problem('warning', message, (now) => now.url !== configured.url && usable(now));
    return { ok: false, reason: message };
  }
  await ctx.approvals.approve(decision.host, production);
  ctx.log.info(`Allowed MoMo ${kind} credentials to go to ${decision.host} (${configured.setting} in ${configured.where}).`);
  return { ok: true, baseUrl: decision.baseUrl, host: decision.host };
}

function joinCredentials(credentials: string[]): string {
  if (credentials.length === 0) return vscode.l10n.t('your MoMo credentials');
  if (credentials.length === 1) return credentials[0];
  return vscode.l10n.t('{0} and {1}', credentials.slice(0, -1).join(', '), credentials[credentials.length - 1]);
}
