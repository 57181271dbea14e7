import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { machineScopedSettings, writeProfileSettings } from '../../runners/test-environment';

/**
 * code-server's window is a remote one: VS Code reads a machine-scoped setting (our base URLs)
 * from the Remote settings file only. A test profile that wrote the base URL to User/ sent
 * requests to the real sandbox whenever the extension's settings registered early enough.
 */
describe('test profiles put each setting where code-server reads it', function () {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'momo-profile-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('knows the base URLs are machine-scoped in package.json, and the names are not', function () {
    const machine = machineScopedSettings();
    assert.ok(machine.has('momo.sandbox.baseUrl'));
    assert.ok(machine.has('momo.production.baseUrl'));
    assert.ok(!machine.has('momo.settings.apiUserName'));
  });

  it('writes base URLs to Machine/settings.json and the rest to User/settings.json', function () {
    const files = writeProfileSettings(dir, {
      'momo.sandbox.baseUrl': 'http://127.0.0.1:1234',
      'momo.settings.apiUserName': 'MY_USER',
      'files.autoSave': 'off',
    });
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(files.machine, 'utf8')), { 'momo.sandbox.baseUrl': 'http://127.0.0.1:1234' });
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(files.user, 'utf8')), { 'momo.settings.apiUserName': 'MY_USER', 'files.autoSave': 'off' });
    assert.strictEqual(files.machine, path.join(dir, 'Machine', 'settings.json'));
    assert.strictEqual(files.user, path.join(dir, 'User', 'settings.json'));
  });
});
