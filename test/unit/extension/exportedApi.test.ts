/**
 * What activate() hands to other extensions: in normal use nothing at all, so no extension can
 * answer a confirmation in advance or make SecretStorage fail; the hooks exist only in the
 * extension's own tests (ExtensionMode.Test). Loads the shipped bundle, dist/extension.js, with
 * a stand-in `vscode` module.
 */
import * as assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import { stubContext } from '../../../bench/activation/stubContext';
import { ExtensionMode } from '../../../bench/activation/vscodeStub';
import { buildCli, repoRoot } from '../cli/helpers/runCli';

type Resolver = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolver };

describe('the exported API', () => {
  const original = moduleInternals._resolveFilename;
  let activate: (context: unknown) => Record<string, unknown>;

  before(() => {
    buildCli(); // builds every bundle, dist/extension.js included
    const stub = require.resolve('../../../bench/activation/vscodeStub');
    moduleInternals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
      return request === 'vscode' ? stub : original.call(this, request, ...rest);
    };
    const bundle = path.join(repoRoot(), 'dist', 'extension.js');
    delete require.cache[bundle];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    activate = (require(bundle) as { activate: typeof activate }).activate;
  });

  after(() => {
    moduleInternals._resolveFilename = original;
  });

  function apiIn(mode: number): Record<string, unknown> {
    const context = { ...stubContext(repoRoot()), extensionMode: mode };
    return activate(context);
  }

  for (const [name, mode] of [['Production', ExtensionMode.Production], ['Development', ExtensionMode.Development]] as const) {
    it(`offers nothing in ${name} mode: no test hook, no notifier to pre-answer, no store`, () => {
      const api = apiIn(mode);
      assert.deepEqual(Object.keys(api), []);
      assert.ok(Object.isFrozen(api));
      for (const hook of ['setSecretStorageFailureForTests', 'notifier', 'store', 'secrets', 'approvals', 'clipboard']) {
        assert.equal((api as Record<string, unknown>)[hook], undefined, hook);
      }
    });
  }

  it('gives the extension tests their hooks in Test mode only', () => {
    const api = apiIn(ExtensionMode.Test);
    assert.equal(typeof api.setSecretStorageFailureForTests, 'function');
    assert.equal(typeof (api.notifier as { answerNext?: unknown }).answerNext, 'function');
  });
});
