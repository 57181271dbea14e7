/** System Credentials (MTN's new platform) in settings files: their names, and a committed Credential Token found. */
import * as assert from 'assert';
import { applyPlan, classifyName, detectFindings, planCredentialInsert, realSecretShape, type CredentialValues } from '../../../src/core/settings';
import { redactSecrets } from '../../../src/core/momo/redact';

const SYSTEM: CredentialValues = { apiUser: 'U3lzdGVtVXNlcjAwNA=', apiKey: 'Rk.4m_P-8q~Wd!Cx=Hs2.gJ6_tY-9', credentialKind: 'system', product: 'collection' };
const LEGACY: CredentialValues = { apiUser: '3b0d5f2c-8e1a-4c7b-9f6d-2a4e8c1b7d95', apiKey: '7c9e2b4f1a3d5e6f8b0c2d4e6f8a0b1c', product: 'collection' };

function write(text: string, values: CredentialValues, fileName = '.env'): string {
  const plan = planCredentialInsert({ text, fileName }, values);
  assert.ok(plan.ok, plan.error);
  return applyPlan(text, plan);
}

describe('settings: System Credentials names', () => {
  it('recognises *_USER_ID, *_CREDENTIAL_TOKEN, MOMO_CREDENTIAL_TOKEN and the *_NEW_* names', () => {
    const roles = (name: string) => {
      const info = classifyName(name);
      return { role: info.role, isMomo: info.isMomo, system: info.system, product: info.product };
    };
    assert.deepStrictEqual(roles('COLLECTION_USER_ID'), { role: 'apiUser', isMomo: true, system: false, product: 'collection' });
    assert.deepStrictEqual(roles('COLLECTION_CREDENTIAL_TOKEN'), { role: 'apiKey', isMomo: true, system: true, product: 'collection' });
    assert.deepStrictEqual(roles('MOMO_CREDENTIAL_TOKEN'), { role: 'apiKey', isMomo: true, system: true, product: undefined });
    assert.deepStrictEqual(roles('MOMO_NEW_USER_ID'), { role: 'apiUser', isMomo: true, system: true, product: undefined });
    assert.deepStrictEqual(roles('COLLECTION_NEW_CREDENTIAL_TOKEN'), { role: 'apiKey', isMomo: true, system: true, product: 'collection' });
    assert.strictEqual(classifyName('CREDENTIAL_TOKEN').isMomo, false, 'no MoMo or product word: not ours');
  });

  it('writes System Credentials into the file\'s COLLECTION_USER_ID / COLLECTION_CREDENTIAL_TOKEN, values exactly as given', () => {
    const text = 'DEBUG=1\nCOLLECTION_USER_ID=\nCOLLECTION_CREDENTIAL_TOKEN=\n';
    assert.strictEqual(write(text, SYSTEM), `DEBUG=1\nCOLLECTION_USER_ID=${SYSTEM.apiUser}\nCOLLECTION_CREDENTIAL_TOKEN=${SYSTEM.apiKey}\n`);
  });

  it('while both platforms run: System Credentials go to *_NEW_*, an API user + key to the legacy names', () => {
    const text = 'MOMO_API_USER=\nMOMO_API_KEY=\nMOMO_NEW_USER_ID=\nMOMO_NEW_CREDENTIAL_TOKEN=\n';
    assert.strictEqual(write(text, SYSTEM), `MOMO_API_USER=\nMOMO_API_KEY=\nMOMO_NEW_USER_ID=${SYSTEM.apiUser}\nMOMO_NEW_CREDENTIAL_TOKEN=${SYSTEM.apiKey}\n`);
    assert.strictEqual(write(text, LEGACY), `MOMO_API_USER=${LEGACY.apiUser}\nMOMO_API_KEY=${LEGACY.apiKey}\nMOMO_NEW_USER_ID=\nMOMO_NEW_CREDENTIAL_TOKEN=\n`);
  });

  it('derives the missing partner in the System Credentials pattern', () => {
    assert.strictEqual(write('MOMO_USER_ID=\n', SYSTEM), `MOMO_USER_ID=${SYSTEM.apiUser}\nMOMO_CREDENTIAL_TOKEN=${SYSTEM.apiKey}\n`);
    assert.strictEqual(write('MOMO_NEW_USER_ID=\n', SYSTEM), `MOMO_NEW_USER_ID=${SYSTEM.apiUser}\nMOMO_NEW_CREDENTIAL_TOKEN=${SYSTEM.apiKey}\n`);
  });

  it('uses the file\'s general names when it has no System Credentials names', () => {
    assert.strictEqual(write('MOMO_API_USER=\nMOMO_API_KEY=\n', SYSTEM), `MOMO_API_USER=${SYSTEM.apiUser}\nMOMO_API_KEY=${SYSTEM.apiKey}\n`);
  });

  it('writes a Python settings file\'s own reads, keeping the token out of the tracked file', () => {
    const text = 'import os\nfrom dotenv import load_dotenv\n\nload_dotenv()\nCOLLECTION_USER_ID = os.environ.get("COLLECTION_USER_ID", "")\nCOLLECTION_CREDENTIAL_TOKEN = os.environ.get("COLLECTION_CREDENTIAL_TOKEN", "")\n';
    const plan = planCredentialInsert({ text, fileName: 'settings.py' }, SYSTEM, { gitignoreText: '.env\n', dotenvIgnored: true });
    assert.ok(plan.ok, plan.error);
    assert.deepStrictEqual(plan.envNames, { apiUser: 'COLLECTION_USER_ID', apiKey: 'COLLECTION_CREDENTIAL_TOKEN' });
    assert.strictEqual(applyPlan('', { ...plan, edits: plan.dotenv!.edits }), `# MTN MoMo API credentials\nCOLLECTION_USER_ID=${SYSTEM.apiUser}\nCOLLECTION_CREDENTIAL_TOKEN=${SYSTEM.apiKey}\n`);
  });
});

describe('settings: a committed Credential Token is found', () => {
  it('knows the Credential Token shape, and leaves words, URLs and placeholders alone', () => {
    assert.strictEqual(realSecretShape(SYSTEM.apiKey!), 'credentialToken');
    for (const value of ['https://momoapi.momo.africa/collection', 'your-credential-token-here', 'momo_credential_token', '${MOMO_CREDENTIAL_TOKEN}', 'Short.1a']) {
      assert.strictEqual(realSecretShape(value), undefined, value);
    }
  });

  it('flags a Credential Token written in a tracked settings.py, without repeating it', () => {
    const text = `COLLECTION_USER_ID = "U3lzdGVtVXNlcjAwNA="\nCOLLECTION_CREDENTIAL_TOKEN = "${SYSTEM.apiKey}"\n`;
    const found = detectFindings({ text, fileName: 'settings.py' }, { gitignoreText: '' }).filter((f) => f.code === 'momo.hardcodedSecret');
    const token = found.find((f) => f.name === 'COLLECTION_CREDENTIAL_TOKEN');
    assert.ok(token, JSON.stringify(found.map((f) => f.name)));
    assert.ok(!token.message.includes(SYSTEM.apiKey!));
  });

  it('redacts a credential token after its field name', () => {
    const text = redactSecrets(`MOMO_CREDENTIAL_TOKEN=${SYSTEM.apiKey}`, []);
    assert.ok(!text.includes(SYSTEM.apiKey!), text);
  });
});
