/**
 * MoMo: Verify API User (arguments: MomoCommandArgs in momoCommands.ts; a tree node has the
 * same fields). With the stored pair: read the user (sandbox), get a token, read the
 * balance, check an account holder; each step is shown ✓ or ✗ with the core's explanation.
 * The verdict is the token and the balance; the account-holder lookup is only a note.
 * The result is recorded (the tree shows it and when; the status bar turns red when it
 * failed). Only reads: verifying never changes a credential.
 */
import * as vscode from 'vscode';
import { successfulTestPaymentArgs } from '../testPaymentDefaults';
import { verifyApiUser as verifyWithCore, type VerifyApiUserStep, type VerifyApiUserStepName } from '../../core/doctor';
import { isSandbox } from '../../core/momo/environments';
import { refOf, type ApiUserRecord } from '../../core/store/credentialIndex';
import { credentialName, environmentLabel, productLabel } from '../../core/store/credentialText';
import { describePlatform, platformBaseUrl, type ProductionPlatform } from '../../core/momo/platforms';
import { productionTokenTimeoutMs, requestTimeoutMs } from '../config';
import { fixAction, fixButtonLabel } from '../doctor/doctorFixes';
import { platformOf, targetOf } from '../momoTarget';
import { subscriptionKeyFor } from '../storedCredentials';
import type { Actions } from '../notifier';
import { secretDestination } from '../trust/secretDestinations';
import { withCancellableProgress } from '../ui/progress';
import { stringArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { resolveApiUser } from '../ui/resolveApiUser';
import { runMomoCommand } from '../momoCommands';

const MAX_FIX_BUTTONS = 2;

function stepName(step: VerifyApiUserStepName): string {
  switch (step) {
    case 'readUser':
      return vscode.l10n.t('user exists');
    case 'token':
      return vscode.l10n.t('token');
    case 'balance':
      return vscode.l10n.t('balance');
    default:
      return vscode.l10n.t('account holder');
  }
}

export interface VerifyStepResult {
  step: VerifyApiUserStepName;
  ok: boolean;
  message: string;
  next?: string;
  /** A note beside the verdict: its failure does not fail the verification. */
  note?: boolean;
}

export type VerifyCommandResult = CommandResult<{
  apiUser: string;
  environment: string;
  product: string;
  /** The credentials work: every step passed. */
  verified: boolean;
  steps: VerifyStepResult[];
}>;

export async function verifyApiUser(ctx: CommandContext, arg: unknown): Promise<VerifyCommandResult> {
  const user = await resolveApiUser(ctx, arg, vscode.l10n.t('MoMo: Verify API User'));
  if (!user) {
    return failed('no API user');
  }
  return verifyUser(ctx, user, { msisdn: stringArg(toArgs(arg), 'msisdn') });
}

/**
 * Verifies one stored user and records the result. `announce: false` when the caller (Set Up
 * MoMo) reports the outcome in its own message; problems that stop the check are always said.
 */
export async function verifyUser(ctx: CommandContext, user: ApiUserRecord, options: { msisdn?: string; announce?: boolean } = {}): Promise<VerifyCommandResult> {
  const announce = options.announce !== false;
  const who = `${credentialName(user)} (${productLabel(user.product)}, ${environmentLabel(user.environment)})`;
  const apiKey = user.keyStored ? await ctx.store.getApiKey(user) : undefined;
  if (!apiKey) {
    const why =
      user.credentialKind === 'system'
        ? vscode.l10n.t('{0} cannot be verified: its Credential Token is not stored in VS Code.', who)
        : vscode.l10n.t('{0} cannot be verified: its API key is not stored in VS Code.', who);
    const addAgain = { [vscode.l10n.t('Add Existing API User')]: () =>runMomoCommand('momo.addExistingApiUser', { environment: user.environment, product: user.product }) };
    // System Credentials have no key to generate: they come from the Partner Portal only.
    if (user.credentialKind === 'system') {
      ctx.notifier.tell('warning', vscode.l10n.t('{0} Add the System Credentials again with their Credential Token from the Partner Portal.', why), addAgain);
    } else {
      ctx.notifier.tell('warning', vscode.l10n.t('{0} Create a new key (sandbox) or add the user again with its key.', why), {
        [vscode.l10n.t('Generate New API Key')]: () => runMomoCommand('momo.generateApiKey', refOf(user)),
        ...addAgain,
      });
    }
    return failed(why);
  }
  const subscription = await subscriptionKeyFor(ctx.store, user);
  if (!subscription) {
    const why = vscode.l10n.t('{0} cannot be verified: no {1} subscription key is stored for {2}.', who, productLabel(user.product), environmentLabel(user.environment));
    ctx.notifier.tell('warning', vscode.l10n.t('{0} Set it, then verify again.', why), {
      [vscode.l10n.t('Set Subscription Key')]: () => runMomoCommand('momo.setSubscriptionKey', { environment: user.environment, product: user.product }),
    });
    return failed(why);
  }

  const platform = platformOf(user);
  const pair =
    user.credentialKind === 'system'
      ? vscode.l10n.t('{0} with its Credential Token', credentialName(user))
      : vscode.l10n.t('{0} with its API key', credentialName(user));
  const destination = await secretDestination(ctx, {
    environment: user.environment,
    credentials: [vscode.l10n.t('the {0} {1} subscription key', productLabel(user.product), environmentLabel(user.environment)), pair],
    // A production pair goes to its own platform's host (the new platform has its own setting).
    ...(platform ? { platform, defaultBaseUrl: platformBaseUrl(targetOf(user.environment), platform) } : {}),
  });
  if (!destination.ok) {
    return failed(destination.reason);
  }
  const baseUrl = destination.baseUrl;
  ctx.log.info(`Verifying ${who} at ${baseUrl}${platform ? ` (${describePlatform(platform)})` : ''} (reads only).`);
  const msisdn = options.msisdn;
  const report = await withCancellableProgress(progressTitle(who, platform), (signal) =>
    verifyWithCore({
      baseUrl,
      product: user.product,
      subscriptionKey: subscription.key,
      apiUser: user.apiUser,
      apiKey,
      targetEnvironment: user.environment,
      signal,
      timeoutMs: requestTimeoutMs(),
      ...(platform ? { platform, tokenTimeoutMs: productionTokenTimeoutMs() } : {}),
      ...(msisdn ? { msisdn } : {}),
    }),
  );
  const steps = report.steps.map((s) => toStepResult(ctx, s));
  steps.forEach((s) => ctx.log.info(`  ${s.ok ? '✓' : '✗'} ${stepName(s.step)}: ${s.message}`));
  const base = { ok: true as const, apiUser: user.apiUser, environment: user.environment, product: user.product, steps };

  const failedStep = report.steps.find((s) => !s.ok && !s.note);
  if (failedStep?.error?.kind === 'cancelled') {
    if (announce) {
      ctx.notifier.tell('info', vscode.l10n.t('Verification of {0} was cancelled; its last result is kept and nothing was changed.', who));
    }
    return failed('cancelled');
  }
  const at = new Date().toISOString();
  if (!failedStep) {
    await ctx.store.recordVerifyResult(refOf(user), { at, ok: true, message: vscode.l10n.t('All checks passed.') });
    if (announce) {
      ctx.notifier.tell('info', vscode.l10n.t('{0} works: {1}', who, stepLine(steps)), afterSuccess(ctx, user));
    }
    return { ...base, verified: true };
  }

  const failure = steps.find((s) => !s.ok && !s.note) as VerifyStepResult;
  await ctx.store.recordVerifyResult(refOf(user), { at, ok: false, message: `${stepName(failure.step)}: ${failure.message}` });
  const cause = failedStep.error?.causes[0] ? ' ' + vscode.l10n.t('Most likely: {0}', lowerFirst(ctx.log.redact(failedStep.error.causes[0]))) : '';
  if (announce) {
    ctx.notifier.tell('error', vscode.l10n.t('{0} failed verification: {1}{2} Nothing was changed.', who, stepLine(steps), cause), fixButtons(ctx, user, failedStep));
  }
  return { ...base, verified: false };
}

/** Production tokens are slow on the new platform: the notification says so, so nobody cancels a working call. */
export function progressTitle(who: string, platform: ProductionPlatform | undefined): string {
  if (platform === 'new') return vscode.l10n.t('Verifying {0} on the new platform: its token request can take 10–20 s', who);
  return platform ? vscode.l10n.t('Verifying {0} (production token requests can take up to 20 s)', who) : vscode.l10n.t('Verifying {0}', who);
}

function toStepResult(ctx: CommandContext, step: VerifyApiUserStep): VerifyStepResult {
  return {
    step: step.step,
    ok: step.ok,
    message: ctx.log.redact(step.message),
    ...(step.next ? { next: ctx.log.redact(step.next) } : {}),
    ...(step.note ? { note: true } : {}),
  };
}

/** "✓ user exists · ✓ token · ✗ balance: <why>"; a failed note reads "ℹ account holder not checked: <why>". */
export function stepLine(steps: VerifyStepResult[]): string {
  const line = (s: VerifyStepResult): string =>
    s.ok
      ? `✓ ${stepName(s.step)}`
      : s.note
        ? vscode.l10n.t('ℹ {0} not checked (does not affect the result): {1}', stepName(s.step), s.message)
        : `✗ ${stepName(s.step)}: ${s.message}`;
  return steps.map(line).join(' · ') + (steps.every((s) => s.ok) ? '.' : '');
}

/** After a pass: a sandbox user is ready for a test payment, the obvious next step. */
function afterSuccess(ctx: CommandContext, user: ApiUserRecord): Actions {
  const actions: Actions = {};
  if (isSandbox(user.environment)) {
    actions[vscode.l10n.t('Send Test Payment')] = () => runMomoCommand('momo.sendTestPayment', successfulTestPaymentArgs(refOf(user)));
  }
  actions[vscode.l10n.t('Details')] = () => ctx.log.show();
  return actions;
}

/** The failure's next steps as buttons (the doctor's fix actions), then a retry. */
function fixButtons(ctx: CommandContext, user: ApiUserRecord, step: VerifyApiUserStep): Actions {
  const actions: Actions = {};
  const scope = { environment: user.environment, product: user.product, apiUser: user.apiUser };
  for (const next of step.error?.nextSteps ?? []) {
    const action = next.id === 'retry' ? undefined : fixAction(ctx, next, scope);
    if (action && Object.keys(actions).length < MAX_FIX_BUTTONS) {
      actions[fixButtonLabel(next)] = action;
    }
  }
  actions[vscode.l10n.t('Verify Again')] = () => runMomoCommand('momo.verifyApiUser', refOf(user));
  return actions;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
