/**
 * Terminal text for failures: the one-sentence message, likely causes, and next steps said
 * in CLI terms (which flag to change), all passed through redaction as a last guard.
 */
import * as l10n from '@vscode/l10n';
import { MomoError, NextStepId } from '../core/momo/errors';
import { redactSecrets } from '../core/momo/redact';

/** How each next step is done from this CLI; steps without an entry keep their label only. */
function cliHow(id: NextStepId): string | undefined {
  switch (id) {
    case 'reenterSubscriptionKey':
      return l10n.t('pass the right key with --subscription-key or MOMO_SUBSCRIPTION_KEY');
    case 'checkBaseUrl':
      return l10n.t('check --base-url');
    case 'checkNetwork':
      return l10n.t('and any HTTPS_PROXY setting');
    case 'retry':
      return l10n.t('run the same command again');
    case 'regenerateApiKey':
      return l10n.t('momo-credentials provision --api-user ID creates a new key for an existing user');
    case 'addExistingApiUser':
      return l10n.t('pass --api-user and --api-key (or MOMO_API_KEY)');
    case 'provisionAgain':
      return l10n.t('run momo-credentials provision');
    case 'finishProvisioning':
      return l10n.t('momo-credentials provision --api-user ID, with the id below');
    case 'chooseTargetEnvironment':
      return l10n.t('pass --target-environment (sandbox, or mtn<country> in production)');
    default:
      return undefined;
  }
}

export function formatMomoError(error: MomoError, secrets: string[], heading = '✗'): string {
  const lines = [`${heading} ${error.message}`];
  if (error.causes.length > 0) {
    lines.push(`  ${l10n.t('Likely causes:')}`);
    error.causes.forEach((cause, i) => lines.push(`    ${i + 1}. ${cause}`));
  }
  // The extension has a log to show; a terminal already shows everything there is.
  const steps = error.nextSteps.filter((s) => s.id !== 'showLog');
  if (steps.length > 0) {
    lines.push(`  ${l10n.t('Next steps:')}`);
    for (const step of steps) {
      const how = cliHow(step.id);
      const url = step.url ? ` ${step.url}` : '';
      lines.push(`    → ${how ? l10n.t('{0}: {1}', step.label, how) : step.label}${url}`);
    }
  }
  return redactSecrets(lines.join('\n'), secrets);
}

/** Aligned "label  value" lines for summaries. */
export function table(rows: Array<[string, string]>, indent = '  '): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`).join('\n');
}
