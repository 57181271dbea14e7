/**
 * Which of the project's dependency files gets a package the settings now need, decided the
 * same way by the editor and the CLI: requirements.txt first, else pyproject.toml; a file that
 * lists the package already (in any spelling) means nothing is added anywhere.
 */
import type { TextEdit } from '../types';
import { pyprojectEdits, requirementsEdits } from './dependencies';

/** The dependency files a project may have, in the order they are preferred. */
export const DEPENDENCY_FILES = ['requirements.txt', 'pyproject.toml'] as const;
export type DependencyFileName = (typeof DEPENDENCY_FILES)[number];

export interface DependencyFile<F> {
  name: DependencyFileName;
  /** What the caller needs to write it back (a Uri, a path). */
  file: F;
  /** undefined: the project has no such file. */
  text: string | undefined;
}

export type DependencyDecision<F> =
  | { kind: 'listed'; file: F }
  | { kind: 'add'; file: F; text: string; edits: TextEdit[] }
  /** No file can take it: `present` is the first dependency file there is, if any (name it in the advice). */
  | { kind: 'manual'; present: F | undefined };

export function chooseDependencyEdit<F>(files: readonly DependencyFile<F>[], packageName: string): DependencyDecision<F> {
  const present = files.filter((f): f is DependencyFile<F> & { text: string } => f.text !== undefined);
  const planned = present.map((f) => ({ ...f, edits: f.name === 'requirements.txt' ? requirementsEdits(f.text, packageName) : pyprojectEdits(f.text, packageName) }));
  const listing = planned.find((f) => f.edits?.length === 0);
  if (listing) return { kind: 'listed', file: listing.file };
  const target = planned.find((f): f is typeof f & { edits: TextEdit[] } => f.edits !== undefined);
  if (target) return { kind: 'add', file: target.file, text: target.text, edits: target.edits };
  return { kind: 'manual', present: present[0]?.file };
}
