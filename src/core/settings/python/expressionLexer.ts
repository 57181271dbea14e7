/**
 * Tokens of one Python expression (the right-hand side of a MoMo assignment), with offsets
 * into the whole document so edits can target a string or an argument exactly.
 */
import { readPythonString } from './statements';

export interface PyToken {
  kind: 'name' | 'string' | 'number' | 'op';
  start: number;
  end: number;
  text: string;
  /** Strings: lower-case prefix (r, b, f, rb...), quote character, body offsets and value. */
  prefix?: string;
  quote?: string;
  triple?: boolean;
  bodyStart?: number;
  bodyEnd?: number;
  value?: string;
}

const STRING_PREFIX = /^(?:r|u|b|f|br|rb|fr|rf)$/i;

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

function decodeBody(body: string, raw: boolean): string {
  if (raw || !body.includes('\\')) return body;
  return body.replace(/\\(.)/gs, (whole, c: string) => ESCAPES[c] ?? (c === '\n' ? '' : whole));
}

function stringToken(text: string, start: number, quoteAt: number): PyToken {
  const { end, closed } = readPythonString(text, quoteAt);
  const quote = text[quoteAt];
  const triple = text.charCodeAt(quoteAt + 1) === quote.charCodeAt(0) && text.charCodeAt(quoteAt + 2) === quote.charCodeAt(0);
  const width = triple ? 3 : 1;
  const prefix = text.slice(start, quoteAt).toLowerCase();
  const bodyStart = quoteAt + width;
  const bodyEnd = Math.max(bodyStart, closed ? end - width : end);
  return {
    kind: 'string',
    start,
    end,
    text: text.slice(start, end),
    prefix,
    quote,
    triple,
    bodyStart,
    bodyEnd,
    value: decodeBody(text.slice(bodyStart, bodyEnd), prefix.includes('r')),
  };
}

export function lexPythonExpression(text: string, from: number, to: number): PyToken[] {
  const tokens: PyToken[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      i++;
    } else if (c === 35) {
      while (i < to && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 92) {
      i++; // line continuation
    } else if (c === 34 || c === 39) {
      const token = stringToken(text, i, i);
      tokens.push(token);
      i = token.end;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < to && isNamePart(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      const next = text.charCodeAt(j);
      if ((next === 34 || next === 39) && STRING_PREFIX.test(word)) {
        const token = stringToken(text, i, j);
        tokens.push(token);
        i = token.end;
      } else {
        tokens.push({ kind: 'name', start: i, end: j, text: word });
        i = j;
      }
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < to && (isNamePart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      tokens.push({ kind: 'number', start: i, end: j, text: text.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'op', start: i, end: i + 1, text: text[i] });
      i++;
    }
  }
  return tokens;
}
