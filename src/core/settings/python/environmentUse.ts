/**
 * How a Python file uses the environment, found with a few whole-text regex searches (fast
 * even on 20,000 lines) whose hits are then kept only when they fall inside code statements,
 * so a commented-out `# load_dotenv()` does not count.
 */
import type { EnvReadStyle } from './rhs';
import type { PyStatement } from './statements';

export interface PyEnvStyle {
  style: EnvReadStyle;
  /** Callee as the file writes it: `os.environ.get`, `getenv`, `config`, `env`, `env.str`... */
  callee: string;
}

export interface EnvironmentUse {
  loadsDotenv: boolean;
  /** First top-level statement that reads the environment. */
  firstEnvRead?: PyStatement;
  /** The most used read (os, decouple or django-environ), if any. */
  commonStyle?: PyEnvStyle;
}

const LOADER = /\bload_dotenv\s*\(|\bread_env\s*\(|\bread_dotenv\s*\(|\bdotenv\.load\b/g;
const STYLE_PATTERNS: readonly [RegExp, PyEnvStyle][] = [
  [/\bos\.environ\.get\s*\(/g, { style: 'os.environ.get', callee: 'os.environ.get' }],
  [/\bos\.getenv\s*\(/g, { style: 'os.getenv', callee: 'os.getenv' }],
  [/\bos\.environ\s*\[/g, { style: 'os.environ[]', callee: 'os.environ' }],
];

/** The statement containing `offset`, by binary search (statements are in file order). */
export function statementAt(statements: readonly PyStatement[], offset: number): PyStatement | undefined {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = statements[mid];
    if (offset < s.start) high = mid - 1;
    else if (offset >= s.end) low = mid + 1;
    else return s;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function* hits(pattern: RegExp, text: string): Generator<number> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) yield match.index;
}

export function findEnvironmentUse(
  text: string,
  statements: readonly PyStatement[],
  bindings: { fromOs: ReadonlySet<string>; decoupleNames: ReadonlySet<string>; environNames: ReadonlySet<string> },
): EnvironmentUse {
  let loadsDotenv = false;
  for (const at of hits(LOADER, text)) {
    if (statementAt(statements, at)) {
      loadsDotenv = true;
      break;
    }
  }
  const readPatterns: RegExp[] = [/\bos\.environ\b|\bos\.getenv\s*\(/g];
  if (bindings.fromOs.has('getenv')) readPatterns.push(/(?<![\w.])getenv\s*\(/g);
  if (bindings.fromOs.has('environ')) readPatterns.push(/(?<![\w.])environ\s*[[.]/g);
  const callables = [...bindings.decoupleNames, ...bindings.environNames].map(escapeRegExp);
  // `env.read_env(...)` is the loader, not a read.
  if (callables.length) readPatterns.push(new RegExp(`(?<![\\w.])(?:${callables.join('|')})(?:\\.(?!read_env)\\w+)?\\s*\\(`, 'g'));
  let firstEnvRead: PyStatement | undefined;
  for (const pattern of readPatterns) {
    for (const at of hits(pattern, text)) {
      const statement = statementAt(statements, at);
      if (!statement || statement.indent !== '' || !statement.startsLine) continue;
      if (!firstEnvRead || statement.start < firstEnvRead.start) firstEnvRead = statement;
      break;
    }
  }
  // The file's own habit: the read it uses most, among os, decouple and django-environ.
  const stylePatterns: [RegExp, PyEnvStyle][] = [...STYLE_PATTERNS];
  for (const name of bindings.decoupleNames) stylePatterns.push([new RegExp(`(?<![\\w.])${escapeRegExp(name)}\\s*\\(`, 'g'), { style: 'decouple', callee: name }]);
  for (const name of bindings.environNames) {
    const escaped = escapeRegExp(name);
    stylePatterns.push([new RegExp(`(?<![\\w.])${escaped}\\s*\\(`, 'g'), { style: 'environ', callee: name }]);
    stylePatterns.push([new RegExp(`(?<![\\w.])${escaped}\\.str\\s*\\(`, 'g'), { style: 'environ.typed', callee: `${name}.str` }]);
  }
  let commonStyle: PyEnvStyle | undefined;
  let best = 0;
  for (const [pattern, style] of stylePatterns) {
    let count = 0;
    for (const at of hits(pattern, text)) if (statementAt(statements, at)) count++;
    if (count > best) {
      best = count;
      commonStyle = style;
    }
  }
  return { loadsDotenv, firstEnvRead, commonStyle };
}
