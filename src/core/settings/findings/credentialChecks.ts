/**
 * Findings about the credentials themselves: placeholders left in place, a subscription key
 * with no API user / key beside it, real-looking secrets in tracked files, and secrets under
 * a browser-exposed prefix.
 */
import * as l10n from '@vscode/l10n';
import { PRODUCT_LABELS } from '../../momo/products';
import { baseName } from '../dialect';
import type { ScannedVariable } from '../model';
import { deriveName } from '../names/chooseNames';
import { isSecretRole } from '../names/classify';
import type { JsonVariable } from '../json/scan';
import type { PyVariable } from '../python/scan';
import type { CredentialRole, Finding, QuickFix } from '../types';
import { isDocumentationExample, isPlaceholderValue, realSecretShape } from '../values';
import { effectiveLiteral, makeFinding, type FindingContext } from './context';
import { renameEdits } from './fixes';

function credentialVariables(context: FindingContext): ScannedVariable[] {
  return context.scan.variables.filter((v) => isSecretRole(v.info.role) && !v.info.vietnam);
}

/** The role's name in the shown language (a noun that "your MoMo …" takes as is). */
function label(variable: ScannedVariable): string {
  switch (variable.info.role as CredentialRole) {
    case 'apiUser':
      return l10n.t('API user');
    case 'apiKey':
      return l10n.t('API key');
    case 'subscriptionKey':
      return l10n.t('subscription key');
  }
}

/** What is wrong with a placeholder value, each case a whole sentence. */
function placeholderMessage(variable: ScannedVariable, value: string): string {
  if (value === '') return l10n.t('{0} is empty: fill in your MoMo {1}.', variable.name, label(variable));
  if (isDocumentationExample(value)) return l10n.t("{0} still holds MTN's documentation example value: fill in your MoMo {1}.", variable.name, label(variable));
  return l10n.t('{0} still holds a placeholder: fill in your MoMo {1}.', variable.name, label(variable));
}

function missingApiUserMessage(name: string, hasUser: boolean, product: string | undefined): string {
  if (product === undefined) {
    if (hasUser) return l10n.t("{0} has no API key beside it: MoMo's token endpoint needs the API user and API key too. Provision an API user and write it here.", name);
    return l10n.t("{0} has no API user beside it: MoMo's token endpoint needs the API user and API key too. Provision an API user and write it here.", name);
  }
  if (hasUser) return l10n.t("{0} has no API key beside it: MoMo's token endpoint needs the API user and API key too. Provision an API user for {1} and write it here.", name, product);
  return l10n.t("{0} has no API user beside it: MoMo's token endpoint needs the API user and API key too. Provision an API user for {1} and write it here.", name, product);
}

function noApiUserAndKeyMessage(name: string, product: string | undefined): string {
  if (product === undefined) {
    return l10n.t("{0} has no API user and API key beside it: MoMo's token endpoint needs the API user and API key too. Provision an API user and write it here.", name);
  }
  return l10n.t("{0} has no API user and API key beside it: MoMo's token endpoint needs the API user and API key too. Provision an API user for {1} and write it here.", name, product);
}

function hardcodedSecretMessage(variable: ScannedVariable, production: boolean, fileName: string, asDefault: boolean): string {
  const role = label(variable);
  const envName = variable.envRead?.envName ?? '';
  if (production && asDefault) {
    return l10n.t('A production MoMo {0} is written in {1} as the default of the {2} read, which git tracks: anyone with the repository can read it. Keep it in .env (git-ignored) and read it from the environment.', role, fileName, envName);
  }
  if (production) {
    return l10n.t('A production MoMo {0} is written in {1}, which git tracks: anyone with the repository can read it. Keep it in .env (git-ignored) and read it from the environment.', role, fileName);
  }
  if (asDefault) {
    return l10n.t('A real-looking MoMo {0} is written in {1} as the default of the {2} read, which git tracks: anyone with the repository can read it. Keep it in .env (git-ignored) and read it from the environment.', role, fileName, envName);
  }
  return l10n.t('A real-looking MoMo {0} is written in {1}, which git tracks: anyone with the repository can read it. Keep it in .env (git-ignored) and read it from the environment.', role, fileName);
}

function fillFix(variable: ScannedVariable): QuickFix {
  const product = variable.info.product;
  return { kind: 'fillCredentials', title: l10n.t('Fill in the stored MoMo API user and key'), isPreferred: true, edits: [], product };
}

export function placeholderFindings(context: FindingContext): Finding[] {
  const findings: Finding[] = [];
  for (const variable of credentialVariables(context)) {
    if (variable.info.browserPrefix) continue; // reported as browser-exposed instead
    const python = context.python ? (variable as PyVariable) : undefined;
    if (python?.rhs.kind === 'none') {
      const message = l10n.t('{0} is None: fill in your MoMo {1}.', variable.name, label(variable));
      findings.push(makeFinding(context, 'momo.placeholder', 'warning', message, python.rhs.start, python.rhs.end, variable, [fillFix(variable)]));
      continue;
    }
    const literal = variable.literal;
    const fallback = variable.envRead?.defaultLiteral;
    if (literal && isPlaceholderValue(literal.value)) {
      // An empty JSON value usually means "set by the environment or user-secrets".
      if (context.dialect === 'json' && literal.value === '') continue;
      const empty = literal.start === literal.end;
      const start = empty ? variable.nameStart : literal.start;
      const end = empty ? variable.nameEnd : literal.end;
      findings.push(makeFinding(context, 'momo.placeholder', 'warning', placeholderMessage(variable, literal.value), start, end, variable, [fillFix(variable)]));
    } else if (fallback && fallback.value !== '' && isPlaceholderValue(fallback.value)) {
      const message = l10n.t('{0} falls back to a placeholder when {1} is not set: set it in .env (and keep the default empty).', variable.name, variable.envRead?.envName ?? '');
      findings.push(makeFinding(context, 'momo.placeholder', 'information', message, fallback.start, fallback.end, variable, [fillFix(variable)]));
    } else if (variable.envRead && (!fallback || fallback.value === '') && context.options.dotenvMissing === true) {
      // `os.environ.get('MOMO_API_USER', '')` with no .env anywhere: empty at run time.
      const message = l10n.t('{0} reads {1} from the environment, but the project has no .env to set it: fill in your MoMo {2}.', variable.name, variable.envRead.envName, label(variable));
      findings.push(makeFinding(context, 'momo.placeholder', 'information', message, variable.nameStart, variable.nameEnd, variable, [fillFix(variable)]));
    }
  }
  return findings;
}

export function missingApiUserFindings(context: FindingContext): Finding[] {
  const findings: Finding[] = [];
  const variables = credentialVariables(context).filter((v) => !v.info.browserPrefix);
  const reported = new Set<string>();
  for (const key of variables.filter((v) => v.info.role === 'subscriptionKey')) {
    // In JSON "beside it" means in the same section; elsewhere, anywhere in the file.
    const neighbours = context.json ? variables.filter((v) => (v as JsonVariable).object === (key as JsonVariable).object) : variables;
    const matches = (v: ScannedVariable) => v.info.product === undefined || key.info.product === undefined || v.info.product === key.info.product;
    const hasUser = neighbours.some((v) => v.info.role === 'apiUser' && matches(v));
    const hasKey = neighbours.some((v) => v.info.role === 'apiKey' && matches(v));
    const group = `${key.info.product ?? ''}/${context.json ? (key as JsonVariable).object.path.join('.') : ''}`;
    if ((hasUser && hasKey) || reported.has(group)) continue;
    reported.add(group);
    const product = key.info.product ? PRODUCT_LABELS[key.info.product] : undefined;
    const message = !hasUser && !hasKey ? noApiUserAndKeyMessage(key.name, product) : missingApiUserMessage(key.name, hasUser, product);
    const title = product ? l10n.t('Add the API user and API key for {0}', product) : l10n.t('Add the API user and API key');
    findings.push(
      makeFinding(context, 'momo.missingApiUser', 'information', message, key.nameStart, key.nameEnd, key, [
        { kind: 'fillCredentials', title, isPreferred: true, edits: [], product: key.info.product },
      ]),
    );
  }
  return findings;
}

export function hardcodedSecretFindings(context: FindingContext): Finding[] {
  if (!context.exposedToGit) return [];
  const known = context.options.knownProductionSecrets ?? [];
  const findings: Finding[] = [];
  for (const variable of credentialVariables(context)) {
    const literal = effectiveLiteral(variable);
    if (!literal) continue;
    const production = known.includes(literal.value.trim());
    if (!production && !realSecretShape(literal.value)) continue;
    const asDefault = literal === variable.envRead?.defaultLiteral;
    const message = hardcodedSecretMessage(variable, production, baseName(context.doc.fileName), asDefault);
    const fix = context.planMove?.(context, variable, literal.value);
    findings.push(makeFinding(context, 'momo.hardcodedSecret', production ? 'error' : 'warning', message, literal.start, literal.end, variable, fix ? [fix] : []));
  }
  return findings;
}

export function browserExposedFindings(context: FindingContext): Finding[] {
  const findings: Finding[] = [];
  for (const variable of credentialVariables(context)) {
    const info = variable.info;
    if (!info.browserPrefix) continue;
    const serverName = deriveName(info, info.fieldIndexes.map((i) => info.parts.tokens[i]));
    const message = l10n.t(
      '{0} is exposed to the browser: {1} variables are bundled into client code, so anyone can read this MoMo {2}. Keep it server-side ({3}) and call MoMo from your backend.',
      info.name,
      info.browserPrefix,
      label(variable),
      serverName,
    );
    const taken = context.scan.variables.some((v) => v.name === serverName || v.info.name === serverName);
    const edits = taken ? [] : renameEdits(context.scan.index, variable, serverName);
    const fixes: QuickFix[] = edits.length ? [{ kind: 'edit', title: l10n.t('Rename to {0} (server-side only)', serverName), isPreferred: true, edits }] : [];
    const start = variable.name === info.name ? variable.nameStart : (variable.envRead?.envNameStart ?? variable.nameStart);
    const end = variable.name === info.name ? variable.nameEnd : (variable.envRead?.envNameEnd ?? variable.nameEnd);
    findings.push(makeFinding(context, 'momo.browserExposed', 'error', message, start, end, variable, fixes));
  }
  return findings;
}
