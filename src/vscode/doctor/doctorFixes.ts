/**
 * What each fix of a doctor finding (or next step of a failed verification) does in VS Code.
 * A fix id comes from the core; the credential it acts on comes from the finding's subject
 * (see storedCredentials), so "Enter the subscription key again" opens the input for that key.
 */
import * as vscode from 'vscode';
import type { DoctorFix, SettingsFixArgs } from '../../core/doctor';
import type { NextStep } from '../../core/momo/errors';
import type { CommandContext } from '../commandContext';
import { runMomoCommand } from '../momoCommands';
import { buttonLabel } from '../ui/errorPresenter';
import { applyWorkspaceFix } from './applyWorkspaceFix';
import { scopeOf, type DoctorSession } from './doctorSession';
import { baseUrlSettingFor, baseUrlSettingKey } from '../trust/secretDestinations';
import { settingName, updateSettingWhereDefined } from '../config';
import { platformOf } from '../momoTarget';
import { normalizeApiUser } from '../../core/store/secretNames';
import type { ProductionPlatform } from '../../core/momo/platforms';
import type { CredentialScope } from '../storedCredentials';

export type FixResult = { ok: true; fix: DoctorFix['id'] } | { ok: false; fix: DoctorFix['id']; reason: string };

/** The action of a fix, or undefined when it cannot be done from VS Code (then its label is shown as text). */
export function fixAction(ctx: CommandContext, fix: DoctorFix, scope: CredentialScope, session?: DoctorSession): (() => Promise<FixResult>) | undefined {
  const done = (): FixResult => ({ ok: true, fix: fix.id });
  const run = (start: () => Thenable<unknown>) => async (): Promise<FixResult> => {
    // Our commands resolve to { ok, reason }: a cancelled input box is a fix not done.
    const result = (await start()) as { ok?: unknown; reason?: unknown } | undefined;
    return result?.ok === false ? { ok: false, fix: fix.id, reason: String(result.reason ?? 'not done') } : done();
  };
  const openSettings = (query: string) => run(() => vscode.commands.executeCommand('workbench.action.openSettings', query));
  const where = { environment: scope.environment, ...(scope.product ? { product: scope.product } : {}) };
  switch (fix.id) {
    case 'reenterSubscriptionKey':
      return run(() => runMomoCommand('momo.setSubscriptionKey', scope.product ? { ...where, ...(scope.keyType ? { keyType: scope.keyType } : {}) } : undefined));
    case 'openPortal':
    case 'openPartnerPortal':
      return fix.url ? openExternal(fix, fix.url) : undefined;
    case 'retry':
      return session ? async () => (await session.rerun(), done()) : undefined;
    case 'checkNetwork':
      return openSettings('http.proxy');
    case 'checkBaseUrl':
      // A pair's own platform has its own setting (System Credentials: the new platform's).
      return openSettings(baseUrlSettingFor(scope.environment, storedPlatformOf(ctx, scope)));
    case 'useBaseUrl':
      return useBaseUrl(ctx, fix, scope, session);
    case 'regenerateApiKey':
    case 'finishProvisioning':
      return scope.apiUser ? run(() => runMomoCommand('momo.generateApiKey', { ...where, apiUser: scope.apiUser })) : run(() => runMomoCommand('momo.generateApiKey'));
    case 'addExistingApiUser':
    case 'chooseTargetEnvironment':
      return run(() => runMomoCommand('momo.addExistingApiUser', scope.product ? { product: scope.product } : undefined));
    case 'provisionAgain':
      return run(() => runMomoCommand('momo.provisionSandboxUser', scope.product ? { product: scope.product } : undefined));
    case 'showLog':
      return async () => (ctx.log.show(), done());
    case 'openFile':
      return session ? () => openFileAt(fix, session) : undefined;
    case 'testMyCallback':
      return run(() => runMomoCommand('momo.testMyCallback', scope.apiUser ? { ...where, apiUser: scope.apiUser } : where));
    case 'addToGitignore':
    case 'addDotenvLoader':
    case 'applySettingsFix':
      return session ? () => applyInWorkspace(ctx, fix, session) : undefined;
  }
}

/** The platform of the stored pair a finding is about; undefined when it is about no stored pair. */
function storedPlatformOf(ctx: CommandContext, scope: CredentialScope): ProductionPlatform | undefined {
  if (!scope.apiUser) return undefined;
  const id = normalizeApiUser(scope.apiUser);
  const user = ctx.store.index().apiUsers.find((u) => u.environment === scope.environment && u.apiUser === id && (!scope.product || u.product === scope.product));
  return user ? platformOf(user) : undefined;
}

function openExternal(fix: DoctorFix, url: string): () => Promise<FixResult> {
  return async () => {
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return { ok: true, fix: fix.id };
  };
}

function useBaseUrl(ctx: CommandContext, fix: DoctorFix, scope: CredentialScope, session: DoctorSession | undefined): (() => Promise<FixResult>) | undefined {
  const baseUrl = (fix.args as { baseUrl?: unknown } | undefined)?.baseUrl;
  if (typeof baseUrl !== 'string') {
    return undefined;
  }
  return async () => {
    const key = baseUrlSettingKey(scope.environment, session?.platform);
    await updateSettingWhereDefined(key, baseUrl);
    const setting = settingName(key);
    ctx.notifier.tell('info', vscode.l10n.t('Set {0} to {1}. Run the doctor again to check it.', setting, baseUrl), rerunAction(session));
    return { ok: true, fix: fix.id };
  };
}

async function openFileAt(fix: DoctorFix, session: DoctorSession): Promise<FixResult> {
  const args = fix.args as Partial<SettingsFixArgs> | undefined;
  const file = typeof args?.fileName === 'string' ? session.workspace.files.get(args.fileName) : undefined;
  if (!file) {
    return { ok: false, fix: fix.id, reason: vscode.l10n.t('The file is not part of the report any more.') };
  }
  const range = args?.range;
  const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
  await vscode.window.showTextDocument(file.uri, { preview: false, ...(selection ? { selection } : {}) });
  return { ok: true, fix: fix.id };
}

async function applyInWorkspace(ctx: CommandContext, fix: DoctorFix, session: DoctorSession): Promise<FixResult> {
  const args = fix.args as Partial<SettingsFixArgs> | undefined;
  if (args?.quickFix?.kind === 'fillCredentials') {
    // Filling a placeholder needs a stored API user chosen by the person: the editor's quick fix does that.
    const opened = await openFileAt(fix, session);
    if (opened.ok) {
      await vscode.commands.executeCommand('editor.action.quickFix');
    }
    return opened;
  }
  const outcome = await applyWorkspaceFix(session.workspace, fix);
  if (!outcome.applied) {
    const why = outcome.stale
      ? vscode.l10n.t(
          '"{0}" was not applied because a file changed since the report was made: {1} The fix could land in the wrong place, so run the doctor again for a fresh one.',
          fix.label,
          outcome.reason,
        )
      : vscode.l10n.t('"{0}" was not applied: {1}', fix.label, outcome.reason);
    ctx.notifier.tell('warning', why, rerunAction(session));
    return { ok: false, fix: fix.id, reason: outcome.reason };
  }
  const install = outcome.packageName ? ' ' + vscode.l10n.t('Install {0} too (pip install {0}) if your project does not have it yet.', outcome.packageName) : '';
  const applied = vscode.l10n.t('Applied "{0}" to {1}.', fix.label, outcome.files.join(', '));
  ctx.notifier.tell('info', `${applied}${install} ${vscode.l10n.t('Run the doctor again to check.')}`, rerunAction(session));
  return { ok: true, fix: fix.id };
}

function rerunAction(session: DoctorSession | undefined): Record<string, () => unknown> {
  return session ? { [vscode.l10n.t('Run Doctor Again')]: () => session.rerun() } : {};
}

/** Runs fix `fixIndex` of finding `findingIndex` of the session's report (report buttons, momo.applyDoctorFix). */
export async function runSessionFix(ctx: CommandContext, session: DoctorSession, findingIndex: number, fixIndex: number): Promise<FixResult> {
  const finding = session.report.findings[findingIndex];
  const fix = finding?.fixes?.[fixIndex];
  if (!finding || !fix) {
    return { ok: false, fix: 'showLog', reason: `The report has no fix ${fixIndex} for finding ${findingIndex}.` };
  }
  const action = fixAction(ctx, fix, scopeOf(session, finding), session);
  if (!action) {
    return { ok: false, fix: fix.id, reason: `"${fix.label}" is a step to take outside VS Code.` };
  }
  ctx.log.info(`Doctor fix "${fix.label}" (${fix.id}) for ${finding.subject ?? finding.check}.`);
  return action();
}

export function canRunFix(ctx: CommandContext, session: DoctorSession, findingIndex: number, fixIndex: number): boolean {
  const finding = session.report.findings[findingIndex];
  const fix = finding?.fixes?.[fixIndex];
  return !!fix && fixAction(ctx, fix, scopeOf(session, finding), session) !== undefined;
}

const NEXT_STEP_IDS: ReadonlySet<string> = new Set([
  'reenterSubscriptionKey', 'openPortal', 'openPartnerPortal', 'retry', 'checkNetwork', 'checkBaseUrl',
  'regenerateApiKey', 'addExistingApiUser', 'provisionAgain', 'chooseTargetEnvironment', 'showLog',
]);

/** A notification button's text: the short form for the core's next steps (their labels are sentences). */
export function fixButtonLabel(fix: DoctorFix): string {
  return NEXT_STEP_IDS.has(fix.id) ? buttonLabel(fix as NextStep) : fix.label;
}
