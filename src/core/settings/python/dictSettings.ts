/**
 * Django settings that keep MoMo credentials in a dict: `MOMO = {"API_USER": "", "API_KEY": ""}`,
 * `MOMO = dict(API_USER="", API_KEY="")`, or nested (`PAYMENTS = {"mtn_momo": {"collection":
 * {...}}}`). Parsed from the assignment's tokens into dicts with their entries' offsets, so a
 * plan can fill an entry in place and add a missing one beside its partner.
 */
import type { Product } from '../../momo/products';
import { classifyName, type NameInfo } from '../names/classify';
import { lexPythonExpression, type PyToken } from './expressionLexer';
import { parseRhs, type PyRhs, type RhsContext } from './rhs';
import type { PyStatement } from './statements';

export interface PyDictEntry {
  key: string;
  keyStart: number;
  /** The key token as written (`"API_USER"`, `'api_user'`, or the keyword `API_USER`). */
  keyText: string;
  info: NameInfo;
  valueStart: number;
  valueEnd: number;
  value: PyRhs;
  /** Offset of the comma after the value, if any. */
  commaAt?: number;
}

export interface PyDict {
  style: 'display' | 'call';
  /** The names leading to it: the variable, then the keys. */
  path: string[];
  momo: boolean;
  product?: Product;
  open: number;
  close: number;
  entries: PyDictEntry[];
  /** `**other` or a key that is not a plain string: the dict holds more than can be seen. */
  opaque: boolean;
  statement: PyStatement;
}

const MOMO_SEGMENT = /momo|mtn/i;

function productOfSegment(segment: string): Product | undefined {
  const lower = segment.toLowerCase();
  for (const product of ['collection', 'disbursement', 'remittance'] as const) if (lower === product || lower === `${product}s`) return product;
  return undefined;
}

class DictParser {
  readonly dicts: PyDict[] = [];
  constructor(
    private readonly text: string,
    private readonly tokens: PyToken[],
    private readonly context: RhsContext,
    private readonly statement: PyStatement,
  ) {}

  /** The end of a value starting at `i`: the next top-level `,` or closing bracket. */
  private valueEnd(i: number): number {
    let depth = 0;
    for (; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.kind !== 'op') continue;
      if ('([{'.includes(t.text)) depth++;
      else if (')]}'.includes(t.text)) {
        if (depth === 0) return i;
        depth--;
      } else if (t.text === ',' && depth === 0) return i;
    }
    return i;
  }

  /** Past the value at `i`, always moving on (a stray `)` or `]` is stepped over, never looped on). */
  private skip(i: number): number {
    const end = this.valueEnd(i);
    return end > i ? end : i + 1;
  }

  /** Parses the value at token `i`; returns the index after it. */
  value(i: number, path: string[], momo: boolean, product: Product | undefined): number {
    const t = this.tokens[i];
    if (t?.kind === 'op' && t.text === '{') return this.display(i, path, momo, product);
    if (t?.kind === 'name' && t.text === 'dict' && this.tokens[i + 1]?.text === '(') return this.call(i + 1, path, momo, product);
    return this.valueEnd(i);
  }

  private newDict(style: PyDict['style'], open: number, path: string[], momo: boolean, product: Product | undefined): PyDict {
    const dict: PyDict = { style, path, momo, product, open: this.tokens[open].start, close: -1, entries: [], opaque: false, statement: this.statement };
    this.dicts.push(dict);
    return dict;
  }

  private entry(dict: PyDict, key: string, keyToken: PyToken, valueIndex: number): number {
    const childPath = [...dict.path, key];
    const childMomo = dict.momo || MOMO_SEGMENT.test(key);
    const childProduct = productOfSegment(key) ?? dict.product;
    const end = this.value(valueIndex, childPath, childMomo, childProduct);
    const first = this.tokens[valueIndex];
    const last = this.tokens[end - 1];
    const nested = first?.text === '{' || (first?.text === 'dict' && this.tokens[valueIndex + 1]?.text === '(');
    if (first && last && end > valueIndex && !nested) {
      const classified = classifyName(key, { momoSection: dict.momo });
      const info = classified.product || !dict.product ? classified : { ...classified, product: dict.product };
      const comma = this.tokens[end]?.text === ',' ? this.tokens[end].start : undefined;
      dict.entries.push({
        key,
        keyStart: keyToken.start,
        keyText: keyToken.text,
        info,
        valueStart: first.start,
        valueEnd: last.end,
        value: parseRhs(this.text, first.start, last.end, this.context),
        commaAt: comma,
      });
    }
    return end;
  }

  private display(open: number, path: string[], momo: boolean, product: Product | undefined): number {
    const dict = this.newDict('display', open, path, momo, product);
    let i = open + 1;
    while (i < this.tokens.length && this.tokens[i].text !== '}') {
      const t = this.tokens[i];
      if (t.text === '*' && this.tokens[i + 1]?.text === '*') {
        dict.opaque = true;
        i = this.valueEnd(i + 2);
      } else if (t.kind === 'string' && !/[fb]/.test(t.prefix ?? '') && this.tokens[i + 1]?.text === ':') {
        i = Math.max(this.entry(dict, t.value ?? '', t, i + 2), i + 2);
      } else {
        dict.opaque = true; // a computed key, or not a dict at all (a set)
        i = this.skip(i);
        if (this.tokens[i]?.text === ':') i = this.skip(i + 1);
      }
      if (this.tokens[i]?.text === ',') i++;
    }
    dict.close = this.tokens[i]?.start ?? -1;
    return i + 1;
  }

  private call(open: number, path: string[], momo: boolean, product: Product | undefined): number {
    const dict = this.newDict('call', open, path, momo, product);
    let i = open + 1;
    while (i < this.tokens.length && this.tokens[i].text !== ')') {
      const t = this.tokens[i];
      if (t.kind === 'name' && this.tokens[i + 1]?.text === '=' && this.tokens[i + 2]?.text !== '=') {
        i = Math.max(this.entry(dict, t.text, t, i + 2), i + 2);
      } else {
        dict.opaque = true; // dict(base, ...) or **base
        i = this.skip(i);
      }
      if (this.tokens[i]?.text === ',') i++;
    }
    dict.close = this.tokens[i]?.start ?? -1;
    return i + 1;
  }
}

/** The dicts of one `NAME = {...}` / `NAME = dict(...)` assignment, outermost first; [] for anything else. */
export function parseDictAssignment(text: string, name: string, rhsStart: number, statement: PyStatement, context: RhsContext): PyDict[] {
  const first = text.charCodeAt(rhsStart);
  if (first !== 123 /* { */ && first !== 100 /* d */) return [];
  const tokens = lexPythonExpression(text, rhsStart, statement.end);
  const parser = new DictParser(text, tokens, context, statement);
  const opener = tokens[0]?.text === '{' || (tokens[0]?.text === 'dict' && tokens[1]?.text === '(');
  if (!opener) return [];
  const end = parser.value(0, [name], MOMO_SEGMENT.test(name), productOfSegment(name));
  if (end !== tokens.length) return []; // `{...} | other`, `dict(...).copy()`: not a plain dict
  return parser.dicts.filter((d) => d.close !== -1);
}
