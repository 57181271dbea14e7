/**
 * Writing credentials into MoMo settings kept in a dict (dictSettings.ts): the entries of the
 * dict the app reads are filled in place, in the dict's own quoting, and a missing entry is
 * added beside its partner. When the dict cannot be filled (an entry computed by an expression,
 * or a MoMo dict without any credential entry), the plan is refused with the reason: new
 * top-level names beside it would be reported as written while the app reads the empty dict.
 */
import * as l10n from '@vscode/l10n';
import type { Product } from '../../momo/products';
import { chooseNames } from '../names/chooseNames';
import { classifyName } from '../names/classify';
import { placeMissing } from '../placement';
import type { CredentialWrite } from '../planTypes';
import { makeEdit } from '../text/edits';
import type { CredentialNames, CredentialRole } from '../types';
import type { PyDict, PyDictEntry } from './dictSettings';
import { addEnvWrite, type PlanContext } from './planContext';
import { envReadExpression, pythonString, replaceLiteral } from './write';

const CREDENTIAL_ROLES: ReadonlySet<string> = new Set(['apiUser', 'apiKey', 'subscriptionKey']);

export type DictPlanOutcome = { names?: Partial<CredentialNames>; error?: string };

function credentialEntries(dict: PyDict): PyDictEntry[] {
  return dict.entries.filter((e) => e.info.isMomo && CREDENTIAL_ROLES.has(e.info.role ?? '') && !e.info.vietnam);
}

/** `MOMO["API_USER"]`, `PAYMENTS["mtn"]["collection"]["api_key"]`, `MOMO(API_USER=...)` → how people name the value. */
function displayName(dict: PyDict, key: string, quote: string): string {
  return `${dict.path[0]}${[...dict.path.slice(1), key].map((k) => `[${quote}${k}${quote}]`).join('')}`;
}

function quoteOf(dict: PyDict, fallback: string): string {
  const keyed = dict.entries.find((e) => e.keyText.startsWith('"') || e.keyText.startsWith("'"));
  if (keyed) return keyed.keyText[0];
  const literal = dict.entries.map((e) => (e.value.kind === 'literal' ? e.value.literal.quote : undefined)).find((q) => q === '"' || q === "'");
  return literal ?? fallback;
}

/** The variable the app's environment would hold: the key itself when it names MoMo, else MOMO_[PRODUCT_]KEY. */
function envNameFor(dict: PyDict, key: string): string {
  let clean = '';
  for (const c of key.toUpperCase()) clean += /[A-Z0-9]/.test(c) ? c : '_';
  if (classifyName(key).isMomo) return clean;
  return `MOMO_${dict.product ? `${dict.product.toUpperCase()}_` : ''}${clean}`;
}

function targetDict(dicts: PyDict[], product: Product | undefined): PyDict | undefined {
  const withCredentials = dicts.filter((d) => credentialEntries(d).length > 0);
  const productOf = (d: PyDict) => d.product ?? credentialEntries(d).find((e) => e.info.product)?.info.product;
  return (product ? withCredentials.find((d) => productOf(d) === product) : undefined) ?? withCredentials.find((d) => productOf(d) === undefined) ?? withCredentials[0];
}

function lineOf(context: PlanContext, offset: number): number {
  return context.scan.index.lineAt(offset) + 1;
}

/** The new value text of an entry (a literal in value mode, a read of the environment in reference mode). */
function valueText(context: PlanContext, dict: PyDict, key: string, role: CredentialRole, value: string, quote: string): string {
  if (context.request.mode === 'value') {
    context.wroteLiteral = true;
    return pythonString(value, quote);
  }
  const envName = envNameFor(dict, key);
  addEnvWrite(context, { role, name: envName, value });
  context.wroteRead = true;
  context.firstRead = Math.min(context.firstRead, dict.statement.start);
  return envReadExpression(context.scan, envName);
}

/** A whole sentence per role, so each language can word it its own way. */
function computedEntryRefusal(name: string, line: number, role: CredentialRole): string {
  switch (role) {
    case 'apiUser':
      return l10n.t('{0} (line {1}) is computed by an expression this planner does not rewrite, so nothing was written: set its API user yourself, or make it a plain string and write again.', name, line);
    case 'apiKey':
      return l10n.t('{0} (line {1}) is computed by an expression this planner does not rewrite, so nothing was written: set its API key yourself, or make it a plain string and write again.', name, line);
    default:
      return l10n.t('{0} (line {1}) is computed by an expression this planner does not rewrite, so nothing was written: set its subscription key yourself, or make it a plain string and write again.', name, line);
  }
}

/** Fills one existing entry; a sentence when it cannot be. */
function fillEntry(context: PlanContext, dict: PyDict, entry: PyDictEntry, role: CredentialRole, value: string, quote: string): string | undefined {
  const { scan } = context;
  const rhs = entry.value;
  const name = displayName(dict, entry.key, quote);
  if (rhs.kind === 'other') {
    return computedEntryRefusal(name, lineOf(context, entry.valueStart), role);
  }
  if (rhs.kind === 'envRead') {
    const literal = rhs.read.default?.literal;
    if (context.request.mode === 'reference') {
      if (literal && literal.value !== '') context.edits.push(makeEdit(scan.index, literal.start, literal.end, `${literal.quote}${literal.quote}`));
    } else if (literal) {
      const edit = replaceLiteral(scan, literal, value);
      if (edit) context.edits.push(edit);
      context.wroteLiteral = true;
      return undefined;
    } else if (rhs.read.default) {
      context.edits.push(makeEdit(scan.index, rhs.read.default.start, rhs.read.default.end, pythonString(value, quote)));
      context.wroteLiteral = true;
      return undefined;
    }
    // Reference mode, or a read without a default: the read stays, the value goes to .env.
    addEnvWrite(context, { role, name: rhs.read.envName, value });
    context.firstRead = Math.min(context.firstRead, dict.statement.start);
    return undefined;
  }
  if (rhs.kind === 'literal' && context.request.mode === 'value') {
    const edit = replaceLiteral(scan, rhs.literal, value);
    if (edit) context.edits.push(edit);
    context.wroteLiteral = true;
    return undefined;
  }
  context.edits.push(makeEdit(scan.index, entry.valueStart, entry.valueEnd, valueText(context, dict, entry.key, role, value, quote)));
  return undefined;
}

/** Adds entries after `anchor`: on their own lines when the dict has one entry per line, else inline. */
function insertEntries(context: PlanContext, dict: PyDict, anchor: PyDictEntry, texts: string[]): void {
  const index = context.scan.index;
  const anchorLine = index.lineAt(anchor.valueEnd);
  const multiline = index.lineAt(dict.close) > anchorLine && index.lineAt(anchor.keyStart) > index.lineAt(dict.open);
  if (!multiline) {
    context.edits.push(makeEdit(index, anchor.valueEnd, anchor.valueEnd, texts.map((t) => `, ${t}`).join('')));
    return;
  }
  const indent = index.indentation(index.lineAt(anchor.keyStart));
  const lineEnd = index.contentEnds[index.lineAt(anchor.commaAt ?? anchor.valueEnd)];
  if (anchor.commaAt === undefined) {
    // The last entry had no trailing comma: give it one, and none to the new last entry.
    context.edits.push(makeEdit(index, anchor.valueEnd, anchor.valueEnd, ','));
    context.edits.push(makeEdit(index, lineEnd, lineEnd, texts.map((t, i) => `${index.eol}${indent}${t}${i < texts.length - 1 ? ',' : ''}`).join('')));
  } else {
    context.edits.push(makeEdit(index, lineEnd, lineEnd, texts.map((t) => `${index.eol}${indent}${t},`).join('')));
  }
}

function defaultKey(dict: PyDict, role: CredentialRole): string {
  const base = role === 'apiUser' ? 'API_USER' : role === 'apiKey' ? 'API_KEY' : 'SUBSCRIPTION_KEY';
  const lower = credentialEntries(dict).some((e) => e.key === e.key.toLowerCase());
  return lower ? base.toLowerCase() : base;
}

/**
 * Writes into the MoMo dict when the file keeps its credentials in one. `names` is undefined
 * when the file has no such dict (the top-level planner goes on), `error` when it has one that
 * cannot be filled.
 */
export function planDictWrites(context: PlanContext, writes: CredentialWrite[], product: Product | undefined): DictPlanOutcome {
  const { scan } = context;
  const target = targetDict(scan.dicts, product);
  if (!target) {
    const momoDict = scan.dicts.find((d) => d.momo && d.path.length === 1);
    if (momoDict && scan.variables.length === 0) {
      return {
        error:
          `${momoDict.path[0]} (line ${lineOf(context, momoDict.statement.start)}) holds the MoMo settings as a dict, but it has no API user or API key entry, so nothing was written: ` +
          'new names beside it would not be read by an app that reads the dict. Add the entries your app reads (for example "API_USER": "" and "API_KEY": ""), then write again.',
      };
    }
    return {};
  }
  const quote = quoteOf(target, scan.quote);
  const entries = credentialEntries(target);
  const chosen = chooseNames(
    entries.map((e) => e.info),
    writes.map((w) => w.role),
    product,
    { apiUser: defaultKey(target, 'apiUser'), apiKey: defaultKey(target, 'apiKey'), subscriptionKey: defaultKey(target, 'subscriptionKey') },
    context.request.credentialKind,
  );
  const names: Partial<CredentialNames> = {};
  const found: Partial<Record<CredentialRole, PyDictEntry[]>> = {};
  const missing: { role: CredentialRole; key: string; value: string }[] = [];
  for (const write of writes) {
    const key = chosen.byRole[write.role]?.name ?? defaultKey(target, write.role);
    names[write.role] = displayName(target, key, quote);
    const matches = entries.filter((e) => e.key === key && e.info.role === write.role);
    if (matches.length === 0) {
      missing.push({ role: write.role, key, value: write.value });
      continue;
    }
    found[write.role] = matches;
    for (const entry of matches) {
      const refusal = fillEntry(context, target, entry, write.role, write.value, quote);
      if (refusal) return { error: refusal };
    }
  }
  const byRole = new Map(missing.map((m) => [m.role, m]));
  for (const placement of placeMissing(found, missing.map((m) => m.role))) {
    const anchor = placement.anchor ?? entries[entries.length - 1];
    const texts = placement.roles.map((role) => {
      const m = byRole.get(role)!;
      const keyText = target.style === 'call' ? `${m.key}=` : `${quote}${m.key}${quote}: `;
      return `${keyText}${valueText(context, target, m.key, role, m.value, quote)}`;
    });
    insertEntries(context, target, anchor, texts);
  }
  context.notices.push(l10n.t('The credentials went into the dict {0} (line {1}), where the settings keep them.', target.path.join(' → '), lineOf(context, target.open)));
  return { names };
}
