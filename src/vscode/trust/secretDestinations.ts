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
    [trusted && multiRoot ? inspected?.workspaceFolderValue : undefined, 'folder', folder ? `${folder.name}/.vscode/settings.json` : 'the folder settings'],
    [trusted ? inspected?.workspaceValue : undefined, 'workspace', workspaceSettingsFile()],
    [inspected?.globalValue, 'user', userSettingsName()],
  ];
  for (const [value, source, where] of candidates) {
    if (typeof value === 'string' && value.trim()) return { url: value.trim(), source, key, setting, where };
  }
  return { url: fallback ?? defaultBaseUrl(environment), source: 'default', key, setting, where: 'the default' };
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
  return vscode.env.remoteName ? 'your Remote settings' : 'your user settings';
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
    ? { url: request.baseUrl, source: 'argument', key: baseUrlSettingKey(request.environment, request.platform), setting: baseUrlSettingFor(request.environment, request.platform), where: 'the command arguments' }
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
    const message = `Nothing was sent: ${configured.setting} (${configured.where}) cannot be used. ${decision.message}`;
    ctx.log.warn(message);
    problem('error', message, usable);
    return { ok: false, reason: message };
  }
  const allow = `Allow ${decision.host}`;
  const kind = production ? 'production' : 'sandbox';
  const answer = await ctx.notifier.ask('warning', `Send your MoMo ${kind} credentials to ${decision.host}?`, [allow], {
    modal: true,
    detail:
      `${configured.setting} is set to ${decision.baseUrl} in ${configured.where} (a ${sourceName(configured.source)}). ` +
      `${decision.host} is neither an MTN MoMo API host nor this machine. ` +
      `If you allow it, ${joinCredentials(request.credentials)} go there now, and MoMo sends ${kind} credentials there from now on without asking ` +
      '(revoke it in the MoMo view or with "MoMo: Revoke Allowed Host"). Allow it only if you run this host yourself, such as your own proxy.',
  });
  if (answer !== allow) {
    const message = `Nothing was sent to ${decision.host}. To use MTN's ${kind} API instead, remove or change ${configured.setting} in ${configured.where}, then run the command again.`;
    ctx.log.info(message);
    problem('warning', message, (now) => now.url !== configured.url && usable(now));
    return { ok: false, reason: message };
  }
  await ctx.approvals.approve(decision.host, production);
  ctx.log.info(`Allowed MoMo ${kind} credentials to go to ${decision.host} (${configured.setting} in ${configured.where}).`);
  return { ok: true, baseUrl: decision.baseUrl, host: decision.host };
}

function joinCredentials(credentials: string[]): string {
  if (credentials.length === 0) return 'your MoMo credentials';
  if (credentials.length === 1) return credentials[0];
  return `${credentials.slice(0, -1).join(', ')} and ${credentials[credentials.length - 1]}`;
}
