import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * A clone of the repository must build, test and run with nothing beside it: no tracked file
 * may read or point at a folder outside the checkout. The needles are assembled so that this
 * file does not match itself.
 */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const NEEDLES = ['..' + '/shared', 'shared' + '/momo', 'testing-in-' + 'real-vscode', 'momo-' + 'openapi/'];

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f && fs.existsSync(path.join(REPO_ROOT, f)));
}

describe('the repository stands on its own', function () {
  before(function () {
    if (!fs.existsSync(path.join(REPO_ROOT, '.git'))) this.skip();
  });

  it('no tracked text file reads or names a folder beside the checkout', () => {
    const offenders: string[] = [];
    for (const file of trackedFiles()) {
      if (/\.(png|jpg|ico|vsix)$/i.test(file)) continue;
      const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
      for (const needle of NEEDLES) if (text.includes(needle)) offenders.push(`${file}: ${needle}`);
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('keeps the MoMo contract and the facts it relies on inside the repository', () => {
    const spec = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'spec', 'momo-operations.json'), 'utf8')) as {
      operations: unknown[];
    };
    assert.ok(spec.operations.length >= 18);
    for (const doc of ['docs/momo-api.md', 'docs/testing.md', 'scripts/generate-momo-spec.js']) {
      assert.ok(fs.existsSync(path.join(REPO_ROOT, doc)), `${doc} is missing`);
    }
  });
});
