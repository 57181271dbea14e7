/**
 * Keeps secrets out of anything a person or a log may see. Known secrets are masked wherever
 * they appear; anything merely shaped like a MoMo secret (32 hex characters, a JWT, a Bearer or
 * Basic credential, a value after a secret-looking field name) is masked too, because a key
 * we were never told about leaks just as badly.
 */
const MASK = '••••';

/** `••••` followed by at most the last 3 characters; short values show nothing at all. */
export function maskSecret(value: string): string {
  // Showing 3 of a short value would give away too large a share of it.
  return value.length >= 12 ? MASK + value.slice(-3) : MASK;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SHAPES: ReadonlyArray<{ pattern: RegExp; keep: (match: string, ...groups: string[]) => string }> = [
  // "Authorization: Basic xxx" / "Bearer xxx": the whole credential goes. A digit is required
  // so that prose ("a Basic authorization value") is left alone; real credentials have digits.
  {
    pattern: /\b(Basic|Bearer)(\s+)(?=[A-Za-z0-9\-._~+/]*\d)([A-Za-z0-9\-._~+/]{8,}=*)/gi,
    keep: (_m, scheme, space, value) => scheme + space + maskSecret(value),
  },
  // Field names that announce a secret, in JSON, headers, dotenv or query strings.
  {
    pattern:
      /((?:ocp-apim-subscription-key|subscription[-_ ]?key|api[-_]?key|api[-_]?secret|access[-_]?token|credential[-_]?token|client[-_]?secret|password)["']?\s*[:=]\s*["']?)([^\s"',;&}•]{6,})/gi,
    keep: (_m, prefix, value) => prefix + maskSecret(value),
  },
  // JWTs (access tokens) anywhere.
  {
    pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
    keep: (m) => maskSecret(m),
  },
  // 32 hex characters: the shape of both subscription keys and API keys. UUIDs (with dashes)
  // are API user ids, which are not secret, and do not match.
  {
    pattern: /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/gi,
    keep: (m) => maskSecret(m),
  },
];

export function redactSecrets(text: string, known: string[]): string {
  let result = text;
  // Longest first, so that a secret containing another is masked whole.
  const secrets = known.filter((s) => typeof s === 'string' && s.trim().length >= 4).sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    result = result.replace(new RegExp(escapeRegExp(secret), 'gi'), maskSecret(secret));
  }
  for (const shape of SHAPES) {
    result = result.replace(shape.pattern, shape.keep as (substring: string, ...args: string[]) => string);
  }
  return result;
}
