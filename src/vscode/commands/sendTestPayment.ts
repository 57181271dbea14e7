/**
 * MoMo: Send Test Payment. Args: { product?, outcome?, amount?, apiUser?, environment?,
 * callbackUrl?, payerMessage?, payeeNote?, timeLimitSeconds?, pollIntervalMs?, callMyApp? }. Sends a sandbox
 * request to pay (Collections) or transfer (Disbursements, Remittances) to the documented test
 * number of the chosen outcome, with a new UUID v4 reference id, and polls it with backoff in a
 * cancellable progress notification until it is final or the time limit passes. Production is
 * refused before anything is sent: there a payment moves real money. "And call my app": with
 * `callMyApp: true`, or the "Call My App Too" button, the same payment is rehearsed against the
 * app's callback URL through the local emulator (momo.testMyCallback).
 */
import { findEnvironment, isSandbox, SANDBOX } from '../../core/momo/environments';
import { isMomoError } from '../../core/momo/errors';
import type { Product } from '../../core/momo/products';
import { isTestOutcome, sendTestPayment as sendWithCore, TEST_OUTCOMES, validateAmount, type TestOutcome, type TestPaymentResult } from '../../core/payments';
import { apiUsersIn, findApiUsers, refOf, type ApiUserRecord } from '../../core/store/credentialIndex';
import { environmentLabel, productLabel, shortApiUser } from '../../core/store/credentialText';
import { requestTimeoutMs } from '../config';
import { subscriptionKeyFor } from '../storedCredentials';
import { askAmount, askCallbackUrl, paymentKind, pickOutcome, pickPaymentProduct } from './testPaymentPrompts';
import { presentError } from '../ui/errorPresenter';
import { pickApiUser } from '../ui/pickers';
import { secretDestination } from '../trust/secretDestinations';
import { withCancellableProgress } from '../ui/progress';
import { isInteractive, productArg, quotedArgument, stringArg, toArgs, type Args } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { countOf } from '../../core/text/plural';
import { runMomoCommand } from '../momoCommands';

const TITLE = 'MoMo: Send Test Payment';

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
    ctx.notifier.tell('error', `No test payment was sent: ${problem}`);
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
  const outcome = isTestOutcome(outcomeArg) ? outcomeArg : await pickOutcome(`${TITLE}: outcome to simulate`, user.product);
  const amount = amountArg(args) ?? (outcome ? await askAmount(`${TITLE}: amount`) : undefined);
  if (!outcome || !amount) {
    return failed('cancelled');
  }
  const asksOptional = isInteractive(arg) || typeof args.kind === 'string'; // the palette or a tree item
  const callbackUrl = stringArg(args, 'callbackUrl') ?? (asksOptional ? await askCallbackUrl(`${TITLE}: callback URL`, user.callbackHost) : '');
  if (callbackUrl === undefined) {
    return failed('cancelled');
  }

  const apiKey = user.keyStored ? await ctx.store.getApiKey(user) : undefined;
  const subscription = await subscriptionKeyFor(ctx.store, user);
  if (!apiKey || !subscription) {
    const missing = !apiKey ? 'its API key is not stored' : `no ${productLabel(user.product)} sandbox subscription key is stored`;
    ctx.notifier.tell('warning', `No test payment was sent with API user ${shortApiUser(user.apiUser)}: ${missing}. Fix that first, then send again.`, {
      ...(!apiKey ? { 'Generate New API Key': () => runMomoCommand('momo.generateApiKey', refOf(user)) } : {}),
      ...(!subscription ? { 'Set Subscription Key': () => runMomoCommand('momo.setSubscriptionKey', { environment: SANDBOX, product: user.product }) } : {}),
    });
    return failed(missing);
  }

  const destination = await secretDestination(ctx, {
    environment: SANDBOX,
    credentials: [`the ${productLabel(user.product)} sandbox subscription key`, `API user ${shortApiUser(user.apiUser)} with its API key`],
  });
  if (!destination.ok) {
    return failed(destination.reason);
  }
  const kind = `${productLabel(user.product)} ${paymentKind(user.product)}`;
  const timeLimitSeconds = typeof args.timeLimitSeconds === 'number' ? args.timeLimitSeconds : undefined;
  let referenceId: string | undefined;
  ctx.log.info(`Sending a sandbox test ${kind} (${outcome}, ${amount} EUR) with API user ${user.apiUser}.`);
  try {
    const result = await withCancellableProgress(`Test ${kind}: ${amount} EUR, outcome "${outcome}"`, (signal, report) =>
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
          report(update.polls === 0 ? 'accepted, reading its status…' : `${update.status} after ${countOf(update.polls, 'status read')}…`);
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
      const sent = referenceId ? ` It was already sent (reference id ${referenceId}), so the sandbox may still complete it.` : ' Nothing was sent.';
      ctx.notifier.tell('info', `Cancelled the test payment.${sent}`);
      return failed('cancelled');
    }
    if (isMomoError(err) && err.kind === 'badRequest' && err.status === undefined) {
      ctx.notifier.tell('error', `No test payment was sent: ${ctx.log.redact(err.message)}`);
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
    return `${quotedArgument(outcome)} is not a test outcome; use ${TEST_OUTCOMES.join(', ')}.`;
  }
  const amount = args.amount;
  if (amount !== undefined) {
    const checked = typeof amount === 'string' || typeof amount === 'number' ? validateAmount(amount) : undefined;
    if (!checked?.ok) {
      return checked?.message ?? 'The amount must be a number of EUR, such as 5 or "12.50".';
    }
  }
  const limit = args.timeLimitSeconds;
  if (limit !== undefined && !(typeof limit === 'number' && limit > 0)) {
    return 'timeLimitSeconds must be a number of seconds above 0.';
  }
  const environment = stringArg(args, 'environment');
  if (environment && !findEnvironment(environment)) {
    return `${quotedArgument(environment)} is not a MoMo target environment; test payments run in "sandbox".`;
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
      ctx.notifier.tell('error', `No API user ${shortApiUser(id)} is stored in VS Code, so no test payment was sent; add or provision it first.`, {
        'Provision Sandbox User': () => runMomoCommand('momo.provisionSandboxUser', product ? { product } : undefined),
      });
    }
    return user;
  }
  const chosen: Product | undefined = product ?? (await pickPaymentProduct(`${TITLE}: product`, index));
  if (!chosen) {
    return undefined;
  }
  const users = apiUsersIn(index, { environment: SANDBOX, product: chosen });
  if (users.length === 0) {
    ctx.notifier.tell('warning', `No ${productLabel(chosen)} sandbox API user is stored, so there is nothing to pay with yet. Provision one, then send the test payment.`, {
      'Provision Sandbox User': () => runMomoCommand('momo.provisionSandboxUser', { product: chosen }),
    });
    return undefined;
  }
  return users.length === 1 ? users[0] : pickApiUser(`${TITLE}: API user`, users);
}

function refuseProduction(ctx: CommandContext, environment: string, user?: ApiUserRecord): SendTestPaymentResult {
  const whose = user ? `API user ${shortApiUser(user.apiUser)} belongs to ${environmentLabel(environment)}` : `${environmentLabel(environment)} is production`;
  const reason = `Test payments only run in the sandbox: ${whose}, where a payment moves real money.`;
  ctx.notifier.tell('error', `${reason} Nothing was sent; use a sandbox API user.`, {
    'Provision Sandbox User': () => runMomoCommand('momo.provisionSandboxUser', user ? { product: user.product } : undefined),
  });
  return failed(reason);
}

function summarize(result: TestPaymentResult): TestPaymentSummary {
  const { lastError, ...rest } = result;
  return lastError ? { ...rest, lastError: lastError.message } : rest;
}

function announce(ctx: CommandContext, user: ApiUserRecord, result: TestPaymentSummary, finishedAt: Date): void {
  const actions = {
    'Copy Id': () => ctx.clipboard.copy(result.referenceId),
    'Send Another': () => runMomoCommand('momo.sendTestPayment', { ...refOf(user) }),
    'Call My App Too': () => callMyApp(user, result.outcome),
  };
  const next = result.timedOut ? ' Its status may still change: send it again with a longer time limit, or check it later by its reference id.' : '';
  const at = finishedAt.toLocaleTimeString('en-GB', { hour12: false });
  ctx.notifier.tell(result.matchesOutcome ? 'info' : 'warning', ctx.log.redact(`${result.status}: ${result.summary} Reference id ${result.referenceId}, at ${at}.${next}`), actions);
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
