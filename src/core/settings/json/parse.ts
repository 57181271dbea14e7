/**
 * A JSON parser that keeps offsets of every key, value and comma, so edits can change one
 * value or add one member and leave the rest byte for byte. Accepts what appsettings.json
 * files contain in practice: // and /* *\/ comments and trailing commas.
 */

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

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 500;

class Parser {
  private at: number;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.at = start;
  }

  skip(): void {
    const text = this.text;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) this.at++;
      else if (c === 47 && text.charCodeAt(this.at + 1) === 47) {
        while (this.at < text.length && text[this.at] !== '\n' && text[this.at] !== '\r') this.at++;
      } else if (c === 47 && text.charCodeAt(this.at + 1) === 42) {
        const close = text.indexOf('*/', this.at + 2);
        if (close === -1) throw new JsonSyntaxError('Unclosed /* comment.', this.at);
        this.at = close + 2;
      } else break;
    }
  }

  get position(): number {
    return this.at;
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError('Nested too deeply.', this.at);
    this.skip();
    const c = this.text[this.at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.at, this.at + 64));
    if (!literal) throw new JsonSyntaxError(c === undefined ? 'Unexpected end of file.' : `Unexpected character '${c}'.`, this.at);
    const start = this.at;
    this.at += literal[0].length;
    const word = literal[0];
    const value = word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
    return { kind: typeof value === 'number' ? 'number' : 'literal', start, end: this.at, value };
  }

  string(): JsonScalar {
    const start = this.at;
    let i = start + 1;
    const text = this.text;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n' || text[i] === '\r') throw new JsonSyntaxError('Line break inside a string.', i);
      i++;
    }
    if (i >= text.length) throw new JsonSyntaxError('Unclosed string.', start);
    this.at = i + 1;
    let value: string;
    try {
      value = JSON.parse(text.slice(start, this.at)) as string;
    } catch {
      throw new JsonSyntaxError('Invalid escape in a string.', start);
    }
    return { kind: 'string', start, end: this.at, value };
  }

  object(depth: number): JsonObject {
    const start = this.at++;
    const members: JsonMember[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.at] === '}') break;
      if (this.text[this.at] !== '"') throw new JsonSyntaxError('Expected a "key" or }.', this.at);
      const key = this.string();
      this.skip();
      if (this.text[this.at] !== ':') throw new JsonSyntaxError('Expected : after a key.', this.at);
      this.at++;
      const member: JsonMember = { key: key.value as string, keyStart: key.start, keyEnd: key.end, value: this.value(depth + 1) };
      members.push(member);
      this.skip();
      if (this.text[this.at] === ',') {
        member.commaAt = this.at++;
        continue;
      }
      if (this.text[this.at] !== '}') throw new JsonSyntaxError('Expected , or } after a value.', this.at);
    }
    this.at++;
    return { kind: 'object', start, end: this.at, members };
  }

  array(depth: number): JsonArray {
    const start = this.at++;
    const items: JsonNode[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.at] === ']') break;
      items.push(this.value(depth + 1));
      this.skip();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      if (this.text[this.at] !== ']') throw new JsonSyntaxError('Expected , or ] after a value.', this.at);
    }
    this.at++;
    return { kind: 'array', start, end: this.at, items };
  }
}

export function parseJson(text: string): JsonParseResult {
  const parser = new Parser(text, 0);
  try {
    parser.skip();
    if (parser.position >= text.length) return { ok: true, root: undefined };
    const root = parser.value(0);
    parser.skip();
    if (parser.position < text.length) return { ok: false, message: 'Unexpected text after the JSON value.', offset: parser.position };
    return { ok: true, root };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}
