// .env diagnostics in a real VS Code while typing: after a keystroke the check re-scans only the
// lines it touched and moves the findings below them (src/core/settings/incremental), so the
// diagnostics must follow their lines through a value typed across two lines and a deletion
// across lines, and stay on the values they are about.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import { momoApi, resetExtension } from '../extension/testKit';
import { makeProject, open, removeTestProjects, waitForDiagnostics } from './settingsKit';

/** The placeholder on `userLine` and the wrong target environment on `targetLine` (0-based), and nothing else. */
function placedAt(diagnostics: vscode.Diagnostic[], userLine: number, targetLine: number): boolean {
  const on = (code: string, line: number) => diagnostics.some((d) => d.code === code && d.range.start.line === line);
  return diagnostics.length === 2 && on('momo.placeholder', userLine) && on('momo.invalidTargetEnvironment', targetLine);
}

describe('settings: .env diagnostics while typing', function () {
  let api: MomoExtensionApi;

  before(async () => {
    api = await momoApi();
    await resetExtension(api);
  });

  after(async () => {
    await removeTestProjects();
    if (api) await resetExtension(api);
  });

  it('follow their lines through typing and deleting above them', async () => {
    const env = ['DEBUG=1', 'CERT="first', 'second"', 'MOMO_API_USER=your-api-user', 'OTHER=1', 'MOMO_TARGET_ENVIRONMENT=production', ''].join('\n');
    const dir = await makeProject('env-typing', { '.env': env });
    const editor = await open(`${dir}/.env`);
    const document = editor.document;
    await waitForDiagnostics(document.uri, (d) => placedAt(d, 3, 5), 'the placeholder on line 4 and the target environment on line 6');

    // One keystroke at a time below DEBUG=1: an entry whose quoted value spans two lines.
    let offset = document.getText().indexOf('CERT');
    for (const character of 'A="x\ny"\n') {
      const at = document.positionAt(offset++);
      assert.ok(await editor.edit((b) => b.insert(at, character)));
    }
    let diagnostics = await waitForDiagnostics(document.uri, (d) => placedAt(d, 5, 7), 'both two lines further down');
    assert.deepStrictEqual(diagnostics.map((d) => document.getText(d.range)).sort(), ['production', 'your-api-user']);

    // Deleting across lines: CERT's two lines go, from inside its value to the next entry.
    const from = document.getText().indexOf('first');
    const to = document.getText().indexOf('MOMO_API_USER');
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(document.positionAt(from - 'CERT="'.length), document.positionAt(to)))));
    diagnostics = await waitForDiagnostics(document.uri, (d) => placedAt(d, 3, 5), 'both two lines up again');
    assert.deepStrictEqual(diagnostics.map((d) => document.getText(d.range)).sort(), ['production', 'your-api-user']);
  });
});
