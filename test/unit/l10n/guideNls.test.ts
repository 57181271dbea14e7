/**
 * The credential guide the extension opens (media/credentials-explained.md) has its French twin
 * (credentials-explained.nls.fr.md, as VS Code names walkthrough media), chosen by the display
 * language; the twin keeps the English guide's structure, values and commands' shape.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localizedCandidates, localizedFileName } from '../../../src/core/text/localizedFile';

const MEDIA = path.join(__dirname, '..', '..', '..', '..', 'media');
const GUIDE = 'credentials-explained.md';
const existsInMedia = (name: string): Promise<boolean> => Promise.resolve(fs.existsSync(path.join(MEDIA, name)));

/** What must not change in a translation: headings count, table rows, code spans and bold-free values. */
function shape(markdown: string): { headings: number; tableRows: number; bullets: number; code: string[] } {
  const lines = markdown.split('\n');
  return {
    headings: lines.filter((l) => /^#{1,6} /.test(l)).length,
    tableRows: lines.filter((l) => l.startsWith('|')).length,
    bullets: lines.filter((l) => /^- /.test(l)).length,
    code: [...markdown.matchAll(/`([^`]+)`/g)].map((m) => m[1]),
  };
}

describe('l10n: the credential guide in French', () => {
  it('names the twins to try, most specific language first', () => {
    assert.deepEqual(localizedCandidates(GUIDE, 'fr'), ['credentials-explained.nls.fr.md', GUIDE]);
    assert.deepEqual(localizedCandidates(GUIDE, 'fr-CA'), ['credentials-explained.nls.fr-ca.md', 'credentials-explained.nls.fr.md', GUIDE]);
    assert.deepEqual(localizedCandidates(GUIDE, 'en'), [GUIDE]);
    assert.deepEqual(localizedCandidates(GUIDE, '../../etc'), [GUIDE], 'a language that is not a tag names no file');
  });

  it('opens the French file in French, the English one otherwise', async () => {
    assert.equal(await localizedFileName(GUIDE, 'fr', existsInMedia), 'credentials-explained.nls.fr.md');
    assert.equal(await localizedFileName(GUIDE, 'fr-ca', existsInMedia), 'credentials-explained.nls.fr.md');
    assert.equal(await localizedFileName(GUIDE, 'de', existsInMedia), GUIDE);
    assert.equal(await localizedFileName(GUIDE, 'en', existsInMedia), GUIDE);
  });

  it('has a French twin with the same structure and values, in French', () => {
    const english = fs.readFileSync(path.join(MEDIA, GUIDE), 'utf8');
    const french = fs.readFileSync(path.join(MEDIA, 'credentials-explained.nls.fr.md'), 'utf8');
    assert.deepEqual(shape(french), shape(english));
    for (const term of ["clé d'abonnement", 'utilisateur API', 'clé API', 'rappel (callback)']) assert.ok(french.includes(term), term);
    assert.doesNotMatch(french, /\b(the|and|with|which|your)\b/i, 'English left in the French guide');
  });
});
