/**
 * The state of a settings file's subscription-key slot, measured against the key an API user
 * was created with: an empty or placeholder slot is worth filling (the project must run), a
 * different key is worth a warning (its calls would be refused). The value itself never
 * leaves this module, only the comparison.
 */
import type { ScannedVariable } from './model';
import type { SettingsDocument } from './types';
import { isPlaceholderValue } from './values';
import { scanFor } from './variables';

/**
 * none: the file has no subscription-key variable (the planner adds one when asked);
 * empty / placeholder: nothing usable is written (an environment read with an empty default counts as empty);
 * same / different: a literal (or a read's default) holding this key / another key;
 * environment: read from the environment with no default, so the file cannot tell.
 */
export type SubscriptionKeySlot = 'none' | 'empty' | 'placeholder' | 'same' | 'different' | 'environment';

export function subscriptionKeySlot(doc: SettingsDocument, key: string): SubscriptionKeySlot {
  const scan = scanFor(doc);
  const slots = (scan?.variables ?? []).filter((v) => v.info.role === 'subscriptionKey' && !v.info.vietnam && !v.info.secondary);
  if (slots.length === 0) return 'none';
  // A variable set from another one (`B = A`) says nothing of its own: A is judged.
  const states = slots.map((v) => stateOf(v, key.trim())).filter((s): s is SubscriptionKeySlot => s !== undefined);
  // The worst state wins: one stale copy is enough to break the project.
  for (const state of ['different', 'placeholder', 'empty', 'environment', 'same'] as const) {
    if (states.includes(state)) return state;
  }
  return 'none';
}

function stateOf(variable: ScannedVariable, key: string): SubscriptionKeySlot | undefined {
  const literal = variable.literal ?? variable.envRead?.defaultLiteral;
  if (!literal) return variable.envRead ? 'environment' : undefined;
  const value = literal.value.trim();
  if (value === '') return 'empty';
  if (value.toLowerCase() === key.toLowerCase()) return 'same';
  return isPlaceholderValue(value) ? 'placeholder' : 'different';
}

/** True when writing the subscription key beside the API user makes the project runnable. */
export function isFillableSlot(slot: SubscriptionKeySlot): boolean {
  return slot === 'empty' || slot === 'placeholder';
}
