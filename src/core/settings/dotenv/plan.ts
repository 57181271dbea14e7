/**
 * Planning writes into a dotenv file: replace the value between its quotes, or insert
 * `[export ]NAME=value` lines in the style of the file's own lines, beside its MoMo block.
 * Used for a .env the user opened and for the .env that reference mode fills.
 */
import * as l10n from '@vscode/l10n';
import { chooseNames } from '../names/chooseNames';
import { blockAnchor, placeMissing } from '../placement';
import { DEFAULT_NAMES, INSERT_COMMENT, type DialectPlan, type DialectPlanRequest } from '../planTypes';
import { appendLines, insertLinesAfter, insertLinesBefore, makeEdit } from '../text/edits';
import type { CredentialNames, CredentialRole, TextEdit } from '../types';
import { scanDotenv, type DotenvEntry, type DotenvScan } from './scan';

export interface NamedWrite {
  role: CredentialRole;
  name: string;
  value: string;
}

interface LineStyle {
  exported: boolean;
  operator: string;
  quote: '' | '"' | "'";
}

/** Style of new lines: the MoMo lines', else the most common among all lines, else NAME=value. */
function lineStyle(scan: DotenvScan): LineStyle {
  const model = scan.variables[0] ?? scan.entries[0];
  if (!model) return { exported: false, operator: '=', quote: '' };
  const sample = scan.variables.length ? scan.variables : scan.entries;
  const count = (q: string) => sample.filter((e) => e.quote === q).length;
  const quote = count('"') > count('') && count('"') >= count("'") ? '"' : count("'") > count('') ? "'" : '';
  // `NAME: value` is Node dotenv's alone: new lines use `=`, which every loader reads.
  const operator = model.operator.includes(':') ? '=' : model.operator;
  return { exported: model.exported, operator, quote };
}

const NEEDS_QUOTES = /[\s#"'`\\$]/;

function dotenvValue(value: string, quote: '' | '"' | "'"): string {
  if (quote === "'" && !value.includes("'") && !/[\r\n]/.test(value)) return `'${value}'`;
  if (quote === '' && !NEEDS_QUOTES.test(value) && value !== '') return value;
  if (quote === '' && value === '') return '';
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

function replaceValue(scan: DotenvScan, entry: DotenvEntry, value: string): TextEdit | undefined {
  if (entry.literal?.value === value) return undefined;
  const index = scan.index;
  if (entry.quote === '"' || entry.quote === '`') {
    const body = dotenvValue(value, '"').slice(1, -1);
    return makeEdit(index, entry.innerStart, entry.innerEnd, body);
  }
  if (entry.quote === "'" && !value.includes("'")) return makeEdit(index, entry.innerStart, entry.innerEnd, value);
  const written = dotenvValue(value, '');
  // An empty value right before ` # comment`: keep a space so the comment stays a comment.
  const trailing = entry.valueStart === entry.valueEnd && entry.followedByComment ? ' ' : '';
  return makeEdit(index, entry.valueStart, entry.valueEnd, `${written}${trailing}`);
}

/** Writes values under fixed names; shared by dotenv documents and reference mode. */
export function planDotenvWrites(scanOrText: DotenvScan | string, writes: readonly NamedWrite[]): { edits: TextEdit[]; notices: string[] } {
  const scan = typeof scanOrText === 'string' ? scanDotenv(scanOrText) : scanOrText;
  const edits: TextEdit[] = [];
  const notices: string[] = [];
  const style = lineStyle(scan);
  const found: Partial<Record<CredentialRole, DotenvEntry[]>> = {};
  const missing: NamedWrite[] = [];
  for (const write of writes) {
    const targets = scan.entries.filter((e) => e.name === write.name);
    if (targets.length === 0) {
      missing.push(write);
      continue;
    }
    found[write.role] = targets;
    if (targets.length > 1) notices.push(l10n.t('{0} appears {1} times in this file; every occurrence was updated.', write.name, targets.length));
    for (const target of targets) {
      const edit = replaceValue(scan, target, write.value);
      if (edit) edits.push(edit);
    }
  }
  const byRole = new Map(missing.map((m) => [m.role, m]));
  for (const placement of placeMissing(found, missing.map((m) => m.role))) {
    const lines = placement.roles.map((role) => {
      const write = byRole.get(role)!;
      return `${style.exported ? 'export ' : ''}${write.name}${style.operator}${dotenvValue(write.value, style.quote)}`;
    });
    const anchor = placement.anchor ?? (placement.kind === 'block' ? blockAnchor(scan.variables, scan.index.text) : undefined);
    if (anchor && placement.kind === 'before') edits.push(insertLinesBefore(scan.index, anchor.startLine, lines));
    else if (anchor) edits.push(insertLinesAfter(scan.index, anchor.endLine, lines));
    else edits.push(appendLines(scan.index, [`# ${INSERT_COMMENT}`, ...lines]));
  }
  return { edits, notices };
}

export function planDotenv(request: DialectPlanRequest): DialectPlan {
  const scan = scanDotenv(request.text);
  const defaults = request.options.names ?? DEFAULT_NAMES;
  const chosen = chooseNames(
    scan.variables.map((v) => v.info),
    request.writes.map((w) => w.role),
    request.product,
    defaults,
    request.credentialKind,
  );
  const notices = [...chosen.notices];
  if (request.options.mode === 'reference') notices.push(l10n.t('A dotenv file holds the values themselves, so they were written as values.'));
  if (scan.entries.some((e) => e.info.vietnam)) {
    notices.push(l10n.t('This file also has Vietnam MoMo wallet settings (MOMO_PARTNER_CODE / MOMO_ACCESS_KEY / MOMO_SECRET_KEY); they were left alone.'));
  }
  const writes: NamedWrite[] = request.writes.map((w) => ({ ...w, name: chosen.byRole[w.role]?.name ?? defaults[w.role] ?? w.role }));
  const planned = planDotenvWrites(scan, writes);
  const names: CredentialNames = { apiUser: defaults.apiUser, apiKey: defaults.apiKey };
  for (const write of writes) names[write.role] = write.name;
  return {
    edits: planned.edits,
    names,
    envWrites: [],
    notices: [...notices, ...planned.notices],
    wroteLiteral: planned.edits.length > 0,
  };
}
