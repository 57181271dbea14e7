/**
 * The CLI's language: `--lang <language>` (anywhere on the command line), else LC_ALL,
 * LC_MESSAGES or LANG as POSIX programs read them (`fr_FR.UTF-8` → fr). Languages without a
 * bundle, and `C` / `POSIX`, mean English. The bundles are the extension's own (l10n/).
 */
import french from '../../l10n/bundle.l10n.fr.json';
import { useBundle, type Bundle } from '../core/text/l10n';
import { UsageError } from './io';

const BUNDLES: Readonly<Record<string, Bundle>> = { fr: french };

export const LANGUAGES = ['en', ...Object.keys(BUNDLES)];

/** argv without its `--lang` option, and the language it named (undefined: not given). */
export function takeLanguageOption(argv: readonly string[]): { argv: string[]; language?: string } {
  const rest: string[] = [];
  let language: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') {
      language = argv[++i] ?? '';
    } else if (arg.startsWith('--lang=')) {
      language = arg.slice('--lang='.length);
    } else {
      rest.push(arg);
    }
  }
  if (language !== undefined && !LANGUAGES.includes(language)) {
    throw new UsageError(`--lang takes one of: ${LANGUAGES.join(', ')}.`);
  }
  return language === undefined ? { argv: rest } : { argv: rest, language };
}

/** The language the environment asks for, as POSIX programs read it (the first set variable wins). */
export function languageFromEnvironment(env: NodeJS.ProcessEnv): string {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  const language = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(value.slice(0, 64))?.[1]?.toLowerCase();
  return language && language in BUNDLES ? language : 'en';
}

/** Core's texts (and the CLI's) in `language` from now on. */
export function useLanguage(language: string): void {
  useBundle(BUNDLES[language], language);
}
