/**
 * `write-settings` under faults and odd files (issue 10 §3), on the built CLI: bytes that are
 * not UTF-8, read-only files (as root too), pipes, devices, folders, symbolic links, missing
 * folders, a file bind-mounted on its own, two runs at once, .gitignore outside git, JSON that
 * is not a settings file and duplicated sections, and a production read of the environment.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertExit, buildCli, runCli } from './helpers/runCli';
import { API_KEY, API_USER, assertNoKey, gitWorks, projects, read } from './helpers/settingsProject';

const write = (file: string, extra: string[] = []) => runCli(['write-settings', '--file', file, '--api-user', API_USER, '--api-key', API_KEY, ...extra]);
const bytes = (text: string) => Buffer.from(text, 'latin1');
/** One sentence, no error code or stack: what the person reads. */
function assertSentence(stderr: string, file: string): void {
  assert.ok(stderr.includes(file), `the message names ${file}: ${stderr}`);
  assert.doesNotMatch(stderr, /\b(ENOENT|EISDIR|EBUSY|EACCES|EPERM|ENOTDIR)\b|\n\s+at /, stderr);
}

describe('cli write-settings under faults (built dist/cli.js)', function () {
  this.timeout(120_000);
  const make = projects();
  before(() => buildCli());

  describe('bytes that are not UTF-8 are kept exactly', () => {
    const cases: { name: string; file: string; input: string; expected: string; extra?: string[] }[] = [
      {
        name: 'settings.py (value mode)',
        file: 'settings.py',
        input: '# caf\xe9\nMOMO_API_USER = ""\nMOMO_API_KEY = ""\n',
        expected: `# caf\xe9\nMOMO_API_USER = "${API_USER}"\nMOMO_API_KEY = "${API_KEY}"\n`,
        extra: ['--mode', 'value'],
      },
      {
        name: 'a `coding: latin-1` module',
        file: 'config/settings.py',
        input: '# -*- coding: latin-1 -*-\nNAME = "Caf\xe9 \xc0 la carte"\nMOMO_API_USER = "your-api-user"\n',
        expected: `# -*- coding: latin-1 -*-\nNAME = "Caf\xe9 \xc0 la carte"\nMOMO_API_USER = "${API_USER}"\nMOMO_API_KEY = "${API_KEY}"\n`,
        extra: ['--mode', 'value'],
      },
      {
        name: '.env',
        file: '.env',
        input: '# caf\xe9\r\nGREETING=ol\xe1\r\nMOMO_API_USER=\r\n',
        expected: `# caf\xe9\r\nGREETING=ol\xe1\r\nMOMO_API_USER=${API_USER}\r\nMOMO_API_KEY=${API_KEY}\r\n`,
      },
      {
        name: 'appsettings.json',
        file: 'appsettings.json',
        input: '{\n  "Title": "caf\xe9",\n  "MoMo": { "ApiUser": "", "ApiKey": "" }\n}\n',
        expected: `{\n  "Title": "caf\xe9",\n  "MoMo": { "ApiUser": "${API_USER}", "ApiKey": "${API_KEY}" }\n}\n`,
        extra: ['--mode', 'value'],
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const dir = make({ [c.file]: bytes(c.input) });
        const run = await write(path.join(dir, c.file), c.extra);
        assertExit(run, 0);
        assertNoKey(run);
        assert.deepEqual(fs.readFileSync(path.join(dir, c.file)), bytes(c.expected));
        assert.match(run.stdout, /not UTF-8 \(line \d+\); they were kept exactly/);
      });
    }

    it('UTF-8 with a BOM and multi-byte characters stays byte for byte', async () => {
      const input = '\ufeff# café ☕\nMOMO_API_USER=\n';
      const dir = make({ '.env': input });
      assertExit(await write(path.join(dir, '.env')), 0);
      assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), `\ufeff# café ☕\nMOMO_API_USER=${API_USER}\nMOMO_API_KEY=${API_KEY}\n`);
    });

    it('refuses a UTF-16 file instead of corrupting it', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('MOMO_API_USER=\n', 'utf16le')]);
      const dir = make({ '.env': utf16 });
      const run = await write(path.join(dir, '.env'));
      assertExit(run, 1);
      assert.match(run.stderr, /UTF-16 or binary/);
      assert.deepEqual(fs.readFileSync(path.join(dir, '.env')), utf16);
    });
  });

  describe('regular files only, write bits respected', () => {
    it('refuses a read-only file (chmod 444), even as root', async () => {
      const dir = make({ '.env': 'MOMO_API_USER=\n' });
      const file = path.join(dir, '.env');
      fs.chmodSync(file, 0o444);
      const run = await write(file);
      assertExit(run, 1);
      assert.match(run.stderr, /is read-only \(r--r--r--\), so nothing was written\. Make it writable \(chmod u\+w/);
      assertSentence(run.stderr, file);
      assert.equal(read(dir, '.env'), 'MOMO_API_USER=\n');
      assert.equal(fs.statSync(file).mode & 0o777, 0o444);
    });

    it('refuses a read-only .env that reference mode would change, before writing anything', async () => {
      const dir = make({ 'settings.py': 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\n', '.env': 'DEBUG=1\n' });
      fs.chmodSync(path.join(dir, '.env'), 0o444);
      const run = await write(path.join(dir, 'settings.py'), ['--mode', 'reference']);
      assertExit(run, 1);
      assert.match(run.stderr, /\.env is read-only/);
      assert.equal(read(dir, 'settings.py'), 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\n', 'the settings file was not changed either');
    });

    it('refuses a FIFO given as --file without blocking', async function () {
      if (process.platform === 'win32') this.skip();
      const dir = make({});
      const fifo = path.join(dir, '.env');
      execFileSync('mkfifo', [fifo]);
      const run = await write(fifo);
      assertExit(run, 1);
      assert.match(run.stderr, /is a named pipe \(FIFO\), not a regular file, so nothing was read or written/);
      assert.ok(fs.lstatSync(fifo).isFIFO(), 'the pipe is still a pipe');
    });

    it('refuses a symbolic link to a device (/dev/null) and leaves the device alone', async function () {
      if (!fs.existsSync('/dev/null')) this.skip();
      const dir = make({});
      const link = path.join(dir, '.env');
      fs.symlinkSync('/dev/null', link);
      const run = await write(link);
      assertExit(run, 1);
      assert.match(run.stderr, /is a symbolic link to \/dev\/null, which is a device, not a regular file/);
      assert.ok(fs.statSync('/dev/null').isCharacterDevice(), '/dev/null is still a device');
      assert.ok(fs.lstatSync(link).isSymbolicLink());
    });

    it('follows a symbolic link to a regular file: the target is written, the link stays', async () => {
      const dir = make({ 'shared/real.env': 'MOMO_API_USER=\n' });
      const link = path.join(dir, '.env');
      fs.symlinkSync(path.join(dir, 'shared', 'real.env'), link);
      assertExit(await write(link), 0);
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(read(dir, 'shared/real.env'), `MOMO_API_USER=${API_USER}\nMOMO_API_KEY=${API_KEY}\n`);
    });

    it('refuses a dangling symbolic link with a sentence', async () => {
      const dir = make({});
      fs.symlinkSync(path.join(dir, 'gone.env'), path.join(dir, '.env'));
      const run = await write(path.join(dir, '.env'));
      assertExit(run, 1);
      assert.match(run.stderr, /is a symbolic link to .*gone\.env, which does not exist/);
    });

    it('says a folder is a folder (no EISDIR)', async () => {
      const dir = make({ 'conf/keep.txt': '' });
      const run = await write(path.join(dir, 'conf'));
      assertExit(run, 1);
      assert.match(run.stderr, /conf is a folder, not a regular file, so nothing was read or written/);
      assertSentence(run.stderr, path.join(dir, 'conf'));
    });

    it('says a missing folder is missing (no ENOENT of a temporary file)', async () => {
      const dir = make({});
      const file = path.join(dir, 'nowhere', '.env');
      const run = await write(file);
      assertExit(run, 1);
      assert.match(run.stderr, /The folder .*nowhere does not exist, so .*\.env could not be created/);
      assertSentence(run.stderr, file);
      assert.doesNotMatch(run.stderr, /\.tmp/);
    });

    it('rewrites a bind-mounted .env in place (the rename answers EBUSY)', async function () {
      const dir = make({ 'outside.env': 'MOMO_API_USER=\n', '.env': '' });
      const target = path.join(dir, '.env');
      if (spawnSync('mount', ['--bind', path.join(dir, 'outside.env'), target], { stdio: 'ignore' }).status !== 0) this.skip();
      try {
        const run = await write(target);
        assertExit(run, 0);
        assert.match(run.stdout, /could not be replaced in one step .* rewritten in place after checking that nothing had changed it/);
        assert.equal(read(dir, 'outside.env'), `MOMO_API_USER=${API_USER}\nMOMO_API_KEY=${API_KEY}\n`);
        assert.deepEqual(fs.readdirSync(dir).sort(), ['.env', 'outside.env'], 'no temporary or lock file left');
      } finally {
        spawnSync('umount', [target], { stdio: 'ignore' });
      }
    });
  });

  describe('two runs at once never lose a write', () => {
    it('one run per product on one .env, 10 times: both products every time, both exit 0', async () => {
      const dir = make({});
      const file = path.join(dir, '.env');
      for (let round = 0; round < 10; round++) {
        fs.writeFileSync(file, 'DEBUG=1\nMOMO_COLLECTION_API_USER=\nMOMO_DISBURSEMENT_API_USER=\n');
        const runs = await Promise.all(['collection', 'disbursement'].map((product) => write(file, ['--product', product])));
        runs.forEach((run) => assertExit(run, 0));
        const text = read(dir, '.env');
        for (const product of ['COLLECTION', 'DISBURSEMENT']) {
          assert.match(text, new RegExp(`^MOMO_${product}_API_USER=${API_USER}$`, 'm'), `round ${round}: ${text}`);
          assert.match(text, new RegExp(`^MOMO_${product}_API_KEY=${API_KEY}$`, 'm'), `round ${round}: ${text}`);
        }
        assert.match(text, /^DEBUG=1$/m);
      }
      assert.deepEqual(fs.readdirSync(dir), ['.env'], 'no lock or temporary file left');
    });

    it('one run per product on one settings.py in reference mode: the .env gets both', async () => {
      const dir = make({ 'settings.py': 'import os\n\nMOMO_COLLECTION_API_USER = ""\nMOMO_REMITTANCE_API_USER = ""\n' });
      const runs = await Promise.all(['collection', 'remittance'].map((product) => write(path.join(dir, 'settings.py'), ['--product', product, '--mode', 'reference'])));
      runs.forEach((run) => assertExit(run, 0));
      const settings = read(dir, 'settings.py');
      const dotenv = read(dir, '.env');
      for (const name of ['MOMO_COLLECTION_API_USER', 'MOMO_REMITTANCE_API_USER']) {
        assert.match(settings, new RegExp(`^${name} = os\\.environ\\.get\\("${name}", ""\\)$`, 'm'), settings);
        assert.match(dotenv, new RegExp(`^${name}=${API_USER}$`, 'm'), dotenv);
      }
    });

    it('takes over the lock of a run that died', async () => {
      const dir = make({ '.env': 'MOMO_API_USER=\n' });
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
      fs.writeFileSync(path.join(dir, '..env.momo-lock'), dead);
      assertExit(await write(path.join(dir, '.env')), 0);
      assert.deepEqual(fs.readdirSync(dir), ['.env']);
    });
  });

  describe('what counts as a settings file', () => {
    it('refuses package.json with the list of what is supported', async () => {
      const input = '{\n  "name": "shop",\n  "version": "1.0.0"\n}\n';
      const dir = make({ 'package.json': input });
      const run = await write(path.join(dir, 'package.json'), ['--mode', 'value']);
      assertExit(run, 1);
      assert.match(run.stderr, /package\.json is not a settings file .* no MoMo section.*Supported: Python \(\.py\), dotenv \(\.env, \.env\.\*\) and JSON \(appsettings\*\.json, or a \.json file that already has a MoMo section\)/);
      assert.equal(read(dir, 'package.json'), input);
    });

    it('accepts another .json that already has a MoMo section', async () => {
      const dir = make({ 'secrets.json': '{ "MoMo": { "ApiUser": "", "ApiKey": "" } }\n' });
      assertExit(await write(path.join(dir, 'secrets.json'), ['--mode', 'value']), 0);
      assert.deepEqual(JSON.parse(read(dir, 'secrets.json')).MoMo, { ApiUser: API_USER, ApiKey: API_KEY });
    });

    it('refuses two "MoMo" sections in one file, naming their lines', async () => {
      const input = '{\n  "MoMo": { "ApiUser": "", "ApiKey": "" },\n  "Logging": {},\n  "MoMo": { "ApiUser": "", "ApiKey": "" }\n}\n';
      const dir = make({ 'appsettings.json': input });
      const run = await write(path.join(dir, 'appsettings.json'), ['--mode', 'value']);
      assertExit(run, 1);
      assert.match(run.stderr, /2 "MoMo" sections \(lines 2 and 4\).*Merge them into one section/);
      assert.equal(read(dir, 'appsettings.json'), input);
    });
  });

  describe('dict-style Django settings', () => {
    it('fills MOMO = {"API_USER": "", "API_KEY": ""} and says where', async () => {
      const dir = make({ 'settings.py': 'DEBUG = True\nMOMO = {"API_USER": "", "API_KEY": ""}\n' });
      const run = await write(path.join(dir, 'settings.py'), ['--mode', 'value']);
      assertExit(run, 0);
      assertNoKey(run);
      assert.equal(read(dir, 'settings.py'), `DEBUG = True\nMOMO = {"API_USER": "${API_USER}", "API_KEY": "${API_KEY}"}\n`);
      assert.match(run.stdout, /✓ Wrote MOMO\["API_USER"\] and MOMO\["API_KEY"\] into/);
    });

    it('refuses a dict it cannot fill, exits 1 and writes nothing', async () => {
      const input = 'MOMO = dict(**BASE_MOMO)\n';
      const dir = make({ 'settings.py': input });
      const run = await write(path.join(dir, 'settings.py'), ['--mode', 'value']);
      assertExit(run, 1);
      assert.doesNotMatch(run.stdout, /Wrote/);
      assert.match(run.stderr, /holds the MoMo settings as a dict, but it has no API user or API key entry/);
      assert.equal(read(dir, 'settings.py'), input);
    });
  });

  describe('.gitignore and reads of the environment', () => {
    it('creates no .gitignore outside a git work tree', async () => {
      const dir = make({ 'settings.py': 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\n' });
      const run = await write(path.join(dir, 'settings.py'), ['--mode', 'reference', '--json']);
      assertExit(run, 0);
      assert.equal(JSON.parse(run.stdout).gitignore, undefined);
      assert.ok(!fs.existsSync(path.join(dir, '.gitignore')), 'a .gitignore was created outside git');
      assert.ok(fs.existsSync(path.join(dir, '.env')));
    });

    it('adds .env to .gitignore inside a git work tree', async function () {
      if (!gitWorks) this.skip();
      const dir = make({ 'settings.py': 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\n' }, { git: true });
      assertExit(await write(path.join(dir, 'settings.py'), ['--mode', 'reference']), 0);
      assert.equal(read(dir, '.gitignore'), '.env\n');
    });

    it('value mode keeps a production read of the environment and puts its value in .env', async () => {
      const input = [
        'import os',
        'from dotenv import load_dotenv',
        '',
        'load_dotenv()',
        'if os.environ.get("ENV") == "production":',
        '    MOMO_API_KEY = os.environ["MOMO_API_KEY"]',
        'else:',
        '    MOMO_API_KEY = "your-api-key"',
        'MOMO_API_USER = ""',
        '',
      ].join('\n');
      const dir = make({ 'settings.py': input });
      const run = await write(path.join(dir, 'settings.py'), ['--mode', 'value']);
      assertExit(run, 0);
      assertNoKey(run);
      const settings = read(dir, 'settings.py');
      assert.match(settings, /^ {4}MOMO_API_KEY = os\.environ\["MOMO_API_KEY"\]$/m, settings);
      assert.match(settings, new RegExp(`^    MOMO_API_KEY = "${API_KEY}"$`, 'm'));
      assert.match(settings, new RegExp(`^MOMO_API_USER = "${API_USER}"$`, 'm'));
      assert.match(read(dir, '.env'), new RegExp(`^MOMO_API_KEY=${API_KEY}$`, 'm'));
      assert.match(run.stdout, /✓ Wrote MOMO_API_USER into .*settings\.py, and MOMO_API_KEY into .*\.env: .*settings\.py reads it from the environment/);
    });
  });
});
