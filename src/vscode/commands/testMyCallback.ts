/**
 * MoMo: Test My Callback (arguments: MomoCommandArgs in momoCommands.ts, or an API user's tree
 * node). Sends a sandbox test payment whose callback goes to the app's
 * own URL, through the local emulator, and shows what the app answered in the doctor's report
 * view, with the cause and the fix.
 *
 * Which emulator: when the sandbox base URL is a running local emulator and the API user's
 * keys are stored, that one (the attempt also appears in its log). Otherwise a private
 * emulator starts in the extension host for this test, with a new API user on the chosen
 * user's callback host (the host rule still applies), and closes afterwards. The real sandbox
 * is never used: it cannot reach localhost, and its callbacks are unreliable.
 */
import * as vscode from 'vscode';
import {
  isRunningEmulator,
  locateDjangoView,
  parseCallbackUrl,
  rehearseCallback,
  REHEARSAL_OUTCOMES,
  type ProjectFile,
  type RehearsalInput,
  type RehearsalOutcome,
  type RehearsalResult,
} from '../../core/callbacks';
import { isSandbox, SANDBOX } from '../../core/momo/environments';
import { isMomoError } from '../../core/momo/errors';
import { findApiUsers, type ApiUserRecord } from '../../core/store/credentialIndex';
import { productLabel, shortApiUser } from '../../core/store/credentialText';
import { startEmulator } from '../../emulator/server';
import { askCallbackUrl, rememberCallbackUrl } from '../callbacks/askCallbackUrl';
import { callbackReport } from '../callbacks/callbackReport';
import { readProjectFiles, uriOfProjectFile } from '../callbacks/projectFiles';
import { publicReport, sessionMarkdown, setCurrentSession, type DoctorSession } from '../doctor/doctorSession';
import { DoctorReportPanel } from '../doctor/reportPanel';
import { subscriptionKeyFor } from '../storedCredentials';
import { configuredBaseUrl, secretDestination } from '../trust/secretDestinations';
import type { WorkspaceSnapshot } from '../doctor/workspaceScan';
import { presentError } from '../ui/errorPresenter';
import { withCancellableProgress } from '../ui/progress';
import { productArg, stringArg, toArgs, type Args } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { runMomoCommand } from '../momoCommands';

const title = (): string => vscode.l10n.t('MoMo: Test My Callback');

export type TestMyCallbackResult = CommandResult<{
  delivered: boolean;
  status: number | null;
  method: string;
  url: string;
  durationMs: number | null;
  explanation: RehearsalResult['explanation'];
  emulator: RehearsalResult['emulator'];
  report: ReturnType<typeof publicReport>;
  markdown: string;
  html?: string;
}>;

export async function testMyCallback(ctx: CommandContext, arg: unknown): Promise<TestMyCallbackResult> {
  const args = toArgs(arg);
  const problem = argumentProblem(args);
  if (problem) {
    ctx.notifier.tell('error', `${title()}: ${problem}`);
    return failed(problem);
  }
  const user = chooseUser(ctx, args);
  if (user === null) {
    const reason = vscode.l10n.t('that API user is not stored in VS Code');
    ctx.notifier.tell('error', vscode.l10n.t('{0}: {1}; add or provision it first.', title(), reason));
    return failed(reason);
  }
  const product = user?.product ?? productArg(args).value ?? 'collection';
  const files = await readProjectFiles();
  const url = stringArg(args, 'url') ?? (await askCallbackUrl(vscode.l10n.t("{0}: your app's callback URL", title()), ctx.workspaceState, files));
  if (url === undefined) return failed('cancelled');
  const parsed = parseCallbackUrl(url);
  if (typeof parsed === 'string') {
    ctx.notifier.tell('error', `${title()}: ${parsed}`);
    return failed(parsed);
  }
  await rememberCallbackUrl(ctx.workspaceState, parsed.toString());
  const outcome = (stringArg(args, 'outcome')?.toLowerCase() ?? 'success') as RehearsalOutcome;
  const method = stringArg(args, 'method')?.toUpperCase() as 'PUT' | 'POST' | undefined;

  let result: RehearsalResult;
  try {
    const via = user ? await runningEmulatorVia(ctx, user) : undefined;
    ctx.log.info(`Test My Callback: ${product} payment (${outcome}) with its callback to ${ctx.log.redact(parsed.toString())}, ${via ? `through the emulator at ${via.baseUrl}` : 'through a private local emulator'}.`);
    result = await withCancellableProgress(vscode.l10n.t('Test My Callback: calling {0}', parsed.host), (signal) =>
      rehearseCallback({
        url: parsed.toString(),
        product,
        outcome,
        ...(method ? { method } : {}),
        ...(user?.callbackHost ? { providerCallbackHost: user.callbackHost } : {}),
        ...(via ? { via } : {}),
        startEmulator: (options) => startEmulator({ ...options, quiet: true }),
        locateView: async (path) => locateDjangoView(files, path),
        signal,
      } satisfies RehearsalInput),
    );
  } catch (err) {
    if (isMomoError(err) && err.kind === 'cancelled') return failed('cancelled');
    presentError(ctx, err);
    return failed(isMomoError(err) ? err.message : String(err));
  }
  ctx.log.info(`Test My Callback: ${result.method} → ${result.status ?? 'no answer'}: ${result.explanation.summary}`);

  const session: DoctorSession = {
    title: title(),
    panelTitle: vscode.l10n.t('MoMo Callback Test'),
    environment: SANDBOX,
    report: callbackReport(result, user ? shortApiUser(user.apiUser) : undefined),
    scopes: new Map(),
    workspace: await snapshotOf(result, files),
    rerun: () => runMomoCommand('momo.testMyCallback', { ...args, url: parsed.toString() }),
    note: noteFor(result),
  };
  setCurrentSession(session);
  const html = args.show === false ? undefined : DoctorReportPanel.show(ctx, session);
  return {
    ok: true,
    delivered: result.delivered,
    status: result.status,
    method: result.method,
    url: result.url,
    durationMs: result.durationMs,
    explanation: result.explanation,
    emulator: result.emulator,
    report: publicReport(session.report),
    markdown: sessionMarkdown(session),
    ...(html !== undefined ? { html } : {}),
  };
}

function argumentProblem(args: Args): string | undefined {
  const product = productArg(args);
  if (product.error) return product.error;
  const outcome = stringArg(args, 'outcome')?.toLowerCase();
  if (outcome !== undefined && !(REHEARSAL_OUTCOMES as readonly string[]).includes(outcome)) {
    return vscode.l10n.t('"{0}" is not an outcome with a callback; use {1}.', outcome.slice(0, 40), REHEARSAL_OUTCOMES.join(', '));
  }
  const method = stringArg(args, 'method')?.toUpperCase();
  if (method !== undefined && method !== 'PUT' && method !== 'POST') return vscode.l10n.t('method must be PUT or POST.');
  return undefined;
}

/** The given API user (undefined: none given; null: given but not stored). */
function chooseUser(ctx: CommandContext, args: Args): ApiUserRecord | undefined | null {
  const id = stringArg(args, 'apiUser');
  if (!id) return undefined;
  const found = findApiUsers(ctx.store.index(), id, { environment: stringArg(args, 'environment'), product: productArg(args).value });
  return found.find((u) => isSandbox(u.environment)) ?? found[0] ?? null;
}

/** The configured sandbox emulator with this user's stored keys, when both are there. */
async function runningEmulatorVia(ctx: CommandContext, user: ApiUserRecord): Promise<RehearsalInput['via']> {
  if (!isSandbox(user.environment) || !user.keyStored) return undefined;
  // The probe carries no secret; the keys then go where the trust boundary says (this machine).
  if (!(await isRunningEmulator(configuredBaseUrl(SANDBOX).url))) return undefined;
  const apiKey = await ctx.store.getApiKey(user);
  const subscription = await subscriptionKeyFor(ctx.store, user);
  if (!apiKey || !subscription) return undefined;
  ctx.log.rememberSecret(apiKey);
  ctx.log.rememberSecret(subscription.key);
  const destination = await secretDestination(ctx, {
    environment: SANDBOX,
    credentials: [vscode.l10n.t('the {0} sandbox subscription key', productLabel(user.product)), vscode.l10n.t('API user {0} with its API key', shortApiUser(user.apiUser))],
  });
  if (!destination.ok) return undefined;
  return { baseUrl: destination.baseUrl, subscriptionKey: subscription.key, apiUser: user.apiUser, apiKey };
}

function noteFor(result: RehearsalResult): string {
  switch (result.emulator) {
    case 'private':
      return vscode.l10n.t('The test payment went through a local MoMo emulator started for this test and closed afterwards; nothing reached MTN.');
    case 'running':
      return vscode.l10n.t('The test payment was made on the local emulator at the sandbox base URL; nothing reached MTN.');
    case 'none':
      return vscode.l10n.t('Nothing was sent.');
  }
}

/** The view file, so the report's "Open …:line" button can open it. */
async function snapshotOf(result: RehearsalResult, files: readonly ProjectFile[]): Promise<WorkspaceSnapshot> {
  const snapshot: WorkspaceSnapshot = { files: new Map(), gitignores: new Map(), folderOf: new Map() };
  const location = result.explanation.location;
  const file = location ? files.find((f) => f.fileName === location.file) : undefined;
  const uri = file ? await uriOfProjectFile(file.fileName) : undefined;
  if (file && uri) snapshot.files.set(file.fileName, { uri, text: file.text });
  return snapshot;
}
