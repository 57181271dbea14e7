/**
 * The "is .env loaded?" check for Python settings: values written to .env are invisible when
 * the file reads os.environ but nothing calls load_dotenv() / read_env() / uses decouple.
 * Offers python-dotenv's load_dotenv() after the imports (django-environ files get
 * Env.read_env(), which needs no new package).
 */
import * as l10n from '@vscode/l10n';
import { insertLinesAfter, insertLinesBefore } from '../text/edits';
import type { LoaderOffer, TextEdit } from '../types';
import type { PythonScan } from './scan';
import type { PyStatement } from './statements';

const DOTENV_PACKAGE = 'python-dotenv';

/**
 * Merges a plan's edits with the loader's. Edits at the same offset apply in list order, and
 * there the loader must follow an added `import os` but precede the reads it makes work.
 */
export function withLoaderEdits(edits: readonly TextEdit[], loaderEdits: readonly TextEdit[]): TextEdit[] {
  const isImport = (edit: TextEdit) => /^\s*import os\s*$/.test(edit.newText);
  return [...edits.filter(isImport), ...loaderEdits, ...edits.filter((e) => !isImport(e))];
}

function environLoader(scan: PythonScan, environ: PyStatement): LoaderOffer {
  const text = scan.index.text;
  const rhs = text.slice(environ.start, environ.end);
  const owner = /=\s*environ\.Env\b/.test(rhs) ? 'environ.Env' : 'Env';
  const baseDir = scan.statements.find((s) => s.start < environ.start && /^BASE_DIR\s*=/.test(text.slice(s.start, s.end)));
  const argument = baseDir ? `BASE_DIR / ${scan.quote}.env${scan.quote}` : '';
  return {
    message: l10n.t(
      'This settings file reads MoMo values with django-environ, but nothing calls read_env(), so values in .env are not loaded. Add {0} after the Env() line.',
      `${owner}.read_env(${argument})`,
    ),
    edits: [insertLinesAfter(scan.index, environ.endLine, [`${environ.indent}${owner}.read_env(${argument})`])],
  };
}

/**
 * The loader offer, or undefined when .env is already loaded. `firstReadOffset` is where the
 * first environment read is (or will be, after the plan): the loader must run before it.
 */
export function planDotenvLoader(scan: PythonScan, firstReadOffset: number): LoaderOffer | undefined {
  if (scan.loadsDotenv) return undefined;
  if (scan.envStyle.style === 'decouple') return undefined; // decouple reads .env itself
  if (scan.environAssignment && scan.environAssignment.start < firstReadOffset) return environLoader(scan, scan.environAssignment);
  const message = l10n.t(
    'This settings file reads MoMo values from the environment, but nothing loads .env (no load_dotenv(), read_env() or decouple), so values written to .env are never seen. Add load_dotenv() from {0} (pip install {0}).',
    DOTENV_PACKAGE,
  );
  const lines = ['from dotenv import load_dotenv', '', 'load_dotenv()'];
  const importsBefore = scan.imports.filter((s) => s.end <= firstReadOffset);
  const lastImport = importsBefore[importsBefore.length - 1];
  if (lastImport) {
    const next = lastImport.endLine + 1;
    const spacer = next < scan.index.lineCount && !scan.index.isBlankLine(next) ? [''] : [];
    return { message, edits: [insertLinesAfter(scan.index, lastImport.endLine, [...lines, ...spacer])], packageName: DOTENV_PACKAGE };
  }
  const firstCode = scan.statements.find((s) => s !== scan.docstring && s.start <= firstReadOffset);
  const beforeLine = firstCode ? firstCode.startLine : scan.index.lineAt(Math.min(firstReadOffset, scan.index.text.length));
  if (scan.docstring && scan.docstring.endLine >= beforeLine) {
    return { message, edits: [insertLinesAfter(scan.index, scan.docstring.endLine, ['', ...lines])], packageName: DOTENV_PACKAGE };
  }
  // Before code, keep a blank line; in a file with no code yet the planned block brings its own.
  return { message, edits: [insertLinesBefore(scan.index, beforeLine, firstCode ? [...lines, ''] : lines)], packageName: DOTENV_PACKAGE };
}
