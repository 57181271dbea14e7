import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';

/**
 * The layer rules live in eslint.config.mjs; these cases prove they catch what they should and
 * let through what they should, so a rule edited by mistake fails here, not in review.
 */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** The distinct rules the code breaks (one import may match a rule's path and its pattern). */
async function ruleIds(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return [...new Set(result.messages.map((m) => m.ruleId ?? m.message))];
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('layer rules (eslint.config.mjs)', function () {
  this.timeout(60_000);

  for (const file of ['src/core/momo/example.ts', 'src/emulator/example.ts', 'src/cli/example.ts']) {
    it(`${file} cannot import vscode or src/vscode`, async () => {
      assert.deepStrictEqual(await ruleIds(file, "import * as vscode from 'vscode';\nexport const a = vscode;\n"), [RESTRICTED]);
      const relative = file.startsWith('src/core/') ? '../../vscode/log' : '../vscode/log';
      assert.deepStrictEqual(await ruleIds(file, `import { MomoLog } from '${relative}';\nexport const a = MomoLog;\n`), [RESTRICTED]);
    });
  }

  it('src/core cannot import the emulator or the CLI', async () => {
    assert.deepStrictEqual(await ruleIds('src/core/momo/example.ts', "import { startEmulator } from '../../emulator/server';\nexport const a = startEmulator;\n"), [RESTRICTED]);
  });

  it('src/extension.ts cannot load the lazy features, but may name their types', async () => {
    assert.deepStrictEqual(await ruleIds('src/extension.ts', "import { activateFeatures } from './vscode/features';\nexport const a = activateFeatures;\n"), [RESTRICTED]);
    assert.deepStrictEqual(await ruleIds('src/extension.ts', "import axios from 'axios';\nexport const a = axios;\n"), [RESTRICTED]);
    assert.deepStrictEqual(await ruleIds('src/extension.ts', "import type * as Features from './vscode/features';\nexport type A = typeof Features;\n"), []);
  });

  it('src/vscode may import vscode and src/core', async () => {
    assert.deepStrictEqual(await ruleIds('src/vscode/example.ts', "import * as vscode from 'vscode';\nimport { PRODUCTS } from '../core/momo/products';\nexport const a = [vscode, PRODUCTS];\n"), []);
  });
});
