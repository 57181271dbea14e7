/** The ids activate() registers (commandIds.ts; runMomoCommand's id type) match the commands package.json contributes. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { APPLY_FIX_COMMAND, COMMAND_IDS } from '../../../src/vscode/commandIds';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

describe('command ids', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contributed = (manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command);
  const registered = new Set<string>([...COMMAND_IDS, APPLY_FIX_COMMAND]);

  it('registers every contributed command', () => {
    assert.ok(contributed.length >= 13);
    assert.deepStrictEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  it('contributes every registered command but the doctor report\'s own', () => {
    const contributedIds = new Set(contributed);
    assert.deepStrictEqual([...registered].filter((id) => !contributedIds.has(id)), ['momo.applyDoctorFix']);
  });

  it('lists each id once', () => {
    assert.strictEqual(registered.size, COMMAND_IDS.length + 1);
  });
});
