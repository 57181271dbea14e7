/**
 * Findings about the target environment: a sandbox setup with a non-EUR currency (the sandbox
 * answers INVALID_CURRENCY), and `production` or a country name where MoMo expects `sandbox`
 * or `mtn<country>`. Each carries the replacement as a quick fix.
 */
import * as l10n from '@vscode/l10n';
import { ENVIRONMENTS, findEnvironment, SANDBOX, type TargetEnvironment } from '../../momo/environments';
import type { LiteralValue, ScannedVariable } from '../model';
import type { Finding, QuickFix } from '../types';
import { effectiveLiteral, makeFinding, type FindingContext } from './context';
import { replaceLiteralValue } from './fixes';

const SANDBOX_HOSTS = /sandbox\.momodeveloper\.mtn\.com|ericssonbasicapi2\.azure-api\.net/i;
const PRODUCTION_HOSTS = /proxy\.momoapi\.mtn\.co|ericssonbasicapi1\.azure-api\.net/i;
/** Values a generic ENVIRONMENT variable may hold that are wrong as X-Target-Environment. */
const PRODUCTION_WORDS = new Set(['production', 'prod', 'live']);

interface Valued {
  variable: ScannedVariable;
  literal: LiteralValue;
  value: string;
}

function valued(context: FindingContext, role: string): Valued[] {
  const list: Valued[] = [];
  for (const variable of context.scan.variables) {
    if (variable.info.role !== role || variable.info.vietnam) continue;
    const literal = effectiveLiteral(variable);
    if (literal && literal.value.trim() !== '') list.push({ variable, literal, value: literal.value.trim() });
  }
  return list;
}

function countryEnvironment(value: string): TargetEnvironment | undefined {
  const compact = value.toLowerCase().replace(/[^a-z]/g, '');
  return ENVIRONMENTS.find((e) => e.production && (e.id === `mtn${compact}` || e.label.toLowerCase().replace(/[^a-z]/g, '') === compact));
}

function replaceFix(context: FindingContext, item: Valued, value: string, title: string, isPreferred: boolean): QuickFix {
  return { kind: 'edit', title, isPreferred, edits: [replaceLiteralValue(context.scan.index, item.literal, value)] };
}

export function environmentFindings(context: FindingContext): Finding[] {
  const findings: Finding[] = [];
  const targets = valued(context, 'targetEnvironment');
  const currencies = valued(context, 'currency');
  const baseUrls = valued(context, 'baseUrl');
  const sandboxUrl = baseUrls.some((b) => SANDBOX_HOSTS.test(b.value));
  const productionUrl = baseUrls.some((b) => PRODUCTION_HOSTS.test(b.value));
  const sandbox = targets.some((t) => t.value.toLowerCase() === SANDBOX) || (targets.length === 0 && sandboxUrl);

  if (sandbox) {
    for (const currency of currencies) {
      const code = currency.value.toUpperCase();
      if (code === 'EUR' || !/^[A-Z]{3}$/.test(code)) continue;
      const home = ENVIRONMENTS.filter((e) => e.production && e.currency === code).map((e) => e.id);
      const message = home.length
        ? l10n.t('The sandbox accepts only EUR, so {0} fails with INVALID_CURRENCY. Use EUR in the sandbox and {0} in production (production: {1}).', code, home.join(', '))
        : l10n.t('The sandbox accepts only EUR, so {0} fails with INVALID_CURRENCY. Use EUR in the sandbox and {0} in production.', code);
      findings.push(
        makeFinding(context, 'momo.sandboxCurrency', 'warning', message, currency.literal.start, currency.literal.end, currency.variable, [
          replaceFix(context, currency, 'EUR', l10n.t('Use EUR (the only sandbox currency)'), true),
        ]),
      );
    }
  }

  for (const target of targets) {
    const lower = target.value.toLowerCase();
    if (findEnvironment(lower) || /^[$<{]/.test(lower)) continue;
    const explicitHeader = target.variable.info.parts.tokens.includes('TARGET');
    const country = countryEnvironment(lower);
    if (!explicitHeader && !PRODUCTION_WORDS.has(lower) && !country) continue;
    const currencyCode = currencies[0]?.value.toUpperCase();
    const byCurrency = ENVIRONMENTS.filter((e) => e.production && e.currency === currencyCode);
    const suggestions = country ? [country] : byCurrency;
    const fixes: QuickFix[] = suggestions.map((e, i) => replaceFix(context, target, e.id, l10n.t('Use {0} ({1}, {2})', e.id, e.label, e.currency), i === 0));
    if (!productionUrl) fixes.push(replaceFix(context, target, SANDBOX, l10n.t('Use sandbox'), fixes.length === 0));
    const message = suggestions.length
      ? l10n.t('"{0}" is not a valid X-Target-Environment: MoMo expects "sandbox" or mtn<country> (such as mtnuganda, mtnghana). Use "{1}".', target.value, suggestions[0].id)
      : productionUrl
        ? l10n.t('"{0}" is not a valid X-Target-Environment: MoMo expects "sandbox" or mtn<country> (such as mtnuganda, mtnghana). Use your country\'s value, such as "mtnuganda".', target.value)
        : l10n.t('"{0}" is not a valid X-Target-Environment: MoMo expects "sandbox" or mtn<country> (such as mtnuganda, mtnghana). Use "sandbox" for testing.', target.value);
    findings.push(makeFinding(context, 'momo.invalidTargetEnvironment', 'error', message, target.literal.start, target.literal.end, target.variable, fixes));
  }
  return findings;
}
