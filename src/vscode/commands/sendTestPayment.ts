/**
 * MoMo: Send Test Payment (arguments: MomoCommandArgs in momoCommands.ts). Sends a sandbox
 * request to pay (Collections) or transfer (Disbursements, Remittances) to the documented test
 * number of the chosen outcome, with a new UUID v4 reference id, and polls it with backoff in a
 * cancellable progress notification until it is final or the time limit passes. Production is
 * refused before anything is sent: there a payment moves real money. "And call my app": with
 * `callMyApp: true`, or the "Call My App Too" button, the same payment is rehearsed against the
 * app's callback URL through the local emulator (momo.testMyCallback).
 */
import * as vscode from 'vscode';
import { findEnvironment, isSandbox, SANDBOX } from '../../core/momo/environments';
import { isMomoError } from '../../core/momo/errors';
import type { Product } from '../../core/momo/products';
import { isTestOutcome, sendTestPayment as sendWithCore, TEST_OUTCOMES, validateAmount, type TestOutcome, type TestPaymentResult } from '../../core/payments';
import { apiUsersIn, findApiUsers, refOf, type ApiUserRecord } from '../../core/store/credentialIndex';
import { environmentLabel, productLabel, shortApiUser } from '../../core/store/credentialText';
import { requestTimeoutMs } from '../config';
import { subscriptionKeyFor } from '../storedCredentials';
import { askAmount, askCallbackUrl, pickOutcome, pickPaymentProduct } from './testPaymentPrompts';
import { presentError } from '../ui/errorPresenter';
import { pickApiUser } from '../ui/pickers';
import { secretDestination } from '../trust/secretDestinations';
import { withCancellableProgress } from '../ui/progress';
import { isInteractive, productArg, quotedArgument, stringArg, toArgs, type Args } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { plural } from '../../core/text/l10n';
import { runMomoCommand } from '../momoCommands';

const title = (): string => vscode.l10n.t('MoMo: Send Test Payment');

/** The core's result without its MomoError object (its message is kept). */
export type TestPaymentSummary = Omit<TestPaymentResult, 'lastError'> & { lastError?: string };

export type SendTestPaymentResult = CommandResult<{
  apiUser: string;
  result: TestPaymentSummary;
  /** ISO time the final status was read. */
  finishedAt: string;
  callback?: unknown;
}>;

export async function sendTestPayment(ctx: CommandContext, arg: unknown): Promise<SendTestPaymentResult> {
  const args = toArgs(arg);
  const problem = argumentProblem(args);
  if (problem) {
    ctx.notifier.tell('error', vscode.l10n.t('No test payment was sent: {0}', problem));
    return failed(problem);
  }
  const environment = stringArg(args, 'environment');
  if (environment && !isSandbox(environment)) {
    return refuseProduction(ctx, environment);
  }
  const user = await chooseUser(ctx, args);
  if (!user) {
    return failed('no API user');
  }
  if (!isSandbox(user.environment)) {
    return refuseProduction(ctx, user.environment, user);
  }
  const outcomeArg = stringArg(args, 'outcome')?.toLowerCase();
  const outcome = isTestOutcome(outcomeArg) ? outcomeArg : await pickOutcome(vscode.l10n.t('{0}: outcome to simulate', title()), user.product);
  const amount = amountArg(args) ?? (outcome ? await askAmount(vscode.l10n.t('{0}: amount', title())) : undefined);
  if (!outcome || !amount) {
    return failed('cancelled');
  }
  const asksOptional = isInteractive(arg) || typeof args.kind === 'string'; // the palette or a tree item
  const callbackUrl = stringArg(args, 'callbackUrl') ?? (asksOptional ? await askCallbackUrl(vscode.l10n.t('{0}: callback URL', title()), user.callbackHost) : '');
  if (callbackUrl === undefined) {
    return failed('cancelled');
  }

  const apiKey = user.keyStored ? await ctx.store.getApiKey(user) : undefined;
  const subscription = await subscriptionKeyFor(ctx.store, user);
  if (!apiKey || !subscription) {
    const missing = !apiKey ? vscode.l10n.t('its API key is not stored') : vscode.l10n.t('no {0} sandbox subscription key is stored', productLabel(user.product));
    ctx.notifier.tell('warning', vscode.l10n.t('No test payment was sent with API user {0}: {1}. Fix that first, then send again.', shortApiUser(user.apiUser), missing), {
      ...(!apiKey ? { [vscode.l10n.t('Generate New API Key')]: () => runMomoCommand('momo.generateApiKey', refOf(user)) } : {}),
      ...(!subscription ? { [vscode.l10n.t('Set Subscription Key')]: () => runMomoCommand('momo.setSubscriptionKey', { environment: SANDBOX, product: user.product }) } : {}),
    });
    return failed(missing);
  }

  const destination = await secretDestination(ctx, {
    environment: SANDBOX,
    credentials: [vscode.l10n.t('the {0} sandbox subscription key', productLabel(user.product)), vscode.l10n.t('API user {0} with its API key', shortApiUser(user.apiUser))],
  });
  if (!destination.ok) {
    return failed(destination.reason);
  }
  const timeLimitSeconds = typeof args.timeLimitSeconds === 'number' ? args.timeLimitSeconds : undefined;
  let referenceId: string | undefined;
  ctx.log.info(`Sending a sandbox test ${user.product} payment (${outcome}, ${amount} EUR) with API user ${user.apiUser}.`);
  const progressTitle =
    user.product === 'collection'
      ? vscode.l10n.t('Test {0} request to pay: {1} EUR, outcome "{2}"', productLabel(user.product), amount, outcome)
      : vscode.l10n.t('Test {0} transfer: {1} EUR, outcome "{2}"', productLabel(user.product), amount, outcome);
  try {
    const result = await withCancellableProgress(progressTitle, (signal, report) =>
      sendWithCore({
        baseUrl: destination.baseUrl,
        product: user.product,
        subscriptionKey: subscription.key,
        apiUser: user.apiUser,
        apiKey,
        outcome,
        amount,
        ...(callbackUrl ? { callbackUrl } : {}),
        ...optionalText(args, 'payerMessage'),
        ...optionalText(args, 'payeeNote'),
        signal,
        timeoutMs: requestTimeoutMs(),
        ...(timeLimitSeconds !== undefined ? { timeLimitMs: timeLimitSeconds * 1000 } : {}),
        ...(typeof args.pollIntervalMs === 'number' ? { pollIntervalMs: args.pollIntervalMs } : {}),
        onStatus: (update) => {
          referenceId = update.referenceId;
          report(
            update.polls === 0
              ? vscode.l10n.t('accepted, reading its status…')
              : plural(update.polls, vscode.l10n.t('{0} after {1} status read…', update.status, update.polls), vscode.l10n.t('{0} after {1} status reads…', update.status, update.polls)),
          );
        },
      }),
    );
    const summary = summarize(result);
    const finishedAt = new Date();
    ctx.log.info(`Test payment ${result.referenceId}: ${summary.summary}`);
    if (result.status === 'SUCCESSFUL') {
      ctx.progress.mark('testPaymentSucceeded');
    }
    announce(ctx, user, summary, finishedAt);
    const callback = args.callMyApp === true ? await callMyApp(user, outcome, callbackUrl) : undefined;
    return { ok: true, apiUser: user.apiUser, result: summary, finishedAt: finishedAt.toISOString(), ...(callback !== undefined ? { callback } : {}) };
  } catch (err) {
    if (isMomoError(err) && err.kind === 'cancelled') {
      const sent = referenceId
        ? vscode.l10n.t('It was already sent (reference id {0}), so the sandbox may still complete it.', referenceId)
        : vscode.l10n.t('Nothing was sent.');
      ctx.notifier.tell('info', `${vscode.l10n.t('Cancelled the test payment.')} ${sent}`);
      return failed('cancelled');
    }
    if (isMomoError(err) && err.kind === 'badRequest' && err.status === undefined) {
      ctx.notifier.tell('error', vscode.l10n.t('No test payment was sent: {0}', ctx.log.redact(err.message)));
      return failed(err.message);
    }
    presentError(ctx, err, { environment: SANDBOX, product: user.product, apiUser: user.apiUser, retry: () => runMomoCommand('momo.sendTestPayment', { ...refOf(user), outcome, amount }) });
    return failed(isMomoError(err) ? err.message : String(err));
  }
}

/** Arguments that are present but wrong: said at once, since asking would surprise a caller that meant to skip the UI. */
function argumentProblem(args: Args): string | undefined {
  const product = productArg(args);
  if (product.error) {
    return product.error;
  }
  const outcome = stringArg(args, 'outcome');
  if (outcome !== undefined && !isTestOutcome(outcome.toLowerCase())) {
    return vscode.l10n.t('{0} is not a test outcome; use {1}.', quotedArgument(outcome), TEST_OUTCOMES.join(', '));
  }
  const amount = args.amount;
  if (amount !== undefined) {
    const checked = typeof amount === 'string' || typeof amount === 'number' ? validateAmount(amount) : undefined;
    if (!checked?.ok) {
      return checked?.message ?? vscode.l10n.t('The amount must be a number of EUR, such as 5 or "12.50".');
    }
  }
  const limit = args.timeLimitSeconds;
  if (limit !== undefined && !(typeof limit === 'number' && limit > 0)) {
    return vscode.l10n.t('timeLimitSeconds must be a number of seconds above 0.');
  }
  const environment = stringArg(args, 'environment');
  if (environment && !findEnvironment(environment)) {
    return vscode.l10n.t('{0} is not a MoMo target environment; test payments run in "sandbox".', quotedArgument(environment));
  }
  return undefined;
}

function amountArg(args: Args): string | undefined {
  const amount = args.amount;
  if (typeof amount !== 'string' && typeof amount !== 'number') {
    return undefined;
  }
  const checked = validateAmount(amount);
  return checked.ok ? checked.value : undefined;
}

/** The given API user, else a sandbox user of the chosen product (asked when there are several). */
async function chooseUser(ctx: CommandContext, args: Args): Promise<ApiUserRecord | undefined> {
  const index = ctx.store.index();
  const product = productArg(args).value;
  const id = stringArg(args, 'apiUser');
  if (id) {
    const found = findApiUsers(index, id, { environment: stringArg(args, 'environment'), product });
    const user = found.find((u) => isSandbox(u.environment)) ?? found[0];
    if (!user) {
      ctx.notifier.tell('error', vscode.l10n.t('No API user {0} is stored in VS Code, so no test payment was sent; add or provision it first.', shortApiUser(id)), {
        [vscode.l10n.t('Provision Sandbox User')]: () => runMomoCommand('momo.provisionSandboxUser', product ? { product } : undefined),
      });
    }
    return user;
  }
  const chosen: Product | undefined = product ?? (await pickPaymentProduct(vscode.l10n.t('{0}: product', title()), index));
  if (!chosen) {
    return undefined;
  }
  const users = apiUsersIn(index, { environment: SANDBOX, product: chosen });
  if (users.length === 0) {
    ctx.notifier.tell('warning', vscode.l10n.t('No {0} sandbox API user is stored, so there is nothing to pay with yet. Provision one, then send the test payment.', productLabel(chosen)), {
      [vscode.l10n.t('Provision Sandbox User')]: () => runMomoCommand('momo.provisionSandboxUser', { product: chosen }),
    });
    return undefined;
  }
  return users.length === 1 ? users[0] : pickApiUser(vscode.l10n.t('{0}: API user', title()), users);
}

function refuseProduction(ctx: CommandContext, environment: string, user?: ApiUserRecord): SendTestPaymentResult {
  const reason = user
    ? vscode.l10n.t('Test payments only run in the sandbox: API user {0} belongs to {1}, where a payment moves real money.', shortApiUser(user.apiUser), environmentLabel(environment))
    : vscode.l10n.t('Test payments only run in the sandbox: {0} is production, where a payment moves real money.', environmentLabel(environment));
  ctx.notifier.tell('error', vscode.l10n.t('{0} Nothing was sent; use a sandbox API user.', reason), {
    [vscode.l10n.t('Provision Sandbox User')]: () => runMomoCommand('momo.provisionSandboxUser', user ? { product: user.product } : undefined),
  });
  return failed(reason);
}

function summarize(result: TestPaymentResult): TestPaymentSummary {
  const { lastError, ...rest } = result;
  return lastError ? { ...rest, lastError: lastError.message } : rest;
}

function announce(ctx: CommandContext, user: ApiUserRecord, result: TestPaymentSummary, finishedAt: Date): void {
  const actions = {
    [vscode.l10n.t('Copy Id')]: () => ctx.clipboard.copy(result.referenceId),
    [vscode.l10n.t('Send Another')]: () => runMomoCommand('momo.sendTestPayment', { ...refOf(user) }),
    [vscode.l10n.t('Call My App Too')]: () => callMyApp(user, result.outcome),
  };
  const next = result.timedOut ? ' ' + vscode.l10n.t('Its status may still change: send it again with a longer time limit, or check it later by its reference id.') : '';
  const at = finishedAt.toLocaleTimeString('en-GB', { hour12: false });
  const line = vscode.l10n.t('{0}: {1} Reference id {2}, at {3}.', result.status, result.summary, result.referenceId, at);
  ctx.notifier.tell(result.matchesOutcome ? 'info' : 'warning', ctx.log.redact(`${line}${next}`), actions);
}

/** The same payment's callback, rehearsed against the app (outcomes that never end become success). */
function callMyApp(user: ApiUserRecord, outcome: TestOutcome, url?: string): Thenable<unknown> {
  const final = outcome === 'ongoing' || outcome === 'pending' ? 'success' : outcome;
  return runMomoCommand('momo.testMyCallback', { ...refOf(user), outcome: final, ...(url ? { url } : {}) });
}

function optionalText(args: Args, name: 'payerMessage' | 'payeeNote'): Partial<Record<'payerMessage' | 'payeeNote', string>> {
  const value = stringArg(args, name);
  return value === undefined ? {} : { [name]: value };
}
