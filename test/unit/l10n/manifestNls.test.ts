/**
 * The manifest's texts come from package.nls.json (English) and package.nls.fr.json (French):
 * every `%key%` resolves in both, no text is left in package.json itself, and no French entry is
 * the English one left behind. The walkthrough's markdown has a French twin (`*.nls.fr.md`,
 * which VS Code picks for the French display language).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

/** French values that are rightly the same as the English ones: names, not sentences. */
const SAME_IN_FRENCH = new Set(['command.category', 'viewsContainer.momo.title', 'view.momo.credentials.contextualTitle']);

/** Manifest properties VS Code shows to users (displayName stays the product's name). */
const SHOWN = new Set(['title', 'description', 'markdownDescription', 'name', 'contents', 'altText', 'category', 'contextualTitle', 'enumDescriptions']);

const KEY_REFERENCE = /^%([\w.-]+)%$/;

/** [json path, value] of every string under a SHOWN property. */
function shownStrings(value: unknown, where: string, inShown: boolean, found: Array<[string, string]>): Array<[string, string]> {
  if (typeof value === 'string') {
    if (inShown) found.push([where, value]);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => shownStrings(item, `${where}[${i}]`, inShown, found));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) shownStrings(child, `${where}.${key}`, SHOWN.has(key), found);
  }
  return found;
}

/** Command links, inline code and `{0}`-style placeholders: what a translation must keep as is. */
function fixedParts(text: string): string[] {
  const outsideFences = text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
  const parts = [...outsideFences.matchAll(/\(command:[^)\s]+\)|`[^`\n]+`|\{\w+\}/g)].map((m) => m[0]);
  return parts.sort();
}

describe('manifest texts in English and French', () => {
  const manifest = read('package.json') as { description: string; contributes: unknown; capabilities: unknown };
  const english = read('package.nls.json') as Record<string, string>;
  const french = read('package.nls.fr.json') as Record<string, string>;
  const shown = shownStrings({ description: manifest.description, capabilities: manifest.capabilities, contributes: manifest.contributes }, 'package', false, []);

  it('has no shown text written in package.json itself', () => {
    assert.ok(shown.length >= 60, `only ${shown.length} shown texts found`);
    assert.deepStrictEqual(shown.filter(([, value]) => !KEY_REFERENCE.test(value)).map(([where]) => where), []);
  });

  it('resolves every %key% in both files', () => {
    const keys = shown.map(([, value]) => KEY_REFERENCE.exec(value)?.[1] ?? '');
    assert.deepStrictEqual(keys.filter((key) => typeof english[key] !== 'string' || english[key] === ''), []);
    assert.deepStrictEqual(keys.filter((key) => typeof french[key] !== 'string' || french[key] === ''), []);
  });

  it('has the same keys in both files and none that package.json does not use', () => {
    const used = new Set(shown.map(([, value]) => KEY_REFERENCE.exec(value)?.[1]));
    assert.deepStrictEqual(Object.keys(french).sort(), Object.keys(english).sort());
    assert.deepStrictEqual(Object.keys(english).filter((key) => !used.has(key)), []);
  });

  it('translates every text except the names listed', () => {
    const untranslated = Object.keys(english).filter((key) => french[key] === english[key]);
    assert.deepStrictEqual(untranslated.sort(), [...SAME_IN_FRENCH].sort());
  });

  it('keeps command links, code and placeholders unchanged in French', () => {
    const changed = Object.keys(english).filter((key) => fixedParts(english[key]).join('\n') !== fixedParts(french[key]).join('\n'));
    assert.deepStrictEqual(changed, []);
  });

  it('writes French with its accents and the agreed terms', () => {
    const all = Object.values(french).join('\n');
    for (const term of ["clé d'abonnement", 'utilisateur API', 'clé API', 'Configurer MoMo', 'paramètres']) assert.ok(all.includes(term), term);
    assert.ok(!/\bsubscription key\b|\bAPI user\b/i.test(all), 'English terms left in package.nls.fr.json');
  });
});

describe('walkthrough markdown in English and French', () => {
  const manifest = read('package.json') as { contributes: { walkthroughs: Array<{ steps: Array<{ media: { markdown?: string } }> }> } };
  const markdown = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown).filter((m): m is string => !!m));

  it('has a French twin beside every step markdown, with the same code and links', () => {
    assert.ok(markdown.length >= 5);
    for (const file of markdown) {
      const twin = file.replace(/\.md$/, '.nls.fr.md');
      assert.ok(fs.existsSync(path.join(ROOT, twin)), `${twin} is missing`);
      const en = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const fr = fs.readFileSync(path.join(ROOT, twin), 'utf8');
      assert.notStrictEqual(fr, en);
      assert.deepStrictEqual(fixedParts(fr), fixedParts(en), twin);
      assert.strictEqual(fr.split('```').length, en.split('```').length, `${twin}: code blocks differ`);
    }
  });
});
