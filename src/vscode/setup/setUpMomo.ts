/**
 * MoMo: Set Up MoMo — from a subscription key to a SUCCESSFUL sandbox payment, asking only
 * what cannot be worked out: paste the key (its product is recognised), confirm the settings
 * file, then "Send Test Payment". Tests and other extensions may pass the answers
 * (MomoCommandArgs['momo.setUp'] in momoCommands.ts).
 * Each step keeps what it did; cancelling says so, and running again continues from there.
 */
import * as vscode from 'vscode';
import { maskSecret } from '../../core/momo/redact';
import { isFillableSlot, type SubscriptionKeySlot } from '../../core/settings';
import { refOf } from '../../core/store/credentialIndex';
import { productLabel, shortApiUser } from '../../core/store/credentialText';
import { isInteractive, productArg, stringArg, toArgs, type Args } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { stepLine, verifyUser, type VerifyStepResult } from '../commands/verifyApiUser';
import type { Actions } from '../notifier';
import type { ChosenCredentials } from '../settings/credentialChoice';
import { copyCredentialLines } from '../settings/clipboardFallback';
import { insertCredentialsIntoFile } from '../settings/insertCredentials';
import { fileArg } from '../settings/settingsFileArg';
import { successfulTestPaymentArgs } from '../testPaymentDefaults';
import { secretDestination } from '../trust/secretDestinations';
import { setupKey } from './setupKey';
import { describeSetupFile, pickSetupFile, type SetupFileChoice } from './setupSettingsFile';
import { SetupRun } from './setupRun';
import { SANDBOX } from '../../core/momo/environments';
import { setupUser } from './setupUser';
import { runMomoCommand } from '../momoCommands';

export type SetUpResult =
  | CommandResult<{
      product: string;
      apiUser: string;
      /** The settings file written, when one was. */
      file?: string;
      verified: boolean;
      /** The test payment's outcome, when `testPayment: true` sent one. */
      payment?: unknown;
      done: string[];
      notes: string[];
    }>
  | { ok: false; reason: string; stoppedBefore?: string; done: string[] };

export async function setUpMomo(ctx: CommandContext, arg: unknown): Promise<SetUpResult> {
  const args = toArgs(arg);
  const interactive = isInteractive(arg);
  const run = new SetupRun(ctx);
  const argError = productArg(args).error ?? fileArg(args).error;
  if (argError) {
    ctx.notifier.tell('error', argError);
    return failed(argError) as SetUpResult;
  }
  // The trust boundary decides where the key may go (and asks for a host that is not MTN's).
  const destination = await secretDestination(ctx, { environment: SANDBOX, credentials: [vscode.l10n.t('the subscription key you set up')] });
  if (!destination.ok) {
    return failed(destination.reason) as SetUpResult;
  }
  const baseUrl = destination.baseUrl;

  const key = await setupKey(ctx, run, {
    given: stringArg(args, 'key'),
    expectedProduct: productArg(args).value,
    interactive,
    confirmReplace: args.confirmReplace === true,
    baseUrl,
  });
  if (!key) return ended(run);
  const chosen = await setupUser(ctx, run, key, { callbackHost: stringArg(args, 'callbackHost'), baseUrl });
  if (!chosen) return ended(run);

  const target = await chooseFile(run, args, interactive, chosen, key.key);
  if (target === undefined) return ended(run);
  let file: string | undefined;
  if (target === 'clipboard') {
    await copyCredentialLines(ctx, chosen);
    run.done(vscode.l10n.t('the API user and key are copied to the clipboard'));
  } else if (target !== 'skip') {
    const written = await insertCredentialsIntoFile(ctx, target.uri, chosen, {
      withSubscriptionKey: target.fillSubscriptionKey,
      show: interactive,
      announce: false,
      ...(args.mode === 'value' || args.mode === 'reference' ? { mode: args.mode } : {}),
    });
    if (!written.ok) return ended(run, written.reason);
    file = written.file;
    run.done(vscode.l10n.t('written into {0}', file));
    run.notes.push(...written.notices);
    slotWarning(run, target.slot, file, key.key);
    if (target.fillSubscriptionKey) run.note(vscode.l10n.t('Its empty subscription key is filled too, so the project runs as it is.'));
  }

  const verified = await verifyUser(ctx, chosen.user, { announce: false });
  if (!verified.ok) return verified.reason === 'cancelled' ? ended(run, undefined, vscode.l10n.t('the credentials were verified')) : ended(run, verified.reason);
  const result = { ok: true as const, product: key.product, apiUser: chosen.user.apiUser, ...(file ? { file } : {}), verified: verified.verified, done: run.doneSteps, notes: run.notes };
  const who = vscode.l10n.t('API user {0} ({1})', shortApiUser(chosen.user.apiUser), productLabel(key.product));
  const notes = run.notes.length > 0 ? ` ${run.notes.join(' ')}` : '';
  if (!verified.verified) {
    const failedText = file
      ? vscode.l10n.t('Set Up MoMo: {0} is stored and is written into {1}, but it failed verification: {2}', who, file, stepLine(verified.steps))
      : vscode.l10n.t('Set Up MoMo: {0} is stored and is not written into a settings file, but it failed verification: {1}', who, stepLine(verified.steps));
    ctx.notifier.tell('error', `${failedText}${notes}`, {
      [vscode.l10n.t('Diagnose')]: () => runMomoCommand('momo.diagnoseSetup', { environment: SANDBOX, product: key.product }),
      [vscode.l10n.t('Verify Again')]: () => runMomoCommand('momo.verifyApiUser', refOf(chosen.user)),
    });
    return result;
  }
  const paymentArgs = successfulTestPaymentArgs(refOf(chosen.user));
  if (args.testPayment === true) {
    const payment = await runMomoCommand('momo.sendTestPayment', paymentArgs);
    return { ...result, payment };
  }
  const actions: Actions = { [vscode.l10n.t('Send Test Payment')]: () => runMomoCommand('momo.sendTestPayment', paymentArgs) };
  const setUp = file
    ? vscode.l10n.t('MoMo is set up: {0} works ({1}) and is written into {2}.', who, verdictLine(verified.steps), file)
    : vscode.l10n.t('MoMo is set up: {0} works ({1}) and is not written into a settings file.', who, verdictLine(verified.steps));
  ctx.notifier.tell('info', `${setUp}${notes} ${vscode.l10n.t("Next: a test payment to the sandbox's success number.")}`, actions);
  return result;
}

async function chooseFile(run: SetupRun, args: Args, interactive: boolean, chosen: ChosenCredentials, subscriptionKey: string): Promise<SetupFileChoice | 'skip' | 'clipboard' | undefined> {
  const values = { apiUser: chosen.user.apiUser, apiKey: chosen.apiKey, subscriptionKey, product: chosen.user.product };
  const given = fileArg(args).uri;
  if (given) {
    const { slot } = await describeSetupFile(given, values, subscriptionKey);
    const fill = typeof args.fillSubscriptionKey === 'boolean' ? args.fillSubscriptionKey : isFillableSlot(slot);
    return { uri: given, fillSubscriptionKey: fill, slot };
  }
  if (!interactive) return 'skip';
  const picked = await pickSetupFile(vscode.l10n.t('{0}: settings file', run.title), values, subscriptionKey);
  return picked ?? run.stopped(vscode.l10n.t('the settings file was chosen'));
}

/** A settings file holding another key than the one the API user was created with cannot run. */
function slotWarning(run: SetupRun, slot: SubscriptionKeySlot, file: string, key: string): void {
  if (slot === 'different') {
    run.note(
      vscode.l10n.t(
        'Warning: {0} holds a different subscription key from the one this API user was created with ({1}); calls with it will be refused. Put the same key there.',
        file,
        maskSecret(key),
      ),
    );
  }
}

/** The verdict steps only ("✓ token · ✓ balance"): the rest is in the log. */
function verdictLine(steps: VerifyStepResult[]): string {
  return steps.filter((s) => s.step === 'token' || s.step === 'balance').map((s) => `${s.ok ? '✓' : '✗'} ${s.step}`).join(' · ');
}

function ended(run: SetupRun, reason?: string, stoppedBefore?: string): SetUpResult {
  if (stoppedBefore && !run.stoppedBefore) run.stopped(stoppedBefore);
  const why = reason ?? run.failure ?? (run.stoppedBefore ? 'cancelled' : 'stopped');
  return { ok: false, reason: why, ...(run.stoppedBefore ? { stoppedBefore: run.stoppedBefore } : {}), done: run.doneSteps };
}
