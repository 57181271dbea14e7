/**
 * Recognizes what a MoMo assignment's right-hand side is: a string literal, None, or a read
 * of the environment (os.environ.get / os.getenv / os.environ[...] / decouple config() /
 * django-environ env() and env.str()). Anything else is left alone by the planner.
 */
import { lexPythonExpression, type PyToken } from './expressionLexer';

export type EnvReadStyle = 'os.environ.get' | 'os.getenv' | 'os.environ[]' | 'decouple' | 'environ' | 'environ.typed';

export interface PyLiteral {
  value: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  /** One plain string token: its body can be replaced in place. */
  simple: boolean;
  bodyStart: number;
  bodyEnd: number;
}

export interface PyDefault {
  start: number;
  end: number;
  literal?: PyLiteral;
  isNone: boolean;
}

export interface PyEnvRead {
  style: EnvReadStyle;
  /** The callee as written: `os.environ.get`, `getenv`, `config`, `env`, `env.str`, `os.environ`. */
  callee: string;
  envName: string;
  envNameStart: number;
  envNameEnd: number;
  default?: PyDefault;
  /** Offset after the last argument: where `, default=...` goes. */
  lastArgEnd: number;
}

export type PyRhs =
  | { kind: 'literal'; start: number; end: number; literal: PyLiteral }
  | { kind: 'none'; start: number; end: number }
  | { kind: 'envRead'; start: number; end: number; read: PyEnvRead }
  | { kind: 'other'; start: number; end: number };

export interface RhsContext {
  /** Names bound to decouple's config (usually `config`). */
  decoupleNames: ReadonlySet<string>;
  /** Names bound to a django-environ Env() (usually `env`). */
  environNames: ReadonlySet<string>;
}

function literalOf(tokens: PyToken[]): PyLiteral | undefined {
  let list = tokens;
  while (list.length >= 2 && list[0].text === '(' && list[list.length - 1].text === ')') list = list.slice(1, -1);
  if (list.length === 0 || !list.every((t) => t.kind === 'string')) return undefined;
  const first = list[0];
  const prefix = first.prefix ?? '';
  return {
    value: list.map((t) => t.value ?? '').join(''),
    start: tokens[0].start,
    end: tokens[tokens.length - 1].end,
    quote: first.quote ?? '"',
    prefix,
    simple: list.length === 1 && tokens.length === 1 && !/[fb]/.test(prefix),
    bodyStart: first.bodyStart ?? first.start,
    bodyEnd: first.bodyEnd ?? first.end,
  };
}

interface Argument {
  keyword?: string;
  tokens: PyToken[];
}

/** Splits call arguments at top-level commas; `closeIndex` is the matching `)` or `]`. */
function splitArguments(tokens: PyToken[], openIndex: number): { args: Argument[]; closeIndex: number } | undefined {
  const args: Argument[] = [];
  let current: PyToken[] = [];
  let depth = 0;
  for (let i = openIndex + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'op' && '([{'.includes(t.text)) depth++;
    if (t.kind === 'op' && ')]}'.includes(t.text)) {
      if (depth === 0) {
        if (current.length) args.push(toArgument(current));
        return { args, closeIndex: i };
      }
      depth--;
    }
    if (depth === 0 && t.kind === 'op' && t.text === ',') {
      if (current.length) args.push(toArgument(current));
      current = [];
    } else current.push(t);
  }
  return undefined;
}

function toArgument(tokens: PyToken[]): Argument {
  if (tokens.length >= 2 && tokens[0].kind === 'name' && tokens[1].text === '=' && tokens[2]?.text !== '=') {
    return { keyword: tokens[0].text, tokens: tokens.slice(2) };
  }
  return { tokens };
}

function defaultOf(arg: Argument | undefined): PyDefault | undefined {
  if (!arg || arg.tokens.length === 0) return undefined;
  const start = arg.tokens[0].start;
  const end = arg.tokens[arg.tokens.length - 1].end;
  const isNone = arg.tokens.length === 1 && arg.tokens[0].text === 'None';
  return { start, end, literal: literalOf(arg.tokens), isNone };
}

function styleOf(callee: string, bracket: boolean, context: RhsContext): EnvReadStyle | undefined {
  if (bracket) return callee === 'os.environ' || callee === 'environ' ? 'os.environ[]' : undefined;
  if (callee === 'os.environ.get' || callee === 'environ.get') return 'os.environ.get';
  if (callee === 'os.getenv' || callee === 'getenv') return 'os.getenv';
  if (context.decoupleNames.has(callee) || callee === 'decouple.config') return 'decouple';
  if (context.environNames.has(callee)) return 'environ';
  const dot = callee.lastIndexOf('.');
  if (dot > 0 && context.environNames.has(callee.slice(0, dot))) return 'environ.typed';
  return undefined;
}

function envReadOf(tokens: PyToken[], context: RhsContext): PyEnvRead | undefined {
  let i = 0;
  const parts: string[] = [];
  while (i < tokens.length && tokens[i].kind === 'name') {
    parts.push(tokens[i].text);
    i++;
    if (tokens[i]?.text !== '.') break;
    i++;
  }
  const open = tokens[i];
  if (!open || (open.text !== '(' && open.text !== '[') || parts.length === 0) return undefined;
  const style = styleOf(parts.join('.'), open.text === '[', context);
  if (!style) return undefined;
  const split = splitArguments(tokens, i);
  if (!split || split.closeIndex !== tokens.length - 1) return undefined; // more follows: `... or "x"`
  const [first, ...rest] = split.args;
  if (!first || first.keyword || first.tokens.length !== 1 || first.tokens[0].kind !== 'string') return undefined;
  const nameToken = first.tokens[0];
  const keywordDefault = rest.find((a) => a.keyword === 'default');
  // django-environ's env(NAME, cast) takes the cast positionally; only `default=` is a default there.
  const positionalDefault = style === 'environ' || style === 'os.environ[]' ? undefined : rest.find((a, n) => n === 0 && !a.keyword);
  const lastArg = split.args[split.args.length - 1];
  return {
    style,
    callee: parts.join('.'),
    envName: nameToken.value ?? '',
    envNameStart: nameToken.bodyStart ?? nameToken.start,
    envNameEnd: nameToken.bodyEnd ?? nameToken.end,
    default: defaultOf(keywordDefault ?? positionalDefault),
    lastArgEnd: lastArg.tokens[lastArg.tokens.length - 1].end,
  };
}

export function parseRhs(text: string, start: number, end: number, context: RhsContext): PyRhs {
  const tokens = lexPythonExpression(text, start, end);
  if (tokens.length === 0) return { kind: 'other', start, end };
  const literal = literalOf(tokens);
  if (literal) return { kind: 'literal', start, end, literal };
  if (tokens.length === 1 && tokens[0].text === 'None') return { kind: 'none', start, end };
  const read = envReadOf(tokens, context);
  if (read) return { kind: 'envRead', start, end, read };
  return { kind: 'other', start, end };
}
