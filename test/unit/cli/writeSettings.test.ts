import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertExit, buildCli, runCli } from './helpers/runCli';
import { API_KEY, API_USER, assertNoKey, gitWorks, projects, read } from './helpers/settingsProject';

const DJANGO_SETTINGS = [
  'import os',
  '',
  'MOMO_SUBSCRIPTION_KEY = os.environ.get("MOMO_SUBSCRIPTION_KEY", "")',
  'MOMO_API_USER = "your-api-user-id"',
  'MOMO_API_KEY = "your-api-key"',
  '',
].join('\n');

describe('cli momo-credentials write-settings (built dist/cli.js)', function () {
  this.timeout(60_000);
  const make = projects();

  before(() => buildCli());

  it('reference mode for a tracked settings.py: the file reads the environment, .env (0600) and .gitignore get the rest', async function () {
    if (!gitWorks) this.skip();
    const dir = make({ 'manage.py': 'import os\n', 'mysite/settings.py': DJANGO_SETTINGS, '.gitignore': '__pycache__/\n' }, { git: true });
    const file = path.join(dir, 'mysite', 'settings.py');
    const run = await runCli(['write-settings', '--file', file, '--api-user', API_USER, '--json'], { MOMO_API_KEY: API_KEY });
    assertExit(run, 0);
    assertNoKey(run);
    const result = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(result), ['file', 'mode', 'changed', 'dotenv', 'gitignore', 'notices']);
    assert.deepEqual(
      { file: result.file, mode: result.mode, changed: result.changed, dotenv: result.dotenv, gitignore: result.gitignore },
      { file, mode: 'reference', changed: true, dotenv: path.join(dir, '.env'), gitignore: path.join(dir, '.gitignore') },
    );
    assert.ok(result.notices.some((n: string) => /python-dotenv/.test(n) && /--add-loader/.test(n)), result.notices.join('\n'));
    assert.match(read(dir, 'mysite/settings.py'), /^MOMO_API_KEY = os\.environ\.get\("MOMO_API_KEY", ""\)$/m);
    assert.equal(read(dir, '.env'), `# MTN MoMo API credentials\nMOMO_API_USER=${API_USER}\nMOMO_API_KEY=${API_KEY}\n`);
    assert.equal(fs.statSync(path.join(dir, '.env')).mode & 0o777, 0o600);
    assert.equal(read(dir, '.gitignore'), '__pycache__/\n.env\n');

    const again = await runCli(['write-settings', '--file', file, '--api-user', API_USER, '--api-key', API_KEY, '--json']);
    assertExit(again, 0);
    assert.equal(JSON.parse(again.stdout).changed, false, 'a second run changes nothing');
    assertNoKey(again);
  });

  it('value mode for a .env, in place: keeps the permissions and the CRLF line ends', async () => {
    const dir = make({ '.env': 'DEBUG=True\r\nMOMO_API_USER=\r\n' });
    const file = path.join(dir, '.env');
    fs.chmodSync(file, 0o640);
    const run = await runCli(['write-settings', '--file', file, '--api-user', API_USER, '--api-key', API_KEY]);
    assertExit(run, 0);
    assertNoKey(run);
    assert.match(run.stdout, /✓ Wrote MOMO_API_USER and MOMO_API_KEY into/);
    assert.equal(read(dir, '.env'), `DEBUG=True\r\nMOMO_API_USER=${API_USER}\r\nMOMO_API_KEY=${API_KEY}\r\n`);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['.env'], 'no temporary file left behind');
  });

  it('adds the .env loader with --add-loader, and names the package', async () => {
    const dir = make({ 'requirements.txt': 'Django\n', 'settings.py': DJANGO_SETTINGS });
    const run = await runCli(['write-settings', '--file', path.join(dir, 'settings.py'), '--api-user', API_USER, '--mode', 'reference', '--add-loader', '--json'], {
      MOMO_API_KEY: API_KEY,
    });
    assertExit(run, 0);
    const result = JSON.parse(run.stdout);
    assert.equal(result.mode, 'reference');
    assert.match(read(dir, 'settings.py'), /^from dotenv import load_dotenv\n\nload_dotenv\(\)$/m);
    assert.equal(read(dir, 'requirements.txt'), 'Django\npython-dotenv\n');
    assert.equal(result.dependencies, path.join(dir, 'requirements.txt'));
    assert.ok(result.notices.some((n: string) => /Added python-dotenv to .*requirements\.txt: install it \(pip install python-dotenv\)/.test(n)), result.notices.join('\n'));

    const again = await runCli(['write-settings', '--file', path.join(dir, 'settings.py'), '--api-user', API_USER, '--mode', 'reference', '--add-loader', '--json'], { MOMO_API_KEY: API_KEY });
    assertExit(again, 0);
    assert.equal(read(dir, 'requirements.txt'), 'Django\npython-dotenv\n', 'never added twice');
  });

  describe('--add-loader and the project\'s dependency file', () => {
    const addLoader = async (dir: string) => {
      const run = await runCli(['write-settings', '--file', path.join(dir, 'settings.py'), '--api-user', API_USER, '--mode', 'reference', '--add-loader', '--json'], { MOMO_API_KEY: API_KEY });
      assertExit(run, 0);
      assertNoKey(run);
      return JSON.parse(run.stdout) as { dependencies?: string; notices: string[] };
    };

    it('adds python-dotenv to Poetry\'s dependencies when there is no requirements.txt', async () => {
      const dir = make({ 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\ndjango = "^4.2"\n\n[build-system]\nrequires = ["poetry-core"]\n', 'settings.py': DJANGO_SETTINGS });
      const result = await addLoader(dir);
      assert.equal(read(dir, 'pyproject.toml'), '[tool.poetry.dependencies]\npython = "^3.11"\ndjango = "^4.2"\npython-dotenv = ">=1.0"\n\n[build-system]\nrequires = ["poetry-core"]\n');
      assert.equal(result.dependencies, path.join(dir, 'pyproject.toml'));
    });

    it('leaves a requirements.txt that lists it in another spelling alone', async () => {
      const dir = make({ 'requirements.txt': 'Python_Dotenv[cli]==1.0.1  # env files\n', 'settings.py': DJANGO_SETTINGS });
      const result = await addLoader(dir);
      assert.equal(read(dir, 'requirements.txt'), 'Python_Dotenv[cli]==1.0.1  # env files\n');
      assert.equal(result.dependencies, undefined);
      assert.ok(result.notices.some((n) => /requirements\.txt already lists python-dotenv/.test(n)), result.notices.join('\n'));
    });

    it('without a dependency file, says what to install and creates none', async () => {
      const dir = make({ 'settings.py': DJANGO_SETTINGS });
      const result = await addLoader(dir);
      assert.ok(result.notices.some((n) => /Install python-dotenv where the project runs \(pip install python-dotenv\)/.test(n)), result.notices.join('\n'));
      assert.ok(!fs.existsSync(path.join(dir, 'requirements.txt')));
    });

    it('a read-only requirements.txt is left as it is, and the message says why', async () => {
      const dir = make({ 'requirements.txt': 'Django\n', 'settings.py': DJANGO_SETTINGS });
      fs.chmodSync(path.join(dir, 'requirements.txt'), 0o444);
      const result = await addLoader(dir);
      assert.equal(read(dir, 'requirements.txt'), 'Django\n');
      assert.ok(result.notices.some((n) => /pip install python-dotenv/.test(n) && /requirements\.txt was not changed/.test(n)), result.notices.join('\n'));
      assert.match(read(dir, 'settings.py'), /^load_dotenv\(\)$/m, 'the settings file is still written');
    });
  });

  it('writes into the --dotenv file given', async () => {
    const dir = make({ 'settings.py': DJANGO_SETTINGS, 'config/.env.local': 'DEBUG=1\n' });
    const run = await runCli(['write-settings', '--file', path.join(dir, 'settings.py'), '--api-user', API_USER, '--api-key', API_KEY, '--mode', 'reference', '--dotenv', path.join(dir, 'config', '.env.local'), '--json']);
    assertExit(run, 0);
    assert.equal(JSON.parse(run.stdout).dotenv, path.join(dir, 'config', '.env.local'));
    assert.match(read(dir, 'config/.env.local'), new RegExp(`^DEBUG=1\n(\n# MTN MoMo API credentials\n)?MOMO_API_USER=${API_USER}\nMOMO_API_KEY=${API_KEY}\n$`));
  });

  it('refuses a production key literally in a tracked file without --yes, and writes it with --yes', async function () {
    if (!gitWorks) this.skip();
    const dir = make({ 'settings.py': 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\n', '.gitignore': '.env\n' }, { git: true });
    const args = ['write-settings', '--file', path.join(dir, 'settings.py'), '--api-user', API_USER, '--api-key', API_KEY, '--mode', 'value', '--target-environment', 'mtnuganda'];
    const refused = await runCli(args);
    assertExit(refused, 1);
    assert.match(refused.stderr, /production MoMo key literally/);
    assert.match(refused.stderr, /--yes/);
    assert.equal(read(dir, 'settings.py'), 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\n');
    assertNoKey(refused);

    const accepted = await runCli([...args, '--yes']);
    assertExit(accepted, 0);
    assert.equal(read(dir, 'settings.py'), `MOMO_API_USER = "${API_USER}"\nMOMO_API_KEY = "${API_KEY}"\n`);
    assertNoKey(accepted);
  });

  it('explains an unsupported file, exits 1 and leaves it alone', async () => {
    const dir = make({ 'config.yml': 'momo:\n  api_user: ""\n' });
    const run = await runCli(['write-settings', '--file', path.join(dir, 'config.yml'), '--api-user', API_USER, '--api-key', API_KEY]);
    assertExit(run, 1);
    assert.match(run.stderr, /YAML files \(config\.yml\) is not supported yet/);
    assert.equal(run.stdout, '');
    assert.equal(read(dir, 'config.yml'), 'momo:\n  api_user: ""\n');
  });

  it('exits 1 for a missing settings file and 2 for wrong options', async () => {
    const dir = make({});
    const missing = await runCli(['write-settings', '--file', path.join(dir, 'settings.py'), '--api-user', API_USER, '--api-key', API_KEY]);
    assertExit(missing, 1);
    assert.match(missing.stderr, /does not exist/);
    assertExit(await runCli(['write-settings', '--api-user', API_USER]), 2);
    assertExit(await runCli(['write-settings', '--file', path.join(dir, '.env'), '--api-user', 'not-a-uuid']), 2);
    const badMode = await runCli(['write-settings', '--file', path.join(dir, '.env'), '--api-user', API_USER, '--mode', 'literal']);
    assertExit(badMode, 2);
    assert.match(badMode.stderr, /--mode must be reference or value/);
    const badKey = await runCli(['write-settings', '--file', path.join(dir, '.env'), '--api-user', API_USER, '--api-key', 'short']);
    assertExit(badKey, 2);
    assert.ok(!badKey.stderr.includes('short'), 'the refused key was echoed');
  });

  it('creates a missing .env and is listed in the help', async () => {
    const dir = make({});
    const run = await runCli(['write-settings', '--file', path.join(dir, '.env'), '--api-user', API_USER], { MOMO_API_KEY: API_KEY });
    assertExit(run, 0);
    assert.equal(read(dir, '.env'), `# MTN MoMo API credentials\nMOMO_API_USER=${API_USER}\nMOMO_API_KEY=${API_KEY}\n`);
    assert.equal(fs.statSync(path.join(dir, '.env')).mode & 0o777, 0o600);
    const help = await runCli(['--help']);
    assert.match(help.stdout, /write-settings\s+Write an API user and key/);
  });
});
