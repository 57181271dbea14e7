import * as assert from 'node:assert/strict';
import { settingsFindingToDoctor, workspaceFindings } from '../../../src/core/doctor';
import type { SettingsFixArgs, WorkspaceFile } from '../../../src/core/doctor';
import { detectFindings } from '../../../src/core/settings';
import { assertNoSecrets, checksOf, only } from './helpers';

const REAL_KEY = '7c1f0e5d2b9a48c6a3e1d0f9b8c7a6e5';

const settingsReadingEnvironment = [
  'import os',
  '',
  'MOMO_API_USER = os.environ.get("MOMO_API_USER", "")',
  'MOMO_API_KEY = os.environ.get("MOMO_API_KEY", "")',
  'MOMO_SUBSCRIPTION_KEY = os.environ.get("MOMO_SUBSCRIPTION_KEY", "")',
  '',
].join('\n');

const dotenv = (fileName = '.env', extra: Partial<WorkspaceFile> = {}): WorkspaceFile => ({
  fileName,
  text: `MOMO_API_USER=3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f\nMOMO_API_KEY=${REAL_KEY}\nMOMO_SUBSCRIPTION_KEY=${REAL_KEY.split('').reverse().join('')}\n`,
  ...extra,
});

describe('doctor: workspace findings', () => {
  it('lists the files that hold MoMo values, and leaves other files out', () => {
    const findings = workspaceFindings([
      { fileName: 'mysite/settings.py', text: settingsReadingEnvironment, tracked: true },
      { fileName: 'README.md', text: '# A project without MoMo' },
      { fileName: 'vn/settings.py', text: 'MOMO_PARTNER_CODE = "x"\nMOMO_ACCESS_KEY = "y"\nMOMO_SECRET_KEY = "z"\n', tracked: true },
    ]);
    const files = findings.filter((f) => f.check === 'workspace.files');
    assert.deepEqual(files.map((f) => f.subject), ['mysite/settings.py'], "Vietnam's MoMo wallet is not MTN's");
    assert.match(files[0].message, /MOMO_API_USER \(from the environment\)/);
    assert.deepEqual(files[0].fixes?.map((f) => f.id), ['openFile']);
  });

  it('says so when no file holds MoMo values', () => {
    assert.deepEqual(checksOf(workspaceFindings([{ fileName: 'app.py', text: 'print(1)\n' }])), ['workspace.files:info']);
  });

  it('reports settings that read the environment while nothing loads .env, with the loader as the fix', () => {
    const findings = workspaceFindings([{ fileName: 'mysite/settings.py', text: settingsReadingEnvironment, tracked: true }]);
    const notLoaded = only(findings, 'workspace.dotenvNotLoaded');
    assert.equal(notLoaded.severity, 'warning');
    assert.equal(notLoaded.fixes?.[0].id, 'addDotenvLoader');
    const args = notLoaded.fixes?.[0].args as SettingsFixArgs;
    assert.equal(args.fileName, 'mysite/settings.py');
    assert.equal(args.quickFix?.kind, 'edit');
    assert.ok((args.quickFix?.edits.length ?? 0) > 0);
    assert.equal(notLoaded.fixes?.[notLoaded.fixes.length - 1].id, 'openFile');
  });

  it('counts a loader in another module (manage.py) as loading .env', () => {
    const findings = workspaceFindings([
      { fileName: 'mysite/settings.py', text: settingsReadingEnvironment, tracked: true },
      { fileName: 'manage.py', text: 'from dotenv import load_dotenv\nload_dotenv()\n', tracked: true },
    ]);
    assert.equal(findings.filter((f) => f.check === 'workspace.dotenvNotLoaded').length, 0);
    assert.equal(only(findings, 'workspace.dotenvLoaded').severity, 'ok');
  });

  it('fails a .env that git does not ignore, and offers the .gitignore entry', () => {
    const findings = workspaceFindings([dotenv()], { gitignoreText: 'node_modules/\n' });
    const ignored = only(findings, 'workspace.dotenvIgnored');
    assert.equal(ignored.ok, false);
    assert.equal(ignored.fixes?.[0].id, 'addToGitignore');
    const args = ignored.fixes?.[0].args as { gitignore: { edits: Array<{ newText: string }> } };
    assert.match(args.gitignore.edits[0].newText, /^\.env$/m);
    assertNoSecrets(findings.map((f) => [f.message, f.subject, f.next]), [REAL_KEY]);
  });

  it('passes a .env that .gitignore or git says is ignored', () => {
    assert.equal(only(workspaceFindings([dotenv()], { gitignoreText: '.env\n' }), 'workspace.dotenvIgnored').severity, 'ok');
    assert.equal(only(workspaceFindings([dotenv('.env', { ignored: true })]), 'workspace.dotenvIgnored').severity, 'ok');
    assert.equal(only(workspaceFindings([dotenv()]), 'workspace.dotenvIgnored').severity, 'info', 'unknown without .gitignore text or git');
  });

  it('does not ask to ignore .env.example, which is meant to be committed', () => {
    const findings = workspaceFindings([dotenv('.env.example')], { gitignoreText: null });
    assert.equal(findings.filter((f) => f.check === 'workspace.dotenvIgnored').length, 0);
  });

  it('reports a hard-coded key in a tracked settings file, without repeating it', () => {
    const text = `MOMO_API_USER = "3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f"\nMOMO_API_KEY = "${REAL_KEY}"\n`;
    const findings = workspaceFindings([{ fileName: 'settings.py', text, tracked: true }], { gitignoreText: '.env\n' });
    const secrets = findings.filter((f) => f.check === 'workspace.hardcodedSecret');
    assert.ok(secrets.length >= 1);
    assert.match(secrets[0].message, /git tracks/);
    assert.match(secrets[0].subject ?? '', /^settings\.py:\d+$/);
    assert.equal(secrets[0].fixes?.[0].id, 'applySettingsFix');
    assertNoSecrets(findings.map((f) => [f.message, f.subject, f.next]), [REAL_KEY]);
  });

  it('turns any settings finding into a doctor finding with its line and severity', () => {
    const doc = { fileName: 'app.env', text: 'VITE_MOMO_API_KEY=abc\nMOMO_API_USER=x\n' };
    const [first] = detectFindings(doc, { tracked: true });
    const finding = settingsFindingToDoctor('web/app.env', first);
    assert.equal(finding.check, `workspace.${first.code.replace('momo.', '')}`);
    assert.equal(finding.subject, `web/app.env:${first.range.start.line + 1}`);
    assert.equal(finding.ok, first.severity !== 'error');
  });
});
