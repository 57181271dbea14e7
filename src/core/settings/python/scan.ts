/**
 * One pass over a Python settings file: MoMo assignments with their right-hand sides, the
 * imports, how the file reads the environment (its style), and whether anything loads .env.
 */
import { classifyNameFast as classifyName, type NameInfo } from '../names/classify';
import type { ScannedSettings, ScannedVariable } from '../model';
import { TextIndex } from '../text/textIndex';
import { parseRhs, type EnvReadStyle, type PyRhs, type RhsContext } from './rhs';
import { scanPythonStatements, type PyStatement } from './statements';

export interface PyVariable extends ScannedVariable {
  statement: PyStatement;
  rhs: PyRhs;
  /** `NAME = ` as written, for reusing the spacing around `=`. */
  assignOperator: string;
}

export interface PyEnvStyle {
  style: EnvReadStyle;
  /** Callee as the file writes it: `os.environ.get`, `getenv`, `config`, `env`, `env.str`... */
  callee: string;
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
  /** The file reads the environment somewhere. */
  readsEnvironment: boolean;
  /** First top-level statement that reads the environment. */
  firstEnvRead?: PyStatement;
  /** load_dotenv(), read_env(), read_dotenv() or decouple: values in .env are seen. */
  loadsDotenv: boolean;
  /** The django-environ Env() assignment, where read_env() belongs. */
  environAssignment?: PyStatement;
  quote: string;
  assignOperator: string;
}

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)([ \t]*(?::[^=\n]*)?=(?!=)[ \t]*)/;
const LOADER = /\bload_dotenv\s*\(|\bread_env\s*\(|\bread_dotenv\s*\(|\bdotenv\.load\b/;
const OS_READ = /\bos\.environ\b|\bos\.getenv\s*\(/;
const STYLE_PATTERNS: readonly [RegExp, PyEnvStyle][] = [
  [/\bos\.environ\.get\s*\(/g, { style: 'os.environ.get', callee: 'os.environ.get' }],
  [/\bos\.getenv\s*\(/g, { style: 'os.getenv', callee: 'os.getenv' }],
  [/\bos\.environ\s*\[/g, { style: 'os.environ[]', callee: 'os.environ' }],
];

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

/** Reads through os, decouple's config or a django-environ Env bound earlier in the file. */
function readsEnvironmentIn(statementText: string, fromOs: Set<string>, decoupleNames: Set<string>, environCall: RegExp | undefined): boolean {
  if (OS_READ.test(statementText)) return true;
  if (fromOs.has('getenv') && /\bgetenv\s*\(/.test(statementText)) return true;
  if (fromOs.has('environ') && /(?<![\w.])environ\s*[[.]/.test(statementText)) return true;
  for (const name of decoupleNames) if (statementText.includes(`${name}(`)) return true;
  return environCall !== undefined && environCall.test(statementText) && !LOADER.test(statementText);
}

export function scanPython(text: string): PythonScan {
  const index = new TextIndex(text);
  const statements = scanPythonStatements(index);
  const imports: PyStatement[] = [];
  const flags = { osImported: false, fromOs: new Set<string>(), decoupleNames: new Set<string>(), loads: false };
  const environNames = new Set<string>();
  const context: RhsContext = { decoupleNames: flags.decoupleNames, environNames };
  const candidates: { statement: PyStatement; match: RegExpExecArray; info: NameInfo; text: string }[] = [];
  const styleCounts = new Map<string, { count: number; style: PyEnvStyle }>();
  let readsEnvironment = false;
  let firstEnvRead: PyStatement | undefined;
  let environAssignment: PyStatement | undefined;
  let quoteDouble = 0;
  let quoteSingle = 0;
  let assignOperator: string | undefined;
  let environCall: RegExp | undefined;

  for (const statement of statements) {
    const statementText = text.slice(statement.start, statement.end);
    const topLevel = statement.indent === '' && statement.startsLine;
    if (topLevel && /^(?:import|from)\s/.test(statementText)) {
      imports.push(statement);
      importInfo(statementText, flags);
      continue;
    }
    if (LOADER.test(statementText)) flags.loads = true;
    const match = ASSIGN.exec(statementText);
    if (match) {
      if (assignOperator === undefined && topLevel) assignOperator = match[2];
      const rhsText = statementText.slice(match[0].length);
      // Bindings the env-read recognizer needs: env = environ.Env(...), config = AutoConfig(...).
      if (/^(?:environ\.)?Env\s*\(/.test(rhsText)) {
        environNames.add(match[1]);
        environCall = new RegExp(`(?<![\\w.])(?:${[...environNames].join('|')})(?:\\.\\w+)?\\s*\\(`);
        environAssignment ??= statement;
      }
      if (/^(?:decouple\.)?AutoConfig\s*\(/.test(rhsText)) {
        flags.decoupleNames.add(match[1]);
        flags.loads = true;
      }
      const firstQuote = rhsText.charAt(rhsText.search(/["']/));
      if (firstQuote === '"') quoteDouble++;
      else if (firstQuote === "'") quoteSingle++;
      const info = classifyName(match[1]);
      if (info.isMomo || /momo|mtn/i.test(rhsText)) candidates.push({ statement, match, info, text: statementText });
    }
    if (readsEnvironmentIn(statementText, flags.fromOs, flags.decoupleNames, environCall)) {
      readsEnvironment = true;
      if (topLevel) firstEnvRead ??= statement;
      for (const [pattern, style] of STYLE_PATTERNS) {
        const count = statementText.match(pattern)?.length ?? 0;
        if (count) {
          const entry = styleCounts.get(style.callee) ?? { count: 0, style };
          entry.count += count;
          styleCounts.set(style.callee, entry);
        }
      }
    }
  }

  const variables: PyVariable[] = [];
  for (const { statement, match, info, text: statementText } of candidates) {
    const rhsStart = statement.start + match[0].length;
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
      if (rhs.read.style === 'decouple' || rhs.read.style.startsWith('environ')) readsEnvironment = true;
    }
    if (!effective.isMomo) continue;
    if (statementText.length === 0) continue;
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

  const momoRead = variables.find((v) => v.rhs.kind === 'envRead');
  let envStyle: PyEnvStyle;
  if (momoRead && momoRead.rhs.kind === 'envRead') envStyle = { style: momoRead.rhs.read.style, callee: momoRead.rhs.read.callee };
  else {
    const counted = [...styleCounts.values()].sort((a, b) => b.count - a.count)[0];
    if (counted) envStyle = counted.style;
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
    readsEnvironment,
    firstEnvRead,
    loadsDotenv: flags.loads,
    environAssignment,
    quote: momoQuote ?? (quoteSingle > quoteDouble ? "'" : '"'),
    assignOperator: variables[0]?.assignOperator ?? assignOperator ?? ' = ',
  };
}
