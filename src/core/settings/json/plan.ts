/**
 * Planning writes into JSON settings (appsettings.json): update ApiUser / ApiKey in the MoMo
 * section that matches the product, add missing keys beside the subscription key, or add a
 * new section at the end of the root object. Reference mode empties the literal and hands the
 * value to .env under the .NET environment name (Section__Key).
 */
import * as l10n from '@vscode/l10n';
import { baseName, supportedFormatsText } from '../dialect';
import { leftoverSecretNotices } from '../leftoverSecrets';
import { chooseNames } from '../names/chooseNames';
import { placeMissing } from '../placement';
import { DEFAULT_JSON_NAMES, DEFAULT_JSON_SECTION, type DialectPlan, type DialectPlanRequest, type EnvWrite } from '../planTypes';
import { makeEdit } from '../text/edits';
import type { TextIndex } from '../text/textIndex';
import type { CredentialNames, CredentialRole, TextEdit } from '../types';
import { detectLayout, insertMembersAfter, insertMembersBefore, type JsonLayout, type MemberText } from './layout';
import type { JsonMember } from './parse';
import { scanJson, type JsonScan, type JsonVariable, type ScannedObject } from './scan';

const CREDENTIAL_ROLES = new Set(['apiUser', 'apiKey', 'subscriptionKey']);

function jsonString(value: string): string {
  return JSON.stringify(value);
}

/** The section to write into: the product's, else the generic one, else any MoMo section. */
function targetObject(scan: JsonScan, product: string | undefined): ScannedObject | undefined {
  const withCredentials = scan.objects.filter((o) => o.variables.some((v) => CREDENTIAL_ROLES.has(v.info.role ?? '') && !v.info.vietnam));
  const productOf = (o: ScannedObject) => o.product ?? o.variables.find((v) => v.info.product)?.info.product;
  return (
    (product ? withCredentials.find((o) => productOf(o) === product) : undefined) ??
    withCredentials.find((o) => productOf(o) === undefined) ??
    withCredentials[0] ??
    scan.objects.find((o) => o.momo && o.path.length > 0 && /momo|mtn/i.test(o.path[o.path.length - 1]))
  );
}

/** appsettings*.json, or any JSON that already holds MoMo settings: nothing else is a settings file (package.json is not). */
function notSettingsFileRefusal(scan: JsonScan, fileName: string | undefined): string | undefined {
  const name = baseName(fileName ?? '');
  const lower = name.toLowerCase();
  if (lower.startsWith('appsettings') && lower.endsWith('.json')) return undefined;
  if (scan.objects.some((o) => o.momo) || scan.variables.some((v) => v.info.isMomo)) return undefined;
  return name
    ? l10n.t('{0} is not a settings file the app reads MoMo credentials from (it has no MoMo section), so nothing was written. Supported: {1}; you can copy the values instead.', name, supportedFormatsText())
    : l10n.t('This JSON file is not a settings file the app reads MoMo credentials from (it has no MoMo section), so nothing was written. Supported: {0}; you can copy the values instead.', supportedFormatsText());
}

/**
 * Two members with the same name (JSON allows it): ASP.NET Core's configuration refuses a file
 * whose keys repeat and most JSON readers keep only the last, so which one the app reads is
 * not something to guess. Names compare without case, as .NET's configuration does.
 */
function duplicateSectionRefusal(scan: JsonScan, target: ScannedObject | undefined): string | undefined {
  if (!target) return undefined;
  const inner = target.node;
  // Every object on the way down to the section: the member that leads to it must be the only one of its name.
  for (const ancestor of scan.objects) {
    const via = ancestor.node.members.find((m) => m.value.start <= inner.start && m.value.end >= inner.end);
    if (!via) continue;
    const key = via.key.toLowerCase();
    const twins = ancestor.node.members.filter((m) => m.key.toLowerCase() === key);
    if (twins.length < 2) continue;
    const lines = twins.map((m) => scan.index.lineAt(m.keyStart) + 1);
    const last = lines.pop();
    return l10n.t(
      'This file has {0} "{1}" sections (lines {2} and {3}), so nothing was written: ASP.NET Core refuses repeated keys and other JSON readers keep only the last one, so which one your app reads cannot be told. Merge them into one section, then write the credentials again.',
      twins.length,
      via.key,
      lines.join(', '),
      last ?? '',
    );
  }
  return undefined;
}

function lineError(index: TextIndex, message: string, offset: number): string {
  const position = index.positionAt(offset);
  return l10n.t('This JSON file could not be read (line {0}, column {1}: {2}); fix it first, then write the credentials again.', position.line + 1, position.character + 1, message);
}

function sectionMember(name: string, entries: [string, string][], layout: JsonLayout, eol: string): MemberText {
  return (indent) => {
    if (indent === undefined) return `${jsonString(name)}${layout.colon}{${entries.map(([k, v]) => `${jsonString(k)}${layout.colon}${jsonString(v)}`).join(`,${layout.inlineGap}`)}}`;
    const inner = indent + layout.unit;
    const lines = entries.map(([k, v]) => `${inner}${jsonString(k)}${layout.colon}${jsonString(v)}`);
    return `${jsonString(name)}${layout.colon}{${eol}${lines.join(`,${eol}`)}${eol}${indent}}`;
  };
}

export function planJson(request: DialectPlanRequest): DialectPlan {
  const scan = scanJson(request.text);
  const index = scan.index;
  const defaults = request.options.jsonNames ?? DEFAULT_JSON_NAMES;
  const plan: DialectPlan = { edits: [], names: { ...defaults }, envWrites: [], notices: [], wroteLiteral: false };
  if (scan.error) return { ...plan, error: lineError(index, scan.error.message, scan.error.offset) };
  if (scan.root && scan.root.kind !== 'object') return { ...plan, error: l10n.t('This JSON file is not an object at the top level, so there is no place for a MoMo section.') };
  const notSettings = notSettingsFileRefusal(scan, request.fileName);
  if (notSettings) return { ...plan, error: notSettings };
  const reference = request.mode === 'reference';
  const layout = detectLayout(index, scan.root);
  const target = targetObject(scan, request.product);
  const duplicated = duplicateSectionRefusal(scan, target);
  if (duplicated) return { ...plan, error: duplicated };
  const chosen = chooseNames(target?.variables.map((v) => v.info) ?? [], request.writes.map((w) => w.role), request.product, defaults, request.credentialKind);
  plan.notices.push(...chosen.notices);
  const sectionPath = target ? target.path : [request.options.jsonSection ?? DEFAULT_JSON_SECTION];
  const found: Partial<Record<CredentialRole, JsonMember[]>> = {};
  const missing: { role: CredentialRole; key: string; value: string }[] = [];
  const names: Partial<CredentialNames> = {};
  const addEnv = (write: EnvWrite) => {
    if (!plan.envWrites.some((w) => w.name === write.name)) plan.envWrites.push(write);
  };

  for (const write of request.writes) {
    const key = chosen.byRole[write.role]?.name ?? defaults[write.role] ?? write.role;
    names[write.role] = [...sectionPath, key].join(':');
    const targets: JsonVariable[] = target?.variables.filter((v) => v.name === key) ?? [];
    if (targets.length === 0) {
      missing.push({ role: write.role, key, value: write.value });
      if (reference) addEnv({ role: write.role, name: [...sectionPath, key].join('__'), value: write.value });
      continue;
    }
    found[write.role] = targets.map((t) => t.member);
    for (const variable of targets) {
      const value = variable.member.value;
      if (reference) {
        if (value.kind === 'string' && value.value !== '') plan.edits.push(makeEdit(index, value.start, value.end, '""'));
        addEnv({ role: write.role, name: variable.path.join('__'), value: write.value });
      } else if (!(value.kind === 'string' && value.value === write.value)) {
        plan.edits.push(makeEdit(index, value.start, value.end, jsonString(write.value)));
        plan.wroteLiteral = true;
      }
    }
  }
  if (reference) {
    plan.notices.push(...leftoverSecretNotices(scan.variables, new Set(Object.values(found).flatMap((members) => members.map((m) => m.key)))));
    plan.notices.push(
      l10n.t(
        'ASP.NET Core reads {0} from environment variables (double underscore = section separator), not from .env by itself: load .env at startup (for example with DotNetEnv) or use `dotnet user-secrets`.',
        plan.envWrites.map((w) => w.name).join(', '),
      ),
    );
  } else if (missing.length) {
    plan.wroteLiteral = true;
    plan.edits.push(...insertMissing(scan, target, missing, found, layout, request.options.jsonSection ?? DEFAULT_JSON_SECTION));
  }
  plan.names = { apiUser: names.apiUser ?? defaults.apiUser, apiKey: names.apiKey ?? defaults.apiKey, subscriptionKey: names.subscriptionKey };
  return plan;
}

function insertMissing(
  scan: JsonScan,
  target: ScannedObject | undefined,
  missing: { role: CredentialRole; key: string; value: string }[],
  found: Partial<Record<CredentialRole, JsonMember[]>>,
  layout: JsonLayout,
  sectionName: string,
): TextEdit[] {
  const index = scan.index;
  const member = (key: string, value: string): MemberText => () => `${jsonString(key)}${layout.colon}${jsonString(value)}`;
  if (!scan.root) {
    // Empty file: the whole document is new.
    const unit = layout.unit;
    const text = `{${index.eol}${unit}${sectionMember(sectionName, missing.map((m) => [m.key, m.value]), layout, index.eol)(unit)}${index.eol}}`;
    const body = index.text.slice(index.bodyStart);
    if (/^\s*$/.test(body)) return [makeEdit(index, index.bodyStart, index.text.length, `${text}${index.eol}`)];
    // Only comments so far: keep them and add the object after.
    const end = index.text.length;
    return [makeEdit(index, end, end, index.endsWithNewline ? `${text}${index.eol}` : `${index.eol}${text}`)];
  }
  if (!target) {
    const root = scan.root.kind === 'object' ? scan.root : undefined;
    if (!root) return [];
    const last = root.members[root.members.length - 1];
    return insertMembersAfter(index, root, last, [sectionMember(sectionName, missing.map((m) => [m.key, m.value]), layout, index.eol)], layout);
  }
  const byRole = new Map(missing.map((m) => [m.role, m]));
  const edits: TextEdit[] = [];
  const credentialMembers = target.variables.filter((v) => CREDENTIAL_ROLES.has(v.info.role ?? ''));
  const subscription = credentialMembers.filter((v) => v.info.role === 'subscriptionKey');
  const blockAnchor = (subscription[subscription.length - 1] ?? credentialMembers[credentialMembers.length - 1])?.member ?? target.node.members[target.node.members.length - 1];
  for (const placement of placeMissing(found, missing.map((m) => m.role))) {
    const texts = placement.roles.map((role) => member(byRole.get(role)!.key, byRole.get(role)!.value));
    if (placement.kind === 'before' && placement.anchor) edits.push(...insertMembersBefore(index, target.node, placement.anchor, texts, layout));
    else edits.push(...insertMembersAfter(index, target.node, placement.anchor ?? blockAnchor, texts, layout));
  }
  return edits;
}
