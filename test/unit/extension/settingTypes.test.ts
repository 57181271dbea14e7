/** The typed settings table (settingTypes.ts) names every setting package.json contributes, with its type. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SETTING_TYPES } from '../../../src/vscode/settingTypes';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

describe('setting types', () => {
  it('match contributes.configuration, key for key and type for type', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const sections = ([] as Array<{ properties: Record<string, { type: string }> }>).concat(manifest.contributes.configuration);
    const contributed = Object.fromEntries(sections.flatMap((s) => Object.entries(s.properties)).map(([name, p]) => [name, p.type]));
    const typed = Object.fromEntries(Object.entries(SETTING_TYPES).map(([key, type]) => [`momo.${key}`, type]));
    assert.ok(Object.keys(contributed).length >= 8);
    assert.deepStrictEqual(typed, contributed);
  });
});
