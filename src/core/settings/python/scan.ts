/**
 * One pass over a Python settings file: MoMo assignments with their right-hand sides, the
 * imports, how the file reads the environment (its style), and whether anything loads .env.
 */
import { classifyNameFast as classifyName, type NameInfo } from '../names/classify';
import type { ScannedSettings, ScannedVariable } from '../model';
import { TextIndex } from '../text/textIndex';
import { parseDictAssignment, type PyDict } from './dictSettings';
import { findEnvironmentUse, type PyEnvStyle } from './environmentUse';
import { parseRhs, type PyRhs, type RhsContext } from './rhs';
import { scanPythonStatements, type PyStatement } from './statements';

export interface PyVariable extends ScannedVariable {
  statement: PyStatement;
  rhs: PyRhs;
  /** `NAME = ` as written, for reusing the spacing around `=`. */
  assignOperator: string;
}

export interface PythonScan extends ScannedSettings {
  statements: PyStatement[];
  variables: PyVariable[];
  /** Top-level `import` / `from ... import` statements. */
  imports: PyStatement[];
  /** The module docstring, when the file starts with one. */
  docstring?: PyStatement;
  /** `import os` (or `import os.path`) is present, so `os.` is bound. */
  osImported: boolean;
  /** Names imported with `from os import ...`. */
  fromOs: Set<string>;
  context: RhsContext;
  /** The style used by the file's MoMo reads, else its most common read, else by its imports. */
  envStyle: PyEnvStyle;
  /** First top-level statement that reads the environment. */
  firstEnvRead?: PyStatement;
  /** load_dotenv(), read_env(), read_dotenv() or decouple: values in .env are seen. */
  loadsDotenv: boolean;
  /** The django-environ Env() assignment, where read_env() belongs. */
  environAssignment?: PyStatement;
  quote: string;
  assignOperator: string;
  /** An unclosed bracket or triple-quoted string starts here (the file does not parse). */
  unclosedAt?: number;
  /** Counts of each environment-read style (environmentPatterns' order), for incremental updates. */
  envStyleCounts: number[];
  /** Dicts of top-level assignments that mention MoMo (`MOMO = {...}`, `dict(...)`, nested). */
  dicts: PyDict[];
}

/** `NAME = ` / `NAME: type = ` at a statement start (sticky: no per-statement slicing). */
export const ASSIGN = /([A-Za-z_][A-Za-z0-9_]*)([ \t]*(?::[^=\n]*)?=(?!=)[ \t]*)/y;
const ENV_CONSTRUCTOR = /(?:environ\.)?Env\s*\(/y;
const AUTO_CONFIG = /(?:decouple\.)?AutoConfig\s*\(/y;
const MOMO_WORD = /momo|mtn/gi;
/** Enough assignments to tell the file's quote habit. */
export const QUOTE_SAMPLE = 400;

export type { PyEnvStyle } from './environmentUse';

function importInfo(statementText: string, scan: { osImported: boolean; fromOs: Set<string>; decoupleNames: Set<string>; loads: boolean }): void {
  const plain = /^import\s+(.+)$/s.exec(statementText);
  if (plain) {
    for (const part of plain[1].split(',')) {
      const module = part.trim().split(/\s+/)[0];
      if (module === 'os' || module.startsWith('os.')) scan.osImported = true;
      if (module === 'decouple') scan.loads = true;
    }
    return;
  }
  const from = /^from\s+([\w.]+)\s+import\s+\(?([^)]*)\)?/s.exec(statementText);
  if (!from) return;
  const names = from[2].split(',').map((n) => n.trim().split(/\s+as\s+/));
  if (from[1] === 'os') for (const [name, alias] of names) scan.fromOs.add(alias ?? name);
  if (from[1] === 'decouple') {
    scan.loads = true; // decouple reads .env by itself
    for (const [name, alias] of names) if (name === 'config') scan.decoupleNames.add(alias ?? name);
  }
}

export function scanPython(text: string): PythonScan {
  const index = new TextIndex(text);
  const { statements, unclosedAt } = scanPythonStatements(index);
  const imports: PyStatement[] = [];
  const flags = { osImported: false, fromOs: new Set<string>(), decoupleNames: new Set<string>(), loads: false };
  const environNames = new Set<string>();
  const context: RhsContext = { decoupleNames: flags.decoupleNames, environNames };
  const candidates: { statement: PyStatement; match: RegExpExecArray; info: NameInfo }[] = [];
  // Offsets of "momo"/"mtn" anywhere: a statement mentioning neither is skipped without slicing.
  const momoWords = [...text.matchAll(MOMO_WORD)].map((m) => m.index ?? 0);
  let nextWord = 0;
  let environAssignment: PyStatement | undefined;
  let quoteDouble = 0;
  let quoteSingle = 0;
  let sampled = 0;
  let assignOperator: string | undefined;

  for (const statement of statements) {
    const topLevel = statement.indent === '' && statement.startsLine;
    const first = text.charCodeAt(statement.start);
    if (topLevel && (first === 105 /* i */ || first === 102) /* f */) {
      const statementText = text.slice(statement.start, statement.end);
      if (/^(?:import|from)\s/.test(statementText)) {
        imports.push(statement);
        importInfo(statementText, flags);
        continue;
      }
    }
    while (nextWord < momoWords.length && momoWords[nextWord] < statement.start) nextWord++;
    const mentionsMomo = nextWord < momoWords.length && momoWords[nextWord] < statement.end;
    ASSIGN.lastIndex = statement.start;
    const match = ASSIGN.exec(text);
    if (!match || ASSIGN.lastIndex > statement.end) continue;
    if (assignOperator === undefined && topLevel) assignOperator = match[2];
    const rhsStart = ASSIGN.lastIndex;
    // Bindings the env-read recognizer needs: env = environ.Env(...), config = AutoConfig(...).
    const rhsFirst = text.charCodeAt(rhsStart);
    ENV_CONSTRUCTOR.lastIndex = rhsStart;
    if ((rhsFirst === 69 /* E */ || rhsFirst === 101) /* e */ && ENV_CONSTRUCTOR.test(text)) {
      environNames.add(match[1]);
      environAssignment ??= statement;
    }
    AUTO_CONFIG.lastIndex = rhsStart;
    if ((rhsFirst === 65 /* A */ || rhsFirst === 100) /* d */ && AUTO_CONFIG.test(text)) {
      flags.decoupleNames.add(match[1]);
      flags.loads = true;
    }
    if (sampled < QUOTE_SAMPLE) {
      sampled++;
      const quoteAt = text.slice(rhsStart, Math.min(statement.end, rhsStart + 200)).search(/["']/);
      if (quoteAt !== -1) {
        if (text[rhsStart + quoteAt] === '"') quoteDouble++;
        else quoteSingle++;
      }
    }
    const info = classifyName(match[1]);
    if (info.isMomo || mentionsMomo) candidates.push({ statement, match, info });
  }

  const variables: PyVariable[] = [];
  const dicts: PyDict[] = [];
  for (const { statement, match, info } of candidates) {
    const rhsStart = statement.start + match[0].length;
    if (statement.indent === '' && statement.startsLine) dicts.push(...parseDictAssignment(text, match[1], rhsStart, statement, context));
    const rhs = parseRhs(text, rhsStart, statement.end, context);
    let effective = info;
    let envRead: PyVariable['envRead'];
    if (rhs.kind === 'envRead') {
      const envInfo = classifyName(rhs.read.envName);
      if (!info.isMomo) effective = envInfo;
      const literal = rhs.read.default?.literal;
      envRead = {
        envName: rhs.read.envName,
        envInfo,
        envNameStart: rhs.read.envNameStart,
        envNameEnd: rhs.read.envNameEnd,
        defaultLiteral: literal && { value: literal.value, start: literal.start, end: literal.end },
      };
    }
    if (!effective.isMomo) continue;
    variables.push({
      name: match[1],
      info: effective,
      nameStart: statement.start,
      nameEnd: statement.start + match[1].length,
      startLine: statement.startLine,
      endLine: statement.endLine,
      literal: rhs.kind === 'literal' ? { value: rhs.literal.value, start: rhs.literal.start, end: rhs.literal.end } : undefined,
      envRead,
      statement,
      rhs,
      assignOperator: match[2],
    });
  }

  const use = findEnvironmentUse(text, statements, { fromOs: flags.fromOs, decoupleNames: flags.decoupleNames, environNames });
  const momoRead = variables.find((v) => v.rhs.kind === 'envRead');
  let envStyle: PyEnvStyle;
  if (momoRead && momoRead.rhs.kind === 'envRead') envStyle = { style: momoRead.rhs.read.style, callee: momoRead.rhs.read.callee };
  else {
    if (use.commonStyle) envStyle = use.commonStyle;
    // Bound but not used yet: the library the file set up.
    else if (flags.decoupleNames.size) envStyle = { style: 'decouple', callee: [...flags.decoupleNames][0] };
    else if (environNames.size) envStyle = { style: 'environ', callee: [...environNames][0] };
    else if (flags.fromOs.has('getenv')) envStyle = { style: 'os.getenv', callee: 'getenv' };
    else if (flags.fromOs.has('environ')) envStyle = { style: 'os.environ.get', callee: 'environ.get' };
    else envStyle = { style: 'os.environ.get', callee: 'os.environ.get' };
  }
  const momoQuote = variables.map((v) => (v.rhs.kind === 'literal' ? v.rhs.literal.quote : v.rhs.kind === 'envRead' ? text[v.rhs.read.envNameStart - 1] : undefined)).find((q) => q === '"' || q === "'");
  const first = statements[0];
  const docstring = first && text[first.start] !== undefined && /^[rRuU]?["']/.test(text.slice(first.start, first.start + 2)) ? first : undefined;
  return {
    dialect: 'python',
    index,
    statements,
    variables,
    imports,
    docstring,
    osImported: flags.osImported,
    fromOs: flags.fromOs,
    context,
    envStyle,
    firstEnvRead: use.firstEnvRead,
    loadsDotenv: flags.loads || use.loadsDotenv,
    environAssignment,
    quote: momoQuote ?? (quoteSingle > quoteDouble ? "'" : '"'),
    assignOperator: variables[0]?.assignOperator ?? assignOperator ?? ' = ',
    unclosedAt,
    envStyleCounts: use.styleCounts,
    dicts,
  };
}
