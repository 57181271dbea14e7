/** Helpers that read an app's answer body (at most a few KB, as the emulator keeps it). */

const MAX_SCAN = 8192;
const MAX_LINE = 200;

/** Django's CSRF failure page, in its plain and its DEBUG form. */
export function isDjangoCsrfPage(body: string): boolean {
  const text = body.slice(0, MAX_SCAN);
  return text.includes('CSRF verification failed') || (/csrf/i.test(text) && /forbidden/i.test(text) && /django/i.test(text));
}

/**
 * The first lines a person should read: for an HTML page its <title> (Django's DEBUG page puts
 * the exception there) and its visible text; for anything else the first non-empty lines.
 */
export function firstLines(body: string, count = 5): string[] {
  const text = body.slice(0, MAX_SCAN);
  const lines: string[] = [];
  if (/<html|<!doctype html/i.test(text)) {
    const title = /<title>([^<]{0,300})<\/title>/i.exec(text)?.[1];
    if (title) lines.push(collapse(title));
    const visible = text
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<\/?(span|small|strong|em|b|i|code|a|abbr)\b[^>]{0,500}>/gi, '')
      .replace(/<[^>]{0,2000}>/g, '\n')
      .split('\n')
      .map(collapse)
      .filter((line) => line !== '' && !lines.includes(line));
    lines.push(...visible);
  } else {
    lines.push(...text.split(/\r?\n/).map(collapse).filter((line) => line !== ''));
  }
  return lines.slice(0, count).map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line));
}

function collapse(text: string): string {
  return decodeEntities(text.replace(/\s+/g, ' ').trim());
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
