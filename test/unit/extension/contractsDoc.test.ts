/** docs/contracts.md is the reference for the commands and settings: each one package.json declares is in it. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_IDS } from '../../../src/vscode/commandIds';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

describe('docs/contracts.md', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'contracts.md'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const named = (name: string) => doc.includes(`\`${name}\``);

  it('names every command', () => {
    const commands = new Set<string>([...(manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command), ...COMMAND_IDS]);
    assert.ok(commands.size >= 20);
    assert.deepStrictEqual([...commands].filter((id) => !named(id)), []);
  });

  it('names every setting', () => {
    const settings = ([] as Array<{ properties: Record<string, unknown> }>).concat(manifest.contributes.configuration).flatMap((s) => Object.keys(s.properties));
    assert.ok(settings.length >= 8);
    assert.deepStrictEqual(settings.filter((name) => !named(name)), []);
  });
});
