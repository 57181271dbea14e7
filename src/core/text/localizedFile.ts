/**
 * Media in the reader's language, named the way VS Code names walkthrough media:
 * `guide.md` is English, `guide.nls.fr.md` its French twin. A language without its own file
 * reads the English one; `fr-ca` reads `fr` when there is no `fr-ca` file.
 */

/** The file names to try for `fileName` in `language`, most specific first, English last. */
export function localizedCandidates(fileName: string, language: string): string[] {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const tag = language.toLowerCase().slice(0, 16);
  const languages = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(tag) ? [tag, tag.split('-')[0]] : [];
  const twins = [...new Set(languages)].filter((l) => l !== 'en').map((l) => `${stem}.nls.${l}${extension}`);
  return [...twins, fileName];
}

/** The first of `localizedCandidates` that `exists`. */
export async function localizedFileName(fileName: string, language: string, exists: (name: string) => Promise<boolean>): Promise<string> {
  for (const candidate of localizedCandidates(fileName, language)) {
    if (candidate === fileName || (await exists(candidate))) return candidate;
  }
  return fileName;
}
