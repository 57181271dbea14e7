/**
 * Large, realistic settings files for the planner benchmark: a Django-style settings.py (many
 * assignments, dicts, triple-quoted strings, comments) and a .env with CRLF line ends, each with
 * MTN MoMo settings in the middle, among them a placeholder and a hard-coded key, so that
 * planning and every diagnostic check have real work to do.
 */


const MOMO_PYTHON = [
  'MOMO_SUBSCRIPTION_KEY = os.environ.get("MOMO_SUBSCRIPTION_KEY", "")',
  'MOMO_API_USER = "your-api-user"',
  'MOMO_API_KEY = "7c9e2b4f1a3d5e6f8b0c2d4e6f8a0b1c"',
  'MOMO_TARGET_ENVIRONMENT = "sandbox"',
];

const MOMO_DOTENV = [
  'MOMO_SUBSCRIPTION_KEY=604eefeda5a9f82c1d33fcb6eb24206f',
  'MOMO_API_USER=your-api-user',
  'MOMO_TARGET_ENVIRONMENT=sandbox',
];

export function pythonSettings(lines: number): string {
  const out = ['import os', 'from pathlib import Path', '', 'BASE_DIR = Path(__file__).resolve().parent.parent', ''];
  for (let i = 0; out.length + 8 <= lines; i++) {
    out.push(
      `SETTING_${i} = os.environ.get("SETTING_${i}", "default-${i}")`,
      `# comment ${i}`,
      `DICT_${i} = {`,
      `    "a": [1, 2, 3],`,
      `    'b': """x`,
      `y""",`,
      '}',
      '',
    );
    if (out.length >= lines / 2 && out.length < lines / 2 + 8) out.push(...MOMO_PYTHON);
  }
  while (out.length < lines) out.push('# end');
  return out.join('\n') + '\n';
}

export function dotenvFile(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(i % 7 === 0 ? `# section ${i}` : `VAR_${i}="value ${i}" # note`);
    if (out.length === Math.floor(lines / 2)) out.push(...MOMO_DOTENV);
  }
  return out.join('\r\n') + '\r\n';
}

/**
 * The text with one character changed in an ordinary line past the middle (typing somewhere in
 * the file): the findings stay the same, so the re-run does the same work as the first run
 * unless something is reused. `variant` picks the replacement character.
 */
export function oneCharacterEdit(text: string, variant: number): string {
  const { at } = editedLine(text);
  return text.slice(0, at) + (variant % 2 ? 'x' : 'y') + text.slice(at + 1);
}

/** Where oneCharacterEdit types, and the offsets of the whole line it types in (the changed region). */
export function editedLine(text: string): { at: number; line: { start: number; end: number } } {
  const from = Math.floor(text.length * 0.6);
  const match = /"(?:default-|value )/.exec(text.slice(from));
  if (!match) throw new Error('no ordinary value to edit');
  const at = from + match.index + 2; // inside the quoted value: "default-7" → "dyfault-7"
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at);
  return { at, line: { start: lineStart, end: lineEnd === -1 ? text.length : lineEnd + 1 } };
}
