/**
 * Keeps secrets out of anything a person or a log may see. Known secrets are masked wherever
 * they appear, in every form they could be printed in (raw, URL-encoded, JSON-escaped, inside
 * base64); anything merely shaped like a MoMo secret (a run of 32 or more hex characters, a
 * JWT, a Bearer or Basic credential, the bare base64 of "user:key", a value after a
 * secret-looking field name, the password in a URL) is masked too, because a key we were never
 * told about leaks just as badly.
 *
 * Matching happens on a normalised view of the text (compatibility forms such as full-width
 * digits folded, zero-width characters dropped), so a key with invisible characters inside is
 * still found; the masks are then applied to the original text. No pattern is ever built from
 * input: known secrets are found with indexOf.
 */
const MASK = '••••';

/** Longer text is cut before any pattern runs: nobody reads 200,000 characters of a message. */
export const MAX_REDACTED_LENGTH = 200_000;

/** `••••` followed by at most the last 3 characters; short values show nothing at all. */
export function maskSecret(value: string): string {
  // Showing 3 of a short value would give away too large a share of it.
  return value.length >= 12 ? MASK + value.slice(-3) : MASK;
}

type Range = [start: number, end: number];

/** A span of the view that holds a secret; `group` picks the secret out of the whole match. */
interface Shape {
  pattern: RegExp;
  secret(match: RegExpExecArray): Range | undefined;
}

function groupRange(match: RegExpExecArray, prefixGroups: number[], group: number): Range | undefined {
  const value = match[group];
  if (!value) return undefined;
  const start = match.index + prefixGroups.reduce((sum, g) => sum + (match[g]?.length ?? 0), 0);
  return [start, start + value.length];
}

function looksLikeBase64Pair(value: string): boolean {
  if (value.replace(/=+$/, '').length < 16 || value.length % 4 !== 0) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+:[\x20-\x7e]+$/.test(decoded);
}

const SHAPES: readonly Shape[] = [
  // "Authorization: Basic xxx" / "Bearer xxx": the whole credential goes. A digit is required
  // so that prose ("a Basic authorization value") is left alone; real credentials have digits.
  {
    pattern: /\b(Basic|Bearer)(\s+)(?=[A-Za-z0-9\-._~+/]*\d)([A-Za-z0-9\-._~+/]{8,}=*)/gi,
    secret: (m) => groupRange(m, [1, 2], 3),
  },
  // Field names that announce a secret, in JSON, headers, dotenv or query strings, also URL-encoded.
  {
    pattern:
      /((?:ocp-apim-subscription-key|subscription[-_ ]?key|api[-_]?key|api[-_]?secret|access[-_]?token|credential[-_]?token|client[-_]?secret|password)(?:["']|%22)?\s*(?:[:=]|%3a|%3d)\s*(?:["']|%22)?)([^\s"',;&}•%]{6,})/gi,
    secret: (m) => groupRange(m, [1], 2),
  },
  // The password (or a lone user part) in scheme://user:password@host.
  {
    pattern: /(\b[a-z][a-z0-9+.-]{0,20}:\/\/)([^\s/?#@:]{1,200})(?::([^\s/?#@]{1,200}))?@/gi,
    secret: (m) => {
      if (!m[3]) return groupRange(m, [1], 2);
      const start = m.index + m[1].length + m[2].length + 1; // after the colon
      return [start, start + m[3].length];
    },
  },
  // JWTs (access tokens) anywhere.
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, secret: (m) => [m.index, m.index + m[0].length] },
  // 32 hex characters or more: the shape of both subscription keys and API keys, also with more
  // hex around them (a key glued to %22 or to another value). UUIDs (API user ids, not secret) have dashes.
  { pattern: /[0-9a-f]{32,}/gi, secret: (m) => [m.index, m.index + m[0].length] },
  // The bare base64 of "apiUser:apiKey", without the word Basic.
  {
    pattern: /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])/g,
    secret: (m) => (looksLikeBase64Pair(m[0]) ? [m.index, m.index + m[0].length] : undefined),
  },
];

const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/;

/** The text as patterns see it, and where each of its characters came from in the original. */
interface View {
  text: string;
  /** Original start / end of the character at each view index (absent: the view is the original). */
  starts?: number[];
  ends?: number[];
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function viewOf(text: string): View {
  if (isAscii(text)) return { text };
  let view = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const end = i + char.length;
    const folded = INVISIBLE.test(char) ? '' : char.normalize('NFKC');
    for (let k = 0; k < folded.length; k++) {
      starts.push(i);
      ends.push(end);
    }
    view += folded;
    i = end;
  }
  return { text: view, starts, ends };
}

/** The forms a known secret can be printed in. */
function formsOf(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  // Inside a base64 text (a Basic header of "user:key"): the secret's own groups at each of the 3 alignments.
  for (let lead = 0; lead < 3; lead++) {
    const encoded = Buffer.from('\0'.repeat(lead) + secret, 'utf8').toString('base64');
    const bytes = Buffer.byteLength(secret, 'utf8');
    const fragment = encoded.slice(Math.ceil(lead / 3) * 4, Math.floor((lead + bytes) / 3) * 4);
    if (fragment.length >= 16) forms.push(fragment);
  }
  return forms.map((f) => f.normalize('NFKC').toLowerCase()).filter((f) => f.length >= 4);
}

function knownRanges(view: string, known: readonly string[]): Range[] {
  const lower = view.toLowerCase();
  const ranges: Range[] = [];
  const forms = new Set(known.filter((s) => typeof s === 'string' && s.trim().length >= 4).flatMap(formsOf));
  for (const form of forms) {
    for (let at = lower.indexOf(form); at >= 0; at = lower.indexOf(form, at + form.length)) ranges.push([at, at + form.length]);
  }
  return ranges;
}

function shapeRanges(view: string): Range[] {
  const ranges: Range[] = [];
  for (const shape of SHAPES) {
    shape.pattern.lastIndex = 0;
    for (let m = shape.pattern.exec(view); m; m = shape.pattern.exec(view)) {
      const range = shape.secret(m);
      if (range) ranges.push(range);
      if (m[0].length === 0) shape.pattern.lastIndex++;
    }
  }
  return ranges;
}

function merge(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

export function redactSecrets(text: string, known: readonly string[]): string {
  const input = text.length > MAX_REDACTED_LENGTH ? `${text.slice(0, MAX_REDACTED_LENGTH)}… (cut)` : text;
  const view = viewOf(input);
  const ranges = merge([...knownRanges(view.text, known), ...shapeRanges(view.text)]);
  let result = '';
  let copied = 0;
  for (const [start, end] of ranges) {
    const from = view.starts ? view.starts[start] : start;
    const to = view.ends ? view.ends[end - 1] : end;
    result += input.slice(copied, from) + maskSecret(view.text.slice(start, end));
    copied = to;
  }
  return result + input.slice(copied);
}
