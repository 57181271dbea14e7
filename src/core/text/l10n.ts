/**
 * The language of core's texts. Core writes them with `l10n.t('English {0}', value)` from
 * @vscode/l10n (never `vscode`): English unless a bundle is loaded here. The extension loads
 * the one VS Code chose for its display language (vscode.l10n.bundle); the CLI loads
 * l10n/bundle.l10n.<language>.json for `--lang` or LANG. Both read the same file.
 * Texts are translated when they are made, so core never builds one at module load.
 */
import * as l10n from '@vscode/l10n';

/** English text → translated text, as in l10n/bundle.l10n.<language>.json. */
export type Bundle = Readonly<Record<string, string>>;

let language = 'en';

/** Core's texts from now on come from `bundle` (in `languageId`, e.g. "fr"); undefined means English. */
export function useBundle(bundle: Bundle | undefined, languageId: string): void {
  l10n.config({ contents: { ...(bundle ?? {}) } });
  language = bundle ? languageId.toLowerCase() : 'en';
}

/**
 * The singular or the plural text, both already translated: English says "0 errors", French
 * "0 erreur" (0 and 1 take the singular).
 */
export function plural(count: number, singular: string, plurals: string): string {
  const isSingular = count === 1 || (count === 0 && /^fr\b/.test(language));
  return isSingular ? singular : plurals;
}
