// The editor's insert commands against files that cannot be written safely (issue 10 §3),
// sharing the CLI's checks: a .env with bytes that are not UTF-8, a read-only .env, a FIFO and
// a link to /dev/null as the file argument, package.json, and two inserts at once into one
// .env (one per product), which must both land through WorkspaceEdits on the live document.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import * as fs from 'fs';
import type { MomoExtensionApi } from '../../../src/extension';
import { run } from '../extension/testKit';
import { workspaceUri } from '../harness';
import { type InsertResult, makeProject, readText, type StoredUser, useStoredUser } from './settingsKit';

describe('settings: files that cannot be written safely', function () {
  const secrets = new Set<string>();
  const ready = {} as { api: MomoExtensionApi; user: StoredUser };
  useStoredUser(secrets, (api, user) => Object.assign(ready, { api, user }));

  const insert = (file: string, extra: Record<string, unknown> = {}) =>
    run<InsertResult>('momo.insertIntoSettings', { apiUser: ready.user.apiUser, environment: 'sandbox', product: 'collection', file, ...extra });
  const fsPath = (relPath: string) => workspaceUri(relPath).fsPath;

  it('refuses a .env with Latin-1 bytes that VS Code would save as UTF-8, and leaves every byte', async () => {
    const dir = await makeProject('safety-latin1', { 'keep.txt': '' });
    const bytes = Buffer.from('# caf\xe9\nMOMO_API_USER=\n', 'latin1');
    fs.writeFileSync(fsPath(`${dir}/.env`), bytes);
    const result = await insert(`${dir}/.env`);
    assert.strictEqual(result.ok, false);
    assert.match(String(result.reason), /\.env has bytes that are not UTF-8 \(line 1\).*Reopen it with its encoding/);
    assert.deepStrictEqual(fs.readFileSync(fsPath(`${dir}/.env`)), bytes);
  });

  it('refuses a read-only .env', async () => {
    const dir = await makeProject('safety-readonly', { '.env': 'MOMO_API_USER=\n' });
    fs.chmodSync(fsPath(`${dir}/.env`), 0o444);
    const result = await insert(`${dir}/.env`);
    assert.strictEqual(result.ok, false);
    assert.match(String(result.reason), /is read-only \(r--r--r--\), so nothing was written/);
    assert.strictEqual(await readText(`${dir}/.env`), 'MOMO_API_USER=\n');
  });

  it('refuses a FIFO and a link to /dev/null without opening them', async function () {
    if (process.platform === 'win32' || !fs.existsSync('/dev/null')) this.skip();
    const dir = await makeProject('safety-special', { 'keep.txt': '' });
    execFileSync('mkfifo', [fsPath(`${dir}/pipe.env`)]);
    fs.symlinkSync('/dev/null', fsPath(`${dir}/null.env`));
    const pipe = await insert(`${dir}/pipe.env`);
    assert.strictEqual(pipe.ok, false);
    assert.match(String(pipe.reason), /is a named pipe \(FIFO\), not a regular file/);
    const device = await insert(`${dir}/null.env`);
    assert.strictEqual(device.ok, false);
    assert.match(String(device.reason), /is a symbolic link to \/dev\/null, which is a device/);
    assert.ok(fs.statSync('/dev/null').isCharacterDevice());
  });

  it('refuses package.json with the list of supported files', async () => {
    const dir = await makeProject('safety-package', { 'package.json': '{\n  "name": "shop"\n}\n' });
    ready.api.notifier.answerNext(/not a settings file/, undefined);
    const result = await insert(`${dir}/package.json`, { mode: 'value' });
    assert.strictEqual(result.ok, false);
    assert.match(String(result.reason), /no MoMo section.*Supported: .*appsettings\*\.json/);
    assert.strictEqual(await readText(`${dir}/package.json`), '{\n  "name": "shop"\n}\n');
  });

  it('two inserts at once into one .env (one per product) both land', async () => {
    const second = { apiUser: randomUUID(), apiKey: randomBytes(16).toString('hex') };
    secrets.add(second.apiKey);
    await ready.api.store.saveApiUser({ environment: 'sandbox', product: 'disbursement', apiUser: second.apiUser, createdAt: new Date().toISOString(), origin: 'added' }, second.apiKey);
    const dir = await makeProject('safety-parallel', { '.env': 'DEBUG=1\nMOMO_COLLECTION_API_USER=\nMOMO_DISBURSEMENT_API_USER=\n' });
    const [a, b] = await Promise.all([
      insert(`${dir}/.env`),
      run<InsertResult>('momo.insertIntoSettings', { apiUser: second.apiUser, environment: 'sandbox', product: 'disbursement', file: `${dir}/.env` }),
    ]);
    assert.strictEqual(a.ok, true, a.reason);
    assert.strictEqual(b.ok, true, b.reason);
    const text = String(await readText(`${dir}/.env`));
    assert.match(text, new RegExp(`^MOMO_COLLECTION_API_USER=${ready.user.apiUser}$`, 'm'), text);
    assert.match(text, new RegExp(`^MOMO_COLLECTION_API_KEY=${ready.user.apiKey}$`, 'm'), text);
    assert.match(text, new RegExp(`^MOMO_DISBURSEMENT_API_USER=${second.apiUser}$`, 'm'), text);
    assert.match(text, new RegExp(`^MOMO_DISBURSEMENT_API_KEY=${second.apiKey}$`, 'm'), text);
  });
});
