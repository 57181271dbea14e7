/**
 * Planning credential writes into a Python settings file: update the file's own MoMo
 * assignments in place (literal, env-read default, or a switch to reading the environment),
 * insert missing ones beside them, and in reference mode hand the values to .env.
 */
import * as l10n from '@vscode/l10n';
import { leftoverSecretNotices } from '../leftoverSecrets';
import { chooseNames } from '../names/chooseNames';
import { blockAnchor, placeMissing } from '../placement';
import { DEFAULT_NAMES, INSERT_COMMENT, type DialectPlan, type DialectPlanRequest, type EnvWrite } from '../planTypes';
import { appendLines, insertLinesAfter, insertLinesBefore, makeEdit } from '../text/edits';
import type { CredentialNames, CredentialRole, TextEdit } from '../types';
import { planDictWrites } from './dictPlan';
import { planDotenvLoader, withLoaderEdits } from './loader';
import { addEnvWrite, newPlanContext, type PlanContext } from './planContext';
import { scanPython, type PythonScan, type PyVariable } from './scan';
import { envReadExpression, needsOsImport, osImportEdit, pythonString, replaceLiteral } from './write';

type Context = PlanContext;

/** Value mode on an env read: a literal or None default takes the value; a read without one is kept. */
function literalIntoRead(context: Context, variable: PyVariable, role: CredentialRole, value: string): void {
  const { scan } = context;
  if (variable.rhs.kind !== 'envRead') return;
  const read = variable.rhs.read;
  const quote = scan.quote;
  if (read.default?.literal) {
    const edit = replaceLiteral(scan, read.default.literal, value);
    if (edit) {
      context.edits.push(edit);
      context.wroteLiteral = true;
    }
    return;
  }
  if (read.default) {
    context.wroteLiteral = true;
    context.edits.push(makeEdit(scan.index, read.default.start, read.default.end, pythonString(value, quote)));
    return;
  }
  // A read without a default (a production branch's `os.environ["X"]`) stays as it is: the value goes to .env.
  addEnvWrite(context, { role, name: read.envName, value });
  context.firstRead = Math.min(context.firstRead, variable.statement.start);
}

/** A whole sentence per role, so each language can word it its own way. */
function computedNotice(name: string, line: number, role: CredentialRole): string {
  switch (role) {
    case 'apiUser':
      return l10n.t('{0} (line {1}) is computed by an expression this planner does not rewrite; set its API user yourself.', name, line);
    case 'apiKey':
      return l10n.t('{0} (line {1}) is computed by an expression this planner does not rewrite; set its API key yourself.', name, line);
    default:
      return l10n.t('{0} (line {1}) is computed by an expression this planner does not rewrite; set its subscription key yourself.', name, line);
  }
}

function updateExisting(context: Context, variable: PyVariable, role: CredentialRole, value: string): void {
  const { scan, request } = context;
  const rhs = variable.rhs;
  const line = variable.startLine + 1;
  if (rhs.kind === 'other') {
    context.notices.push(computedNotice(variable.name, line, role));
    return;
  }
  if (request.mode === 'value') {
    if (rhs.kind === 'literal') {
      const edit = replaceLiteral(scan, rhs.literal, value);
      if (edit) {
        context.edits.push(edit);
        context.wroteLiteral = true;
      }
    } else if (rhs.kind === 'none') {
      context.wroteLiteral = true;
      context.edits.push(makeEdit(scan.index, rhs.start, rhs.end, pythonString(value, scan.quote)));
    } else {
      literalIntoRead(context, variable, role, value);
    }
    return;
  }
  // Reference mode: the file reads the environment, the value goes to .env.
  if (rhs.kind === 'envRead') {
    const literal = rhs.read.default?.literal;
    if (literal && literal.value !== '') {
      context.edits.push(makeEdit(scan.index, literal.start, literal.end, `${literal.quote}${literal.quote}`));
    }
    addEnvWrite(context, { role, name: rhs.read.envName, value });
  } else {
    context.edits.push(makeEdit(scan.index, rhs.start, rhs.end, envReadExpression(scan, variable.name)));
    context.wroteRead = true;
    addEnvWrite(context, { role, name: variable.name, value });
  }
  context.firstRead = Math.min(context.firstRead, variable.statement.start);
}

function lineFor(context: Context, role: CredentialRole, name: string, value: string, anchor: PyVariable | undefined): string {
  const { scan, request } = context;
  const indent = anchor ? anchor.statement.indent : '';
  // Beside an annotated neighbour (a dataclass field) keep its annotation; elsewhere a plain `=`.
  const operator = anchor ? anchor.assignOperator : scan.assignOperator.includes(':') ? ' = ' : scan.assignOperator;
  if (request.mode === 'value') {
    context.wroteLiteral = true;
    return `${indent}${name}${operator}${pythonString(value, scan.quote)}`;
  }
  addEnvWrite(context, { role, name, value });
  context.wroteRead = true;
  return `${indent}${name}${operator}${envReadExpression(scan, name)}`;
}

function insertMissing(context: Context, found: Partial<Record<CredentialRole, PyVariable[]>>, missing: { role: CredentialRole; name: string; value: string }[]): void {
  const { scan } = context;
  const byRole = new Map(missing.map((m) => [m.role, m]));
  for (const placement of placeMissing(found, missing.map((m) => m.role))) {
    const anchor = placement.anchor ?? (placement.kind === 'block' ? blockAnchor(scan.variables, scan.index.text) : undefined);
    const lines = placement.roles.map((role) => {
      const entry = byRole.get(role)!;
      return lineFor(context, role, entry.name, entry.value, anchor);
    });
    if (anchor && placement.kind === 'before') {
      context.edits.push(insertLinesBefore(scan.index, anchor.startLine, lines));
      context.firstRead = Math.min(context.firstRead, anchor.statement.start);
    } else if (anchor) {
      context.edits.push(insertLinesAfter(scan.index, anchor.endLine, lines));
      context.firstRead = Math.min(context.firstRead, anchor.statement.end);
    } else {
      if (context.request.mode === 'reference' && needsOsImport(scan) && scan.statements.length === 0) {
        // A separate edit, so a loader offer can go between `import os` and the reads.
        context.edits.push(appendLines(scan.index, ['import os']));
        context.edits.push(appendLines(scan.index, ['', `# ${INSERT_COMMENT}`, ...lines], false));
      } else {
        context.edits.push(appendLines(scan.index, [`# ${INSERT_COMMENT}`, ...lines]));
      }
      context.firstRead = Math.min(context.firstRead, scan.index.text.length);
    }
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,200}$/;

/**
 * `MOMO_COLLECTION_PRIMARY_KEY = MOMO_SUBSCRIPTION_KEY`: the value lives in the variable it
 * copies, so that one (assigned earlier, same role) is written instead of a notice.
 */
function followAliases(scan: PythonScan, targets: PyVariable[]): PyVariable[] {
  const followed = targets.map((target) => {
    if (target.rhs.kind !== 'other') return target;
    const expression = scan.index.text.slice(target.rhs.start, target.rhs.end).trim();
    if (!IDENTIFIER.test(expression)) return target;
    const source = scan.variables.filter((v) => v.name === expression && v.info.role === target.info.role && v.statement.start < target.statement.start).pop();
    return source ?? target;
  });
  return [...new Set(followed)];
}

export function planPython(request: DialectPlanRequest): DialectPlan {
  const scan = scanPython(request.text);
  const defaults = request.options.names ?? DEFAULT_NAMES;
  if (scan.unclosedAt !== undefined) {
    // Appended lines would land inside the open bracket or string: refuse rather than corrupt.
    const line = scan.index.positionAt(scan.unclosedAt).line + 1;
    return {
      edits: [],
      names: defaults,
      envWrites: [],
      notices: [],
      wroteLiteral: false,
      error: l10n.t('This Python file has a bracket or string opened on line {0} that is never closed; fix it first, then write the credentials again.', line),
    };
  }
  const context = newPlanContext(scan, request);
  const roles = request.writes.map((w) => w.role);
  const chosen = chooseNames(scan.variables.map((v) => v.info), roles, request.product, defaults, request.credentialKind);
  context.notices.push(...chosen.notices);
  if (scan.variables.some((v) => v.info.vietnam) || /MOMO_(PARTNER_CODE|ACCESS_KEY|SECRET_KEY)/.test(request.text)) {
    context.notices.push(l10n.t('This file also has Vietnam MoMo wallet settings (MOMO_PARTNER_CODE / MOMO_ACCESS_KEY / MOMO_SECRET_KEY); they were left alone.'));
  }
  // Settings kept in a dict (MOMO = {"API_USER": ...}) are filled there: new top-level names would go unread.
  const dict = planDictWrites(context, request.writes, request.product);
  if (dict.error) return { edits: [], names: defaults, envWrites: [], notices: [], wroteLiteral: false, error: dict.error };
  const names: Partial<CredentialNames> = dict.names ?? {};
  const found: Partial<Record<CredentialRole, PyVariable[]>> = {};
  const missing: { role: CredentialRole; name: string; value: string }[] = [];
  for (const write of dict.names ? [] : request.writes) {
    const name = chosen.byRole[write.role]?.name ?? defaults[write.role] ?? write.role;
    names[write.role] = name;
    const targets = followAliases(scan, scan.variables.filter((v) => v.info.name === name && v.info.role === write.role));
    if (targets.length === 0) {
      missing.push({ role: write.role, name, value: write.value });
      continue;
    }
    found[write.role] = targets;
    if (targets.length > 1) context.notices.push(l10n.t('{0} is assigned {1} times in this file; every assignment was updated.', name, targets.length));
    for (const target of targets) updateExisting(context, target, write.role, write.value);
  }
  insertMissing(context, found, missing);
  if (request.mode === 'reference') {
    const written = new Set(Object.values(found).flatMap((targets) => targets.map((t) => t.name)));
    context.notices.push(...leftoverSecretNotices(scan.variables, written));
  }
  let loader;
  if (context.envWrites.length > 0) {
    if (context.wroteRead && needsOsImport(scan) && scan.statements.length > 0) {
      const edit = osImportEdit(scan);
      if (edit) context.edits.push(edit);
    }
    if (!request.options.dotenvLoadedElsewhere) loader = planDotenvLoader(scan, Math.min(context.firstRead, scan.firstEnvRead?.start ?? Number.MAX_SAFE_INTEGER));
  }
  return {
    edits: context.edits,
    names: { apiUser: names.apiUser ?? defaults.apiUser, apiKey: names.apiKey ?? defaults.apiKey, subscriptionKey: names.subscriptionKey },
    envWrites: context.envWrites,
    notices: context.notices,
    loader,
    wroteLiteral: context.wroteLiteral,
  };
}

/**
 * "Move to .env": this one assignment reads the environment instead of holding `value`
 * (its literal or its default emptied), with `import os` and the .env loader when missing.
 */
export function planPythonMoveToEnvironment(
  scan: PythonScan,
  variable: PyVariable,
  value: string,
  options: DialectPlanRequest['options'],
): { edits: TextEdit[]; envWrites: EnvWrite[]; packageName?: string } {
  const request: DialectPlanRequest = { text: scan.index.text, writes: [], mode: 'reference', options };
  const context = newPlanContext(scan, request);
  updateExisting(context, variable, variable.info.role === 'apiUser' || variable.info.role === 'apiKey' ? variable.info.role : 'subscriptionKey', value);
  if (context.wroteRead && needsOsImport(scan)) {
    const edit = osImportEdit(scan);
    if (edit) context.edits.push(edit);
  }
  const loader = options.dotenvLoadedElsewhere ? undefined : planDotenvLoader(scan, Math.min(context.firstRead, scan.firstEnvRead?.start ?? Number.MAX_SAFE_INTEGER));
  return { edits: withLoaderEdits(context.edits, loader?.edits ?? []), envWrites: context.envWrites, packageName: loader?.packageName };
}
