/**
 * Assertions shared by the corpus and the property tests: bytes outside the changed lines
 * are untouched, new text uses the file's own line break, and Python outputs still parse
 * (checked in one python3 process for a whole batch; skipped when python3 is missing).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextIndex } from '../../../src/core/settings/text/textIndex';
import type { TextEdit } from '../../../src/core/settings';

/**
 * Every byte outside the lines the edits touch is unchanged, at its shifted position.
 * A changed line runs from the start of an edit's first line to the end of its last line.
 */
export function assertOnlyChangedLines(original: string, edits: readonly TextEdit[], output: string): void {
  const index = new TextIndex(original);
  const regions = edits
    .map((e) => [index.lineStarts[index.lineAt(e.startOffset)], index.contentEnds[index.lineAt(e.endOffset)]] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const region of regions) {
    const last = merged[merged.length - 1];
    if (last && region[0] <= last[1]) last[1] = Math.max(last[1], region[1]);
    else merged.push([...region]);
  }
  const segments: [number, number][] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push([cursor, start]);
    cursor = Math.max(cursor, end);
  }
  if (cursor < original.length) segments.push([cursor, original.length]);
  for (const [a, b] of segments) {
    for (const e of edits) {
      const inside = e.startOffset === e.endOffset ? a < e.startOffset && e.startOffset < b : e.startOffset < b && e.endOffset > a;
      assert.ok(!inside, `edit at ${e.startOffset}-${e.endOffset} reaches into unchanged bytes ${a}-${b}`);
    }
    const shift = edits.filter((e) => e.endOffset <= a).reduce((sum, e) => sum + e.newText.length - (e.endOffset - e.startOffset), 0);
    assert.strictEqual(output.slice(a + shift, b + shift), original.slice(a, b), `bytes ${a}-${b} changed`);
  }
}

/** Inserted text breaks lines only with the file's own (dominant) line break. */
export function assertLineBreaksMatch(original: string, edits: readonly TextEdit[]): void {
  const eol = new TextIndex(original).eol;
  for (const edit of edits) {
    const rest = edit.newText.split(eol).join('');
    assert.ok(!/[\r\n]/.test(rest), `edit uses a foreign line break: ${JSON.stringify(edit.newText)}`);
  }
}

export function assertFileShapeKept(original: string, output: string): void {
  assert.strictEqual(output.startsWith('\uFEFF'), original.startsWith('\uFEFF'), 'BOM changed');
  const body = original.replace(/^\uFEFF/, '');
  if (body.length > 0) {
    assert.strictEqual(/[\r\n]$/.test(output), /[\r\n]$/.test(original), 'trailing newline state changed');
  }
}

let python: string | null | undefined;

/** The python3 executable, or null when there is none (the parse checks are then skipped). */
export function pythonExecutable(): string | null {
  if (python !== undefined) return python;
  const probe = spawnSync('python3', ['-c', 'import ast'], { encoding: 'utf8' });
  python = probe.error || probe.status !== 0 ? null : 'python3';
  return python;
}

/** Files (by label) whose text does not parse with Python's ast; [] when all parse. */
export function pythonParseFailures(sources: { label: string; text: string }[]): string[] {
  const exe = pythonExecutable();
  if (!exe || sources.length === 0) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'momo-settings-ast-'));
  try {
    const files = sources.map((source, i) => {
      const file = path.join(dir, `case${i}.py`);
      fs.writeFileSync(file, source.text, 'utf8');
      return file;
    });
    // One interpreter for the batch: starting python3 per file would dominate the test time.
    const script = [
      'import ast, sys',
      'for name in sys.argv[1:]:',
      '    try:',
      "        ast.parse(open(name, encoding='utf-8-sig').read())",
      '    except SyntaxError as error:',
      "        print(name + ': ' + str(error))",
    ].join('\n');
    const run = spawnSync(exe, ['-c', script, ...files], { encoding: 'utf8' });
    const failed = run.stdout.split('\n').filter(Boolean);
    return failed.map((line) => {
      const i = Number(/case(\d+)\.py/.exec(line)?.[1]);
      return `${sources[i]?.label ?? '?'}: ${line.slice(line.indexOf(': ') + 2)}`;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
