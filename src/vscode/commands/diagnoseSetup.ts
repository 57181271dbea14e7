/**
 * MoMo: Diagnose MoMo Setup (arguments, all optional: MomoCommandArgs in momoCommands.ts).
 * Runs the core doctor over the stored credentials of one environment and the workspace's
 * settings files, in a cancellable progress notification, and shows the report in a webview
 * with a fix button beside each finding. Resolves to the report (fix arguments that could hold
 * a secret left out) and its Markdown, so callers and tests can read the findings.
 */
import * as vscode from 'vscode';
import { platformBaseUrl, type ProductionPlatform } from '../../core/momo/platforms';
import { runDoctor, type DoctorFinding, type DoctorReport } from '../../core/doctor';
import { isSandbox, SANDBOX, type TargetEnvironment } from '../../core/momo/environments';
import { activeApiUser, environmentsIn } from '../../core/store/credentialIndex';
import { environmentLabel } from '../../core/store/credentialText';
import { offerCallbackTest } from '../callbacks/offerCallbackTest';
import { productionTokenTimeoutMs, requestTimeoutMs } from '../config';
import type { CredentialStore } from '../credentialStore';
import { runSessionFix, type FixResult } from '../doctor/doctorFixes';
import { currentSession, publicReport, sessionMarkdown, setCurrentSession, type DoctorSession } from '../doctor/doctorSession';
import { targetOf } from '../momoTarget';
import { placeOnPlatforms, reportPlatform } from '../doctor/platformHosts';
import { DoctorReportPanel } from '../doctor/reportPanel';
import { storedDoctorInput } from '../storedCredentials';
import { scanWorkspace, type WorkspaceSnapshot } from '../doctor/workspaceScan';
import type { Actions } from '../notifier';
import { configuredBaseUrl, secretDestination } from '../trust/secretDestinations';
import { withCancellableProgress } from '../ui/progress';
import { environmentArg, isInteractive, productArg, stringArg, toArgs, type Args } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { countOf } from '../../core/text/plural';
import { plural } from '../../core/text/l10n';
import { runMomoCommand } from '../momoCommands';

export type DiagnoseResult = CommandResult<{
  environment: string;
  /** No error finding and not cancelled. */
  healthy: boolean;
  cancelled: boolean;
  report: DoctorReport;
  markdown: string;
  /** The page the report view shows; absent with `show: false`. */
  html?: string;
}>;

export async function diagnoseSetup(ctx: CommandContext, arg: unknown): Promise<DiagnoseResult> {
  const args = typeof arg === 'string' ? { errorText: arg } : toArgs(arg);
  const envParsed = environmentArg(args);
  const productParsed = productArg(args);
  const argError = envParsed.error ?? productParsed.error;
  if (argError) {
    ctx.notifier.tell('error', argError);
    return failed(argError);
  }
  const environment = envParsed.value ?? (await chooseEnvironment(ctx.store, isInteractive(arg)));
  if (!environment) {
    return failed('cancelled');
  }
  const filter = { product: productParsed.value, apiUser: stringArg(args, 'apiUser') };
  const stored = await storedDoctorInput(ctx.store, environment.id, filter);
  stored.secrets.forEach((secret) => ctx.log.rememberSecret(secret));
  const errorText = stringArg(args, 'errorText') ?? stringArg(args, 'text');
  // Production: the report's host is the platform of the stored pairs (the new one when all are
  // System Credentials); a pair of the other platform goes to its own platform's host or nowhere.
  const platform = reportPlatform(environment, stored.apiUsers);
  const here = stored.apiUsers.filter((u) => !platform || (u.platform ?? 'legacy') === platform).length;
  const baseUrl = await doctorBaseUrl(ctx, environment, stringArg(args, 'baseUrl'), stored.subscriptionKeys.length, here, platform);
  if (!baseUrl.ok) {
    return failed(baseUrl.reason);
  }
  const placed = await placeOnPlatforms(ctx, environment, stored.apiUsers, platform);
  const title = vscode.l10n.t('MoMo doctor: {0}', environmentLabel(environment.id));
  ctx.log.info(`Running the MoMo doctor for ${environment.id} at ${baseUrl.baseUrl}.`);

  let workspace: WorkspaceSnapshot = { files: new Map(), gitignores: new Map(), folderOf: new Map() };
  const progressTitle = environment.production
    ? vscode.l10n.t('Diagnosing the MoMo setup ({0}): production token requests can take 10–20 s', environmentLabel(environment.id))
    : vscode.l10n.t('Diagnosing the MoMo setup ({0})', environmentLabel(environment.id));
  const diagnosed = await withCancellableProgress(progressTitle, async (signal, progress) => {
    let workspaceFindings: DoctorFinding[] = [];
    if (args.workspace !== false) {
      progress(vscode.l10n.t('reading the workspace settings files…'));
      const scan = await scanWorkspace({ knownProductionSecrets: await productionSecrets(ctx.store), signal });
      workspace = scan.snapshot;
      workspaceFindings = scan.findings;
    }
    return runDoctor(
      {
        baseUrl: baseUrl.baseUrl,
        subscriptionKeys: stored.subscriptionKeys,
        apiUsers: placed.apiUsers,
        targetEnvironment: stringArg(args, 'targetEnvironment') ?? environment.id,
        currency: stringArg(args, 'currency') ?? (environment.currency || undefined),
        workspaceFindings: [...stored.storageFindings, ...placed.findings, ...workspaceFindings],
        ...(errorText ? { errorText } : {}),
        timeoutMs: requestTimeoutMs(),
        ...(environment.production ? { tokenTimeoutMs: productionTokenTimeoutMs() } : {}),
      },
      { signal, onFinding: (finding) => progress(vscode.l10n.t('checked {0}', finding.subject ?? finding.check)) },
    );
  });

  const report = offerCallbackTest(diagnosed, isSandbox(environment.id));
  const session: DoctorSession = {
    title,
    environment: environment.id,
    ...(platform ? { platform } : {}),
    report,
    scopes: stored.scopes,
    workspace,
    rerun: () => runMomoCommand('momo.diagnoseSetup', rerunArgs(args, environment)),
  };
  setCurrentSession(session);
  ctx.log.info(`MoMo doctor for ${environment.id}: ${countOf(report.counts.error, 'error')}, ${countOf(report.counts.warning, 'warning')}, ${report.counts.ok} passed${report.cancelled ? ', cancelled' : ''}.`);
  const html = args.show === false ? undefined : DoctorReportPanel.show(ctx, session);
  announce(ctx, session, args.show !== false);
  return {
    ok: true,
    environment: environment.id,
    healthy: report.ok,
    cancelled: report.cancelled,
    report: publicReport(report),
    markdown: sessionMarkdown(session),
    ...(html !== undefined ? { html } : {}),
  };
}

/**
 * momo.applyDoctorFix { finding, fix }: runs a fix of the last report by its indexes, as the
 * report's buttons do (for callers and tests that cannot click inside a webview).
 */
export async function applyDoctorFix(ctx: CommandContext, arg: unknown): Promise<FixResult | { ok: false; reason: string }> {
  const args = toArgs(arg);
  const session = currentSession();
  if (!session) {
    return failed('No doctor report has been made in this window yet.');
  }
  if (!Number.isInteger(args.finding) || !Number.isInteger(args.fix)) {
    return failed('Pass { finding, fix }: the indexes of a finding in the report and of one of its fixes.');
  }
  return runSessionFix(ctx, session, args.finding as number, args.fix as number);
}

/**
 * With stored credentials, the host they would go to must be one the person chose; with none,
 * nothing secret leaves, and the doctor checks the URL as configured (and says what is wrong with it).
 */
async function doctorBaseUrl(
  ctx: CommandContext,
  environment: TargetEnvironment,
  given: string | undefined,
  keys: number,
  users: number,
  platform?: ProductionPlatform,
): Promise<{ ok: true; baseUrl: string } | { ok: false; reason: string }> {
  const onPlatform = platform ? { platform, defaultBaseUrl: platformBaseUrl(environment, platform) } : {};
  // With no secret to send, or a URL the doctor's base URL check refuses (and calls nothing with),
  // the doctor checks the URL as configured and says what is wrong with it.
  if (keys === 0 && users === 0) {
    return { ok: true, baseUrl: given ?? configuredBaseUrl(environment.id, undefined, onPlatform.defaultBaseUrl, platform).url };
  }
  const where = environmentLabel(environment.id);
  const credentials = [
    ...(keys ? [plural(keys, vscode.l10n.t('{0} {1} subscription key', keys, where), vscode.l10n.t('{0} {1} subscription keys', keys, where))] : []),
    ...(users
      ? [
          plural(
            users,
            vscode.l10n.t('{0} {1} credential pair (API user + API key or System Credentials)', users, where),
            vscode.l10n.t('{0} {1} credential pairs (API user + API key or System Credentials)', users, where),
          ),
        ]
      : []),
  ];
  const destination = await secretDestination(ctx, { environment: environment.id, credentials, callerExplainsUnusableUrl: true, ...onPlatform, ...(given ? { baseUrl: given } : {}) });
  return !destination.ok && destination.unusableUrl !== undefined ? { ok: true, baseUrl: destination.unusableUrl } : destination;
}

/** The environment given, the only one with credentials, or (several) the person's choice. */
async function chooseEnvironment(store: CredentialStore, interactive: boolean): Promise<TargetEnvironment | undefined> {
  const index = store.index();
  const stored = environmentsIn(index);
  if (stored.length <= 1) {
    return targetOf(stored[0] ?? SANDBOX);
  }
  if (!interactive) {
    return targetOf(activeApiUser(index)?.environment ?? stored[0]);
  }
  const items = stored.map((id) => ({ label: environmentLabel(id), description: id, id }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('MoMo: Diagnose MoMo Setup: which environment'),
    placeHolder: vscode.l10n.t("Whose stored credentials to check (the workspace's files are checked either way)"),
    ignoreFocusOut: true,
  });
  return picked ? targetOf(picked.id) : undefined;
}

/** Secrets stored for production: a literal copy of one in a workspace file is an error, not a warning. */
async function productionSecrets(store: CredentialStore): Promise<string[]> {
  const index = store.index();
  const keys = index.subscriptionKeys.filter((k) => k.environment !== SANDBOX).map((k) => store.getSubscriptionKey(k, k.keyType));
  const apiKeys = index.apiUsers.filter((u) => u.environment !== SANDBOX && u.keyStored).map((u) => store.getApiKey(u));
  return (await Promise.all([...keys, ...apiKeys])).filter((s): s is string => typeof s === 'string');
}

function rerunArgs(args: Args, environment: TargetEnvironment): Record<string, unknown> {
  const keep = ['product', 'apiUser', 'baseUrl', 'targetEnvironment', 'currency', 'errorText', 'text', 'workspace'];
  const again: Record<string, unknown> = { environment: environment.id };
  for (const name of keep) {
    if (args[name] !== undefined) {
      again[name] = args[name];
    }
  }
  return again;
}

function announce(ctx: CommandContext, session: DoctorSession, shown: boolean): void {
  const { report } = session;
  const where = environmentLabel(session.environment);
  const showReport: Actions = shown ? {} : { [vscode.l10n.t('Show Report')]: () => runMomoCommand('momo.diagnoseSetup', { environment: session.environment }) };
  if (report.cancelled) {
    const made = report.findings.length;
    ctx.notifier.tell(
      'info',
      plural(
        made,
        vscode.l10n.t('The MoMo doctor was cancelled; the report shows the {0} finding made before that.', made),
        vscode.l10n.t('The MoMo doctor was cancelled; the report shows the {0} findings made before that.', made),
      ),
      showReport,
    );
    return;
  }
  if (report.ok) {
    const { ok, warning } = report.counts;
    const checks = plural(ok, vscode.l10n.t('{0} check passed', ok), vscode.l10n.t('{0} checks passed', ok));
    const warnings = warning ? plural(warning, vscode.l10n.t('{0} warning', warning), vscode.l10n.t('{0} warnings', warning)) : '';
    ctx.notifier.tell(
      'info',
      warnings
        ? vscode.l10n.t('The MoMo doctor found no problem in the {0} setup: {1}, and {2} worth a look.', where, checks, warnings)
        : vscode.l10n.t('The MoMo doctor found no problem in the {0} setup: {1}.', where, checks),
      showReport,
    );
    return;
  }
  const first = report.findings.find((f) => f.severity === 'error');
  const lead = first ? ' ' + vscode.l10n.t('First: {0}', `${first.subject ? `${first.subject}: ` : ''}${first.message}`) : '';
  const errors = report.counts.error;
  const found = plural(
    errors,
    vscode.l10n.t('The MoMo doctor found {0} problem in the {1} setup.', errors, where),
    vscode.l10n.t('The MoMo doctor found {0} problems in the {1} setup.', errors, where),
  );
  ctx.notifier.tell('warning', ctx.log.redact(`${found}${lead} ${vscode.l10n.t('The report shows each one with its fix.')}`), showReport);
}
