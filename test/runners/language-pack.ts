// The fixture language pack a test profile needs to run VS Code in another display language.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './paths';
import type { TestEnvironment } from './test-environment';

/**
 * VS Code takes a display language only when a language pack provides it (otherwise
 * vscode.env.language stays "en"). The fixture pack (test/fixtures/language-pack-<locale>)
 * declares the language with no translations of VS Code itself: the workbench stays in
 * English and the extension's own bundle is what the suite reads. VS Code's server lists
 * language packs in <user data>/languagepacks.json when it installs one; the copied pack is
 * listed there the same way.
 */
export function installLanguagePack(env: TestEnvironment, locale: string): void {
  const source = path.join(REPO_ROOT, 'test', 'fixtures', `language-pack-${locale}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
    contributes: { localizations: Array<{ languageId: string; localizedLanguageName: string; translations: Array<{ id: string; path: string }> }> };
  };
  const installed = path.join(env.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.cpSync(source, installed, { recursive: true });
  const id = `${manifest.publisher}.${manifest.name}`;
  const packs: Record<string, unknown> = {};
  for (const localization of manifest.contributes.localizations) {
    packs[localization.languageId] = {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(localization.translations.map((t) => [t.id, path.join(installed, t.path)])),
      label: localization.localizedLanguageName,
    };
  }
  fs.writeFileSync(path.join(env.userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}
