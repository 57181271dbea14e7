/**
 * JSON with comments and trailing commas (what appsettings.json files contain in practice),
 * parsed by jsonc-parser (the parser VS Code's own JSON tooling uses) into a tree that keeps
 * the offsets of every key, value and comma, so edits can change one value or add one member
 * and leave the rest byte for byte.
 */
import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';

export interface JsonObject {
  kind: 'object';
  start: number;
  end: number;
  members: JsonMember[];
}

export interface JsonArray {
  kind: 'array';
  start: number;
  end: number;
  items: JsonNode[];
}

export interface JsonScalar {
  kind: 'string' | 'number' | 'literal';
  start: number;
  end: number;
  value: string | number | boolean | null;
}

export type JsonNode = JsonObject | JsonArray | JsonScalar;

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
  /** Offset of the comma after the value, when there is one. */
  commaAt?: number;
}

export type JsonParseResult = { ok: true; root?: JsonNode } | { ok: false; message: string; offset: number };

/** Deeper than any settings file; a hostile file must not exhaust the stack. */
const MAX_DEPTH = 500;

/** jsonc-parser's error codes, said the way our messages say things. */
const MESSAGES: Partial<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character.',
  InvalidNumberFormat: 'Invalid number.',
  PropertyNameExpected: 'Expected a "key" or }.',
  ValueExpected: 'Expected a value.',
  ColonExpected: 'Expected : after a key.',
  CommaExpected: 'Expected , between values.',
  CloseBraceExpected: 'Expected , or } after a value.',
  CloseBracketExpected: 'Expected , or ] after a value.',
  EndOfFileExpected: 'Unexpected text after the JSON value.',
  InvalidCommentToken: 'Invalid comment.',
  UnexpectedEndOfComment: 'Unclosed /* comment.',
  UnexpectedEndOfString: 'Unclosed string.',
  UnexpectedEndOfNumber: 'Unexpected end of a number.',
  InvalidUnicode: 'Invalid escape in a string.',
  InvalidEscapeCharacter: 'Invalid escape in a string.',
  InvalidCharacter: 'Line break or control character inside a string.',
};

/**
 * Where nesting first goes deeper than MAX_DEPTH, found with the (iterative) scanner: parseTree
 * recurses per level, so a hostile file of nested brackets must be refused before it runs.
 */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth--;
    }
  }
  return undefined;
}

/** The offset of the comma that follows `end`, skipping white space and comments. */
function commaAfter(text: string, end: number): number | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(end);
  return scanner.scan() === SyntaxKind.CommaToken ? scanner.getTokenOffset() : undefined;
}

function convert(text: string, node: Node): JsonNode {
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object':
      return {
        kind: 'object',
        start,
        end,
        members: (node.children ?? []).map((property) => {
          const [key, value] = property.children ?? [];
          const converted = convert(text, value as Node);
          const member: JsonMember = { key: String(key?.value), keyStart: key?.offset ?? start, keyEnd: (key?.offset ?? start) + (key?.length ?? 0), value: converted };
          const comma = commaAfter(text, converted.end);
          if (comma !== undefined) member.commaAt = comma;
          return member;
        }),
      };
    case 'array':
      return { kind: 'array', start, end, items: (node.children ?? []).map((child) => convert(text, child)) };
    case 'string':
      return { kind: 'string', start, end, value: node.value as string };
    case 'number':
      return { kind: 'number', start, end, value: node.value as number };
    default:
      return { kind: 'literal', start, end, value: node.value as boolean | null };
  }
}

export function parseJson(text: string): JsonParseResult {
  // A byte-order mark is white space here, as our readers and .NET treat it.
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const deep = tooDeepAt(body);
  if (deep !== undefined) return { ok: false, message: 'Nested too deeply.', offset: deep };
  const errors: ParseError[] = [];
  const tree = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) {
    const [first] = errors;
    const code = printParseErrorCode(first.error);
    return { ok: false, message: MESSAGES[code] ?? `${code}.`, offset: first.offset };
  }
  return { ok: true, root: tree ? convert(body, tree) : undefined };
}
