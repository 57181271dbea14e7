/**
 * Quick-fix data for findings, planned as edits like everything else: move a literal secret
 * to .env (this file's edit + the .env edit + .gitignore), rename a browser-exposed name,
 * replace a literal value (currency, target environment).
 */
import * as l10n from '@vscode/l10n';
import { baseName } from '../dialect';
import { planDotenvWrites } from '../dotenv/plan';
import { scanDotenv } from '../dotenv/scan';
import type { JsonVariable } from '../json/scan';
import type { FindingContext } from './context';
import type { LiteralValue, ScannedVariable } from '../model';
import { gitignoreChangeFor } from '../plan';
import type { EnvWrite } from '../planTypes';
import { planPythonMoveToEnvironment } from '../python/plan';
import type { PythonScan, PyVariable } from '../python/scan';
import { makeEdit } from '../text/edits';
import type { TextIndex } from '../text/textIndex';
import type { CredentialRole, FileChange, FindingOptions, QuickFix, TextEdit } from '../types';
import { isPlaceholderValue } from '../values';

/** Writes `value` in place of a literal, keeping its string prefix and quote characters. */
export function replaceLiteralValue(index: TextIndex, literal: LiteralValue, value: string): TextEdit {
  const raw = index.text.slice(literal.start, literal.end);
  const opening = /^([A-Za-z]*)("""|'''|"|'|`)/.exec(raw);
  if (!opening) return makeEdit(index, literal.start, literal.end, value);
  const [, prefix, quote] = opening;
  return makeEdit(index, literal.start, literal.end, `${prefix}${quote}${value}${quote}`);
}

/** The .env change for moved values; a name .env already holds with a real value is kept. */
function dotenvChange(writes: EnvWrite[], options: FindingOptions): { change: FileChange; kept: string[] } {
  const existing = options.dotenv ? scanDotenv(options.dotenv.text) : undefined;
  const kept: string[] = [];
  const needed = writes.filter((write) => {
    const entry = existing?.entries.find((e) => e.name === write.name);
    if (entry && entry.literal && !isPlaceholderValue(entry.literal.value)) {
      kept.push(write.name);
      return false;
    }
    return true;
  });
  const planned = planDotenvWrites(existing ?? '', needed);
  return { change: { fileName: options.dotenv?.fileName ?? '.env', create: options.dotenv === undefined, edits: planned.edits }, kept };
}

/** The title of a move that takes the value along (no name of it is set in .env already). */
export function moveAlongTitle(): string {
  return l10n.t('Move to .env and read it from the environment');
}

function moveTitle(kept: string[]): string {
  return kept.length ? l10n.t('Read it from the environment (.env already sets {0})', kept.join(', ')) : moveAlongTitle();
}

function pythonMoveFix(scan: PythonScan, variable: PyVariable, value: string, options: FindingOptions): QuickFix | undefined {
  const moved = planPythonMoveToEnvironment(scan, variable, value, options);
  if (moved.edits.length === 0 || moved.envWrites.length === 0) return undefined;
  const { change, kept } = dotenvChange(moved.envWrites, options);
  return {
    kind: 'edit',
    title: moveTitle(kept),
    isPreferred: true,
    edits: moved.edits,
    dotenv: change,
    gitignore: gitignoreChangeFor(change.fileName, options),
    packageName: moved.packageName,
  };
}

function jsonMoveFix(index: TextIndex, variable: JsonVariable, role: CredentialRole, value: string, options: FindingOptions): QuickFix | undefined {
  if (!variable.literal) return undefined;
  const envName = variable.path.join('__');
  const { change, kept } = dotenvChange([{ role, name: envName, value }], options);
  return {
    kind: 'edit',
    title: moveTitle(kept),
    isPreferred: true,
    edits: [makeEdit(index, variable.literal.start, variable.literal.end, '""')],
    dotenv: change,
    gitignore: gitignoreChangeFor(change.fileName, options),
  };
}

function dotenvIgnoreFix(fileName: string, options: FindingOptions): QuickFix | undefined {
  const gitignore = gitignoreChangeFor(fileName, { gitignoreText: options.gitignoreText, dotenvIgnored: false });
  if (!gitignore) return undefined;
  return { kind: 'edit', title: l10n.t('Add {0} to .gitignore', baseName(fileName)), isPreferred: true, edits: [], gitignore };
}

/** Renames a browser-exposed name (and the env name a Python read uses) to the server-side name. */
export function renameEdits(index: TextIndex, variable: ScannedVariable, newName: string): TextEdit[] {
  const edits: TextEdit[] = [];
  if (variable.name === variable.info.name) edits.push(makeEdit(index, variable.nameStart, variable.nameEnd, newName));
  if (variable.envRead && variable.envRead.envName === variable.info.name) {
    edits.push(makeEdit(index, variable.envRead.envNameStart, variable.envRead.envNameEnd, newName));
  }
  return edits;
}

/** The fix of a committed secret: move it to .env (Python, JSON), or ignore the dotenv file itself. */
export function planMoveFix(context: FindingContext, variable: ScannedVariable, value: string): QuickFix | undefined {
  const role = variable.info.role as CredentialRole;
  if (context.python) return pythonMoveFix(context.python, variable as PyVariable, value, context.options);
  if (context.json) return jsonMoveFix(context.scan.index, variable as JsonVariable, role, value, context.options);
  if (context.dialect === 'dotenv') return dotenvIgnoreFix(context.doc.fileName, context.options);
  return undefined;
}
