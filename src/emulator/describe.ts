import { findEnvironment, SANDBOX } from '../core/momo/environments';
import { PRODUCTS, PRODUCT_LABELS } from '../core/momo/products';
import type { RunningEmulator } from './types';

/**
 * Human-readable summary of a running emulator: where it listens and which subscription keys
 * it accepts. Used by the standalone entry (main.ts) and the CLI. The keys are emulator test
 * keys, worthless anywhere else, so printing them is fine and is the point.
 */
export function describeEmulator(running: RunningEmulator): string {
  const lines = [`MoMo emulator (${running.mode} mode) listening on ${running.url}`];
  lines.push('', 'Subscription keys accepted (EMULATOR TEST KEYS, not MTN keys; they work only here):');
  for (const product of PRODUCTS) {
    const keys = running.subscriptionKeys[product];
    lines.push(`  ${PRODUCT_LABELS[product].padEnd(18)} primary ${keys.primary}  secondary ${keys.secondary}`);
  }
  lines.push(`  ${'Collection Widget'.padEnd(18)} ${running.collectionWidgetKey}  (always refused with 401, like the real widget key)`);
  lines.push('');
  if (running.mode === 'sandbox') {
    const sandbox = findEnvironment(SANDBOX);
    lines.push(`Provisioning: POST ${running.url}/v1_0/apiuser (any product's key).`);
    lines.push(`X-Target-Environment: sandbox, currency ${sandbox?.currency ?? 'EUR'}.`);
  } else if (running.mode === 'production') {
    lines.push('Provisioning is not available (as in production); add API users with addApiUser().');
    lines.push('X-Target-Environment: a production environment such as mtnuganda, in its own currency.');
  } else {
    lines.push("MTN's new production platform: System Credentials only, X-Target-Environment required on token too.");
    if (running.systemCredentials) {
      lines.push('System Credentials accepted (EMULATOR TEST VALUES, worthless anywhere else):');
      lines.push(`  User ID ${running.systemCredentials.userId}  Credential Token ${running.systemCredentials.credentialToken}`);
    }
    lines.push('X-Target-Environment: a production environment such as mtnuganda, in its own currency.');
  }
  return lines.join('\n');
}
