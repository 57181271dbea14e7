/** The CLI's language: --lang wins, then LC_ALL, LC_MESSAGES, LANG; what has no bundle is English. */
import * as assert from 'assert';
import { languageFromEnvironment, takeLanguageOption } from '../../../src/cli/language';
import { UsageError } from '../../../src/cli/io';

describe('cli: language', () => {
  it('takes --lang out of the arguments, wherever it is', () => {
    assert.deepStrictEqual(takeLanguageOption(['doctor', '--lang', 'fr', '--json']), { argv: ['doctor', '--json'], language: 'fr' });
    assert.deepStrictEqual(takeLanguageOption(['--lang=en', 'verify']), { argv: ['verify'], language: 'en' });
    assert.deepStrictEqual(takeLanguageOption(['verify', '--json']), { argv: ['verify', '--json'] });
  });

  it('refuses a language it has no texts for, without echoing it', () => {
    assert.throws(() => takeLanguageOption(['--lang', 'de']), (err: unknown) => err instanceof UsageError && /en, fr/.test(err.message) && !err.message.includes('de.'));
    assert.throws(() => takeLanguageOption(['doctor', '--lang']), UsageError);
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, as POSIX programs do', () => {
    assert.strictEqual(languageFromEnvironment({ LANG: 'fr_FR.UTF-8' }), 'fr');
    assert.strictEqual(languageFromEnvironment({ LANG: 'fr_CI.UTF-8' }), 'fr');
    assert.strictEqual(languageFromEnvironment({ LANG: 'fr' }), 'fr');
    assert.strictEqual(languageFromEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' }), 'en');
    assert.strictEqual(languageFromEnvironment({ LC_MESSAGES: 'fr_BE', LANG: 'C.UTF-8' }), 'fr');
    assert.strictEqual(languageFromEnvironment({ LC_ALL: '', LANG: 'fr_FR' }), 'fr');
  });

  it('falls back to English for C, POSIX, unknown languages and nothing set', () => {
    for (const LANG of ['C', 'C.UTF-8', 'POSIX', 'de_DE.UTF-8', 'french', '']) assert.strictEqual(languageFromEnvironment({ LANG }), 'en', LANG);
    assert.strictEqual(languageFromEnvironment({}), 'en');
  });
});
