/**
 * How a Python file uses the environment, found with a few whole-text regex searches (fast
 * even on 20,000 lines) whose hits are then kept only when they fall inside code statements,
 * so a commented-out `# load_dotenv()` does not count.
 */
import { dotenvLoaderCalls } from '../project';
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
  /** How often each of `environmentPatterns(bindings).styles` occurs inside statements. */
  styleCounts: number[];
}

const STYLE_PATTERNS: readonly [RegExp, PyEnvStyle][] = [
  [/\bos\.environ\.get\s*\(/g, { style: 'os.environ.get', callee: 'os.environ.get' }],
  [/\bos\.getenv\s*\(/g, { style: 'os.getenv', callee: 'os.getenv' }],
  [/\bos\.environ\s*\[/g, { style: 'os.environ[]', callee: 'os.environ' }],
];

/** The statement containing `offset`, by binary search (statements are in file order). */
function statementAt(statements: readonly PyStatement[], offset: number): PyStatement | undefined {
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

/** What the file's bindings make a read, with the style each read counts for. */
export interface EnvironmentPatterns {
  /** Any of these (inside a top-level statement) is a read, for `firstEnvRead`. */
  reads: RegExp[];
  /** Counted inside statements: the most frequent is the file's habit. */
  styles: [RegExp, PyEnvStyle][];
}

export interface EnvironmentBindings {
  fromOs: ReadonlySet<string>;
  decoupleNames: ReadonlySet<string>;
  environNames: ReadonlySet<string>;
}

export function environmentPatterns(bindings: EnvironmentBindings): EnvironmentPatterns {
  const reads: RegExp[] = [/\bos\.environ\b|\bos\.getenv\s*\(/g];
  if (bindings.fromOs.has('getenv')) reads.push(/(?<![\w.])getenv\s*\(/g);
  if (bindings.fromOs.has('environ')) reads.push(/(?<![\w.])environ\s*[[.]/g);
  const callables = [...bindings.decoupleNames, ...bindings.environNames].map(escapeRegExp);
  // `env.read_env(...)` is the loader, not a read.
  if (callables.length) reads.push(new RegExp(`(?<![\\w.])(?:${callables.join('|')})(?:\\.(?!read_env)\\w+)?\\s*\\(`, 'g'));
  // The file's own habit: the read it uses most, among os, decouple and django-environ.
  const styles: [RegExp, PyEnvStyle][] = STYLE_PATTERNS.map(([pattern, style]) => [new RegExp(pattern.source, 'g'), style]);
  for (const name of bindings.decoupleNames) styles.push([new RegExp(`(?<![\\w.])${escapeRegExp(name)}\\s*\\(`, 'g'), { style: 'decouple', callee: name }]);
  for (const name of bindings.environNames) {
    const escaped = escapeRegExp(name);
    styles.push([new RegExp(`(?<![\\w.])${escaped}\\s*\\(`, 'g'), { style: 'environ', callee: name }]);
    styles.push([new RegExp(`(?<![\\w.])${escaped}\\.str\\s*\\(`, 'g'), { style: 'environ.typed', callee: `${name}.str` }]);
  }
  return { reads, styles };
}

export function findEnvironmentUse(text: string, statements: readonly PyStatement[], bindings: EnvironmentBindings): EnvironmentUse {
  let loadsDotenv = false;
  for (const at of hits(dotenvLoaderCalls(), text)) {
    if (statementAt(statements, at)) {
      loadsDotenv = true;
      break;
    }
  }
  const patterns = environmentPatterns(bindings);
  let firstEnvRead: PyStatement | undefined;
  for (const pattern of patterns.reads) {
    for (const at of hits(pattern, text)) {
      const statement = statementAt(statements, at);
      if (!statement || statement.indent !== '' || !statement.startsLine) continue;
      if (!firstEnvRead || statement.start < firstEnvRead.start) firstEnvRead = statement;
      break;
    }
  }
  const styleCounts = patterns.styles.map(([pattern]) => {
    let count = 0;
    for (const at of hits(pattern, text)) if (statementAt(statements, at)) count++;
    return count;
  });
  return { loadsDotenv, firstEnvRead, commonStyle: mostUsedStyle(patterns, styleCounts), styleCounts };
}

/** The style counted most (the first one on a tie), undefined when none is used. */
export function mostUsedStyle(patterns: EnvironmentPatterns, counts: readonly number[]): PyEnvStyle | undefined {
  let commonStyle: PyEnvStyle | undefined;
  let best = 0;
  counts.forEach((count, i) => {
    if (count > best) {
      best = count;
      commonStyle = patterns.styles[i][1];
    }
  });
  return commonStyle;
}

/**
 * How many matches of `pattern` start inside the statement. A match may run on over the
 * whitespace after it (`getenv (`), never further, so only that much text is searched.
 */
export function hitsInside(pattern: RegExp, text: string, statement: PyStatement): number {
  let stop = statement.end;
  while (stop < text.length && /\s/.test(text[stop])) stop++;
  const piece = text.slice(statement.start, Math.min(text.length, stop + 1));
  const inside = statement.end - statement.start;
  let count = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(piece); match && match.index < inside; match = pattern.exec(piece)) count++;
  return count;
}
