/**
 * MoMo: Verify API User. Args: { apiUser, environment?, product?, msisdn? } (a tree node has
 * the same fields). With the stored pair: read the user (sandbox), get a token, read the
 * balance, check an account holder; each step is shown ✓ or ✗ with the core's explanation.
 * The result is recorded (the tree shows it and when; the status bar turns red when it
 * failed). Only reads: verifying never changes a credential.
 */
import * as vscode from 'vscode';
import { verifyApiUser as verifyWithCore, type VerifyApiUserStep, type VerifyApiUserStepName } from '../../core/doctor';
import { refOf, type ApiUserRecord } from '../../core/store/credentialIndex';
import { environmentLabel, productLabel, shortApiUser } from '../../core/store/credentialText';
import { requestTimeoutMs } from '../config';
import { fixAction, fixButtonLabel } from '../doctor/doctorFixes';
import { subscriptionKeyFor } from '../doctor/storedCredentials';
import type { Actions } from '../notifier';
import { secretDestination } from '../trust/secretDestinations';
import { withCancellableProgress } from '../ui/progress';
import { stringArg, toArgs } from './commandArgs';
import { failed, type CommandContext, type CommandResult } from './commandContext';
import { resolveApiUser } from './resolveApiUser';

const TITLE = 'MoMo: Verify API User';
const MAX_FIX_BUTTONS = 2;

const STEP_NAMES: Record<VerifyApiUserStepName, string> = {
  readUser: 'user exists',
  token: 'token',
  balance: 'balance',
  accountHolder: 'account holder',
};

export interface VerifyStepResult {
  step: VerifyApiUserStepName;
  ok: boolean;
  message: string;
  next?: string;
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
  const user = await resolveApiUser(ctx, arg, TITLE);
  if (!user) {
    return failed('no API user');
  }
  const who = `API user ${shortApiUser(user.apiUser)} (${productLabel(user.product)}, ${environmentLabel(user.environment)})`;
  const apiKey = user.keyStored ? await ctx.store.getApiKey(user) : undefined;
  if (!apiKey) {
    const why = `${who} cannot be verified: its API key is not stored in VS Code.`;
    ctx.notifier.tell('warning', `${why} Create a new key (sandbox) or add the user again with its key.`, {
      'Generate New API Key': () => vscode.commands.executeCommand('momo.generateApiKey', refOf(user)),
      'Add Existing API User': () => vscode.commands.executeCommand('momo.addExistingApiUser', { environment: user.environment, product: user.product }),
    });
    return failed(why);
  }
  const subscription = await subscriptionKeyFor(ctx.store, user);
  if (!subscription) {
    const why = `${who} cannot be verified: no ${productLabel(user.product)} subscription key is stored for ${environmentLabel(user.environment)}.`;
    ctx.notifier.tell('warning', `${why} Set it, then verify again.`, {
      'Set Subscription Key': () => vscode.commands.executeCommand('momo.setSubscriptionKey', { environment: user.environment, product: user.product }),
    });
    return failed(why);
  }

  const destination = await secretDestination(ctx, {
    environment: user.environment,
    credentials: [`the ${productLabel(user.product)} ${environmentLabel(user.environment)} subscription key`, `API user ${shortApiUser(user.apiUser)} with its API key`],
  });
  if (!destination.ok) {
    return failed(destination.reason);
  }
  const baseUrl = destination.baseUrl;
  ctx.log.info(`Verifying ${who} at ${baseUrl} (reads only).`);
  const msisdn = stringArg(toArgs(arg), 'msisdn');
  const report = await withCancellableProgress(`Verifying ${who}`, (signal) =>
    verifyWithCore({
      baseUrl,
      product: user.product,
      subscriptionKey: subscription.key,
      apiUser: user.apiUser,
      apiKey,
      targetEnvironment: user.environment,
      signal,
      timeoutMs: requestTimeoutMs(),
      ...(msisdn ? { msisdn } : {}),
    }),
  );
  const steps = report.steps.map((s) => toStepResult(ctx, s));
  steps.forEach((s) => ctx.log.info(`  ${s.ok ? '✓' : '✗'} ${STEP_NAMES[s.step]}: ${s.message}`));
  const base = { ok: true as const, apiUser: user.apiUser, environment: user.environment, product: user.product, steps };

  const failedStep = report.steps.find((s) => !s.ok);
  if (failedStep?.error?.kind === 'cancelled') {
    ctx.notifier.tell('info', `Verification of ${who} was cancelled; its last result is kept and nothing was changed.`);
    return failed('cancelled');
  }
  const at = new Date().toISOString();
  if (!failedStep) {
    await ctx.store.recordVerifyResult(refOf(user), { at, ok: true, message: 'All checks passed.' });
    ctx.notifier.tell('info', `${who} works: ${stepLine(steps)}`, { 'Show Details': () => ctx.log.show() });
    return { ...base, verified: true };
  }

  const failure = steps.find((s) => !s.ok) as VerifyStepResult;
  await ctx.store.recordVerifyResult(refOf(user), { at, ok: false, message: `${STEP_NAMES[failure.step]}: ${failure.message}` });
  const cause = failedStep.error?.causes[0] ? ` Most likely: ${lowerFirst(ctx.log.redact(failedStep.error.causes[0]))}` : '';
  ctx.notifier.tell('error', `${who} failed verification: ${stepLine(steps)}${cause} Nothing was changed.`, fixButtons(ctx, user, failedStep));
  return { ...base, verified: false };
}

function toStepResult(ctx: CommandContext, step: VerifyApiUserStep): VerifyStepResult {
  return {
    step: step.step,
    ok: step.ok,
    message: ctx.log.redact(step.message),
    ...(step.next ? { next: ctx.log.redact(step.next) } : {}),
  };
}

/** "✓ user exists · ✓ token · ✗ balance: <why>" */
function stepLine(steps: VerifyStepResult[]): string {
  return steps.map((s) => (s.ok ? `✓ ${STEP_NAMES[s.step]}` : `✗ ${STEP_NAMES[s.step]}: ${s.message}`)).join(' · ') + (steps.every((s) => s.ok) ? '.' : '');
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
  actions['Verify Again'] = () => vscode.commands.executeCommand('momo.verifyApiUser', refOf(user));
  return actions;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
