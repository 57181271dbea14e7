/**
 * After a reference-mode plan, other MoMo secrets may still sit in the file as literals
 * (InzuLink's subscription-key defaults): the plan says so, and the diagnostics offer the fix.
 */
import * as l10n from '@vscode/l10n';
import type { ScannedVariable } from './model';
import { isSecretRole } from './names/classify';
import { realSecretShape } from './values';

export function leftoverSecretNotices(variables: readonly ScannedVariable[], writtenNames: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const variable of variables) {
    if (!isSecretRole(variable.info.role) || variable.info.vietnam || writtenNames.has(variable.name)) continue;
    const literal = variable.literal ?? variable.envRead?.defaultLiteral;
    if (literal && realSecretShape(literal.value)) names.add(variable.name);
  }
  if (names.size === 0) return [];
  const list = [...names].join(', ');
  return names.size === 1
    ? [l10n.t('{0} still holds a real-looking secret in this file; the "Move to .env" quick fix moves it out.', list)]
    : [l10n.t('{0} still hold real-looking secrets in this file; the "Move to .env" quick fix moves them out.', list)];
}
