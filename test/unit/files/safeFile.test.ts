/**
 * src/core/files: bytes that are not UTF-8 round-trip exactly, write bits are read the same
 * way for everyone, and a file is never replaced once it holds other bytes than the plan's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileChangedError, SettingsFileError, describeFileError } from '../../../src/core/files/fileErrors';
import { writeBitsAllow } from '../../../src/core/files/fileKind';
import { withFileLocks } from '../../../src/core/files/fileLock';
import { loadSettingsFile, replaceFile } from '../../../src/core/files/safeFile';
import { decodeSettingsBytes, encodeSettingsText, firstNonUtf8Line } from '../../../src/core/files/settingsBytes';

describe('core/files: settings files on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'momo-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('decodes bytes that are not UTF-8 one per character and encodes them back exactly', () => {
    const input = Buffer.from('# caf\xe9\nX=\xff\xfe?\n', 'latin1');
    const decoded = decodeSettingsBytes(input, '.env');
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'bytes');
    assert.equal(decoded.foreignLine, 1);
    assert.deepEqual(encodeSettingsText(`${decoded.text}MOMO_API_USER=x\n`, decoded.encoding), Buffer.concat([input, Buffer.from('MOMO_API_USER=x\n')]));
    assert.throws(() => encodeSettingsText('☕', 'bytes'), RangeError);
    assert.equal(firstNonUtf8Line(Buffer.from('ok\né\n\xc3(\n', 'latin1')), 2);
    assert.equal(firstNonUtf8Line(Buffer.from('ok\ncafé ☕\n', 'utf8')), undefined);
    const utf8 = decodeSettingsBytes(Buffer.from('\ufeffcafé', 'utf8'), 'a.py');
    assert.ok(utf8.ok && utf8.encoding === 'utf8' && utf8.text === '\ufeffcafé', 'the BOM is kept as text');
  });

  it('reads write bits by owner, group and others, and refuses a file without any to root', function () {
    if (typeof process.getuid !== 'function') this.skip();
    const uid = process.getuid!();
    const gid = process.getgid!();
    if (uid === 0) {
      assert.equal(writeBitsAllow({ mode: 0o100444, uid: 0, gid: 0 }), false);
      assert.equal(writeBitsAllow({ mode: 0o100644, uid: 1000, gid: 1000 }), true);
    } else {
      assert.equal(writeBitsAllow({ mode: 0o100644, uid, gid }), true);
      assert.equal(writeBitsAllow({ mode: 0o100444, uid, gid }), false);
      assert.equal(writeBitsAllow({ mode: 0o100466, uid, gid }), false, 'the owner bits decide for the owner');
    }
  });

  it('never replaces a file that no longer holds the planned-on bytes', async () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'A=1\n');
    const loaded = await loadSettingsFile(file, true);
    assert.equal(loaded.kind, 'file');
    if (loaded.kind !== 'file') return;
    fs.writeFileSync(file, 'A=1\nB=2\n'); // someone else wrote meanwhile
    await assert.rejects(
      replaceFile({ file, realPath: loaded.loaded.realPath, expected: loaded.loaded.bytes, bytes: Buffer.from('A=1\nMOMO=x\n'), mode: 0o644 }),
      FileChangedError,
    );
    assert.equal(fs.readFileSync(file, 'utf8'), 'A=1\nB=2\n');
    await assert.rejects(replaceFile({ file, realPath: file, expected: undefined, bytes: Buffer.from('new'), mode: 0o600 }), FileChangedError, 'a file that appeared is not overwritten');
    assert.equal(await replaceFile({ file, realPath: file, expected: Buffer.from('A=1\nB=2\n'), bytes: Buffer.from('A=1\nB=2\nC=3\n'), mode: 0o640 }), 'renamed');
    assert.equal(fs.readFileSync(file, 'utf8'), 'A=1\nB=2\nC=3\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  });

  it('serializes work on one file and cleans its lock up, also when the work fails', async () => {
    const file = path.join(dir, 'settings.py');
    const order: string[] = [];
    const slow = withFileLocks([file], async () => {
      order.push('a start');
      await new Promise((resolve) => setImmediate(resolve));
      order.push('a end');
    });
    const fast = withFileLocks([file], async () => {
      order.push('b');
    });
    await Promise.all([slow, fast]);
    // Either may take the lock first (the file system decides); what counts is that b never runs inside a.
    assert.ok(
      JSON.stringify(order) === JSON.stringify(['a start', 'a end', 'b']) || JSON.stringify(order) === JSON.stringify(['b', 'a start', 'a end']),
      `the two ran interleaved: ${order.join(', ')}`,
    );
    await assert.rejects(withFileLocks([file], async () => Promise.reject(new Error('boom'))), /boom/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('turns raw errors into sentences that name the file', () => {
    const codes = ['ENOENT', 'EISDIR', 'EBUSY', 'EACCES', 'EROFS', 'ENOSPC', 'EXDEV'];
    for (const code of codes) {
      const text = describeFileError(Object.assign(new Error(`${code}: raw`), { code }), '/p/.env', 'write');
      assert.ok(text.includes('/p/.env'), text);
      assert.ok(!text.includes('raw'), text);
      assert.match(text, /\.$/);
    }
    assert.equal(describeFileError(new SettingsFileError('Already a sentence.'), '/p/.env', 'write'), 'Already a sentence.');
  });
});
