/**
 * Shows a failure the way the issue asks: the core MomoError's one-sentence message, its most
 * likely cause, and its next steps as buttons that do the step (open the portal, re-enter the
 * key, retry...). Full causes go to the log for anyone who wants the long story.
 */
import * as vscode from 'vscode';
import { isMomoError, type MomoError, type NextStep } from '../../core/momo/errors';
import type { Product } from '../../core/momo/products';
import type { CommandContext } from '../commandContext';
import type { Actions } from '../notifier';
import { runMomoCommand } from '../momoCommands';

export interface ErrorScope {
  environment?: string;
  product?: Product;
  apiUser?: string;
  /** Runs the failed operation again, for the "Try again" step. */
  retry?: () => unknown;
  /** Offered before the error's own steps, e.g. "Create API key" for a user created without one. */
  firstActions?: Actions;
}

const MAX_BUTTONS = 3;

export function presentError(ctx: CommandContext, err: unknown, scope: ErrorScope = {}): void {
  if (!isMomoError(err)) {
    ctx.log.error('Unexpected failure', err);
    const text = ctx.log.redact(err instanceof Error ? err.message : String(err));
    ctx.notifier.tell('error', vscode.l10n.t('Something unexpected went wrong: {0}. The log has the details.', text), { [vscode.l10n.t('Show log')]: () => ctx.log.show() });
    return;
  }
  logDetails(ctx, err);
    const actions: Actions = { ...scope.firstActions };
  for (const step of err.nextSteps) {
    const action = stepAction(ctx, step, scope);
    if (action && Object.keys(actions).length < MAX_BUTTONS) {
      actions[buttonLabel(step)] = action;
    }
  }
  const text = err.causes[0] ? vscode.l10n.t('{0} Most likely: {1}', err.message, lowerFirst(err.causes[0])) : err.message;
  ctx.notifier.tell('error', ctx.log.redact(text), actions);
}

/**
 * Short button texts: VS Code cuts a notification button after about 15 characters, and the
 * core's step labels are written as sentences for the CLI and the log.
 */
export function buttonLabel(step: NextStep): string {
  switch (step.id) {
    case 'reenterSubscriptionKey':
      return vscode.l10n.t('Re-enter Key');
    case 'openPortal':
      return vscode.l10n.t('Open Portal');
    case 'openPartnerPortal':
      return vscode.l10n.t('Partner Portal');
    case 'retry':
      return vscode.l10n.t('Try Again');
    case 'checkNetwork':
      return vscode.l10n.t('Proxy Settings');
    case 'checkBaseUrl':
      return vscode.l10n.t('Check Base URL');
    case 'regenerateApiKey':
      return vscode.l10n.t('New API Key');
    case 'finishProvisioning':
      return vscode.l10n.t('Finish provisioning');
    case 'addExistingApiUser':
      return vscode.l10n.t('Add API User');
    case 'provisionAgain':
      return vscode.l10n.t('New API User');
    case 'chooseTargetEnvironment':
      return vscode.l10n.t('Set Environment');
    case 'showLog':
      return vscode.l10n.t('Show Log');
  }
}

function stepAction(ctx: CommandContext, step: NextStep, scope: ErrorScope): (() => unknown) | undefined {
  const where = { ...(scope.environment ? { environment: scope.environment } : {}), ...(scope.product ? { product: scope.product } : {}) };
  switch (step.id) {
    case 'reenterSubscriptionKey':
      return () => runMomoCommand('momo.setSubscriptionKey', where.environment && where.product ? where : undefined);
    case 'openPortal':
    case 'openPartnerPortal':
      return step.url ? () => vscode.env.openExternal(vscode.Uri.parse(step.url as string)) : undefined;
    case 'retry':
      return scope.retry;
    case 'checkNetwork':
      return () => vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy');
    case 'checkBaseUrl':
      return () => vscode.commands.executeCommand('workbench.action.openSettings', 'momo baseUrl');
    case 'regenerateApiKey':
    case 'finishProvisioning':
      return scope.apiUser ? () => runMomoCommand('momo.generateApiKey', { ...where, apiUser: scope.apiUser }) : undefined;
    case 'addExistingApiUser':
    case 'chooseTargetEnvironment':
      return () => runMomoCommand('momo.addExistingApiUser');
    case 'provisionAgain':
      return () => runMomoCommand('momo.provisionSandboxUser', where.product ? { product: where.product } : undefined);
    case 'showLog':
      return () => ctx.log.show();
  }
}

function logDetails(ctx: CommandContext, err: MomoError): void {
  const status = err.status ? ` (HTTP ${err.status})` : '';
  ctx.log.error(`${err.kind}${status} at ${err.host ?? 'unknown host'}: ${err.message}`);
  err.causes.forEach((cause, i) => ctx.log.info(`  possible cause ${i + 1}: ${cause}`));
  err.nextSteps.forEach((step) => ctx.log.info(`  next step: ${step.label}${step.url ? ` (${step.url})` : ''}`));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
