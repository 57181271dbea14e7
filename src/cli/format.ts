/**
 * Terminal text for failures: the one-sentence message, likely causes, and next steps said
 * in CLI terms (which flag to change), all passed through redaction as a last guard.
 */
import { MomoError, NextStepId } from '../core/momo/errors';
import { redactSecrets } from '../core/momo/redact';

/** How each next step is done from this CLI; steps without an entry keep their label only. */
const CLI_HOW: Partial<Record<NextStepId, string>> = {
  reenterSubscriptionKey: 'pass the right key with --subscription-key or MOMO_SUBSCRIPTION_KEY',
  checkBaseUrl: 'check --base-url',
  checkNetwork: 'and any HTTPS_PROXY setting',
  retry: 'run the same command again',
  regenerateApiKey: 'momo-credentials provision --api-user ID creates a new key for an existing user',
  addExistingApiUser: 'pass --api-user and --api-key (or MOMO_API_KEY)',
  provisionAgain: 'run momo-credentials provision',
  finishProvisioning: 'momo-credentials provision --api-user ID, with the id below',
  chooseTargetEnvironment: 'pass --target-environment (sandbox, or mtn<country> in production)',
};

export function formatMomoError(error: MomoError, secrets: string[], heading = '✗'): string {
  const lines = [`${heading} ${error.message}`];
  if (error.causes.length > 0) {
    lines.push('  Likely causes:');
    error.causes.forEach((cause, i) => lines.push(`    ${i + 1}. ${cause}`));
  }
  // The extension has a log to show; a terminal already shows everything there is.
  const steps = error.nextSteps.filter((s) => s.id !== 'showLog');
  if (steps.length > 0) {
    lines.push('  Next steps:');
    for (const step of steps) {
      const how = CLI_HOW[step.id];
      const url = step.url ? ` ${step.url}` : '';
      lines.push(`    → ${step.label}${how ? `: ${how}` : ''}${url}`);
    }
  }
  return redactSecrets(lines.join('\n'), secrets);
}

/** Aligned "label  value" lines for summaries. */
export function table(rows: Array<[string, string]>, indent = '  '): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`).join('\n');
}
