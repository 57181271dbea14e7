/**
 * Findings about the credentials themselves: placeholders left in place, a subscription key
 * with no API user / key beside it, real-looking secrets in tracked files, and secrets under
 * a browser-exposed prefix.
 */
import { PRODUCT_LABELS } from '../../momo/products';
import { baseName } from '../dialect';
import type { ScannedVariable } from '../model';
import { deriveName } from '../names/chooseNames';
import { isSecretRole } from '../names/classify';
import { ROLE_LABELS } from '../planTypes';
import type { JsonVariable } from '../json/scan';
import type { PyVariable } from '../python/scan';
import type { CredentialRole, Finding, QuickFix } from '../types';
import { isDocumentationExample, isPlaceholderValue, realSecretShape } from '../values';
import { effectiveLiteral, makeFinding, type FindingContext } from './context';
import { renameEdits } from './fixes';

function credentialVariables(context: FindingContext): ScannedVariable[] {
  return context.scan.variables.filter((v) => isSecretRole(v.info.role) && !v.info.vietnam);
}

function label(variable: ScannedVariable): string {
  return ROLE_LABELS[variable.info.role as CredentialRole];
}

function fillFix(variable: ScannedVariable): QuickFix {
  const product = variable.info.product;
  return { kind: 'fillCredentials', title: 'Fill in the stored MoMo API user and key', isPreferred: true, edits: [], product };
}

export function placeholderFindings(context: FindingContext): Finding[] {
  const findings: Finding[] = [];
  for (const variable of credentialVariables(context)) {
    if (variable.info.browserPrefix) continue; // reported as browser-exposed instead
    const python = context.python ? (variable as PyVariable) : undefined;
    if (python?.rhs.kind === 'none') {
      const message = `${variable.name} is None: fill in your MoMo ${label(variable)}.`;
      findings.push(makeFinding(context, 'momo.placeholder', 'warning', message, python.rhs.start, python.rhs.end, variable, [fillFix(variable)]));
      continue;
    }
    const literal = variable.literal;
    const fallback = variable.envRead?.defaultLiteral;
    if (literal && isPlaceholderValue(literal.value)) {
      // An empty JSON value usually means "set by the environment or user-secrets".
      if (context.dialect === 'json' && literal.value === '') continue;
      const what = literal.value === '' ? 'is empty' : isDocumentationExample(literal.value) ? "still holds MTN's documentation example value" : 'still holds a placeholder';
      const empty = literal.start === literal.end;
      const start = empty ? variable.nameStart : literal.start;
      const end = empty ? variable.nameEnd : literal.end;
      findings.push(makeFinding(context, 'momo.placeholder', 'warning', `${variable.name} ${what}: fill in your MoMo ${label(variable)}.`, start, end, variable, [fillFix(variable)]));
    } else if (fallback && fallback.value !== '' && isPlaceholderValue(fallback.value)) {
      const message = `${variable.name} falls back to a placeholder when ${variable.envRead?.envName} is not set: set it in .env (and keep the default empty).`;
      findings.push(makeFinding(context, 'momo.placeholder', 'information', message, fallback.start, fallback.end, variable, [fillFix(variable)]));
    } else if (variable.envRead && (!fallback || fallback.value === '') && context.options.dotenvMissing === true) {
      // `os.environ.get('MOMO_API_USER', '')` with no .env anywhere: empty at run time.
      const message = `${variable.name} reads ${variable.envRead.envName} from the environment, but the project has no .env to set it: fill in your MoMo ${label(variable)}.`;
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
    const missing = !hasUser && !hasKey ? 'no API user and API key' : !hasUser ? 'no API user' : 'no API key';
    const product = key.info.product ? ` for ${PRODUCT_LABELS[key.info.product]}` : '';
    const message = `${key.name} has ${missing} beside it: MoMo's token endpoint needs the API user and API key too. Provision an API user${product} and write it here.`;
    findings.push(
      makeFinding(context, 'momo.missingApiUser', 'information', message, key.nameStart, key.nameEnd, key, [
        { kind: 'fillCredentials', title: `Add the API user and API key${product}`, isPreferred: true, edits: [], product: key.info.product },
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
    const asDefault = literal === variable.envRead?.defaultLiteral ? ` as the default of the ${variable.envRead?.envName} read` : '';
    const message =
      `${production ? 'A production' : 'A real-looking'} MoMo ${label(variable)} is written in ${baseName(context.doc.fileName)}${asDefault}, ` +
      'which git tracks: anyone with the repository can read it. Keep it in .env (git-ignored) and read it from the environment.';
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
    const message =
      `${info.name} is exposed to the browser: ${info.browserPrefix} variables are bundled into client code, so anyone can read this MoMo ${label(variable)}. ` +
      `Keep it server-side (${serverName}) and call MoMo from your backend.`;
    const taken = context.scan.variables.some((v) => v.name === serverName || v.info.name === serverName);
    const edits = taken ? [] : renameEdits(context.scan.index, variable, serverName);
    const fixes: QuickFix[] = edits.length ? [{ kind: 'edit', title: `Rename to ${serverName} (server-side only)`, isPreferred: true, edits }] : [];
    const start = variable.name === info.name ? variable.nameStart : (variable.envRead?.envNameStart ?? variable.nameStart);
    const end = variable.name === info.name ? variable.nameEnd : (variable.envRead?.envNameEnd ?? variable.nameEnd);
    findings.push(makeFinding(context, 'momo.browserExposed', 'error', message, start, end, variable, fixes));
  }
  return findings;
}
