/**
 * Every message the code marks for translation (`vscode.l10n.t` in src/vscode, @vscode/l10n's
 * `l10n.t` in core and the CLI) has its French entry in l10n/bundle.l10n.fr.json, keeps its
 * placeholders, and is not the English left behind; the bundle holds nothing the code no
 * longer says. The messages are read from the sources with TypeScript's parser, as
 * @vscode/l10n-dev would: a message that is not a literal could not be translated, so it fails.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const FRENCH = path.join(ROOT, 'l10n', 'bundle.l10n.fr.json');

/** English messages that are rightly the same in French (names and symbols, not sentences). */
const SAME_IN_FRENCH = new Set<string>(['Sandbox ({0})', 'System Credentials {0}']);

interface Message {
  text: string;
  where: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `l10n.t(…)` and `vscode.l10n.t(…)` calls: their message, or a problem when it is not a literal. */
function findMessages(file: string, messages: Message[], problems: string[]): void {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /^(vscode\.)?l10n\.t$/.test(node.expression.getText(source))) {
      const where = `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const first = node.arguments[0];
      const literal = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
      if (literal === undefined) problems.push(`${where}: the message is not a string literal`);
      else messages.push({ text: literal, where });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

describe('messages in English and French', () => {
  const messages: Message[] = [];
  const problems: string[] = [];
  for (const file of sourceFiles(path.join(ROOT, 'src'))) findMessages(file, messages, problems);
  const french = JSON.parse(fs.readFileSync(FRENCH, 'utf8')) as Record<string, string>;
  const english = new Set(messages.map((m) => m.text));

  it('marks messages only with literal texts', () => {
    assert.ok(messages.length >= 120, `only ${messages.length} messages marked for translation`);
    assert.deepStrictEqual(problems, []);
  });

  it('has a French entry for every message', () => {
    const missing = messages.filter((m) => typeof french[m.text] !== 'string' || french[m.text].trim() === '');
    assert.deepStrictEqual(missing.map((m) => `${m.where}: ${m.text}`), []);
  });

  it('leaves no English in the French bundle except the names listed', () => {
    const same = Object.keys(french).filter((key) => french[key] === key && !SAME_IN_FRENCH.has(key));
    assert.deepStrictEqual(same, []);
  });

  it('keeps every placeholder of the English in French', () => {
    const changed = Object.keys(french).filter((key) => placeholders(key).join() !== placeholders(french[key]).join());
    assert.deepStrictEqual(changed.map((key) => `${key} → ${french[key]}`), []);
  });

  it('holds nothing the code no longer says', () => {
    assert.deepStrictEqual(Object.keys(french).filter((key) => !english.has(key)), []);
  });
});
