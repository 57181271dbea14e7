import * as assert from 'node:assert/strict';
import { detectFindings } from '../../../src/core/settings';

const TEXT = "import os\nMOMO_API_USER = os.environ.get('MOMO_API_USER', '')\nMOMO_API_KEY = os.getenv('MOMO_API_KEY')\n";
const doc = { text: TEXT, fileName: 'settings.py' };

describe('settings: an empty environment read in a project without .env', () => {
  it('gets the placeholder finding with the fill fix when the project is known to have no .env', () => {
    const findings = detectFindings(doc, { tracked: false, dotenvMissing: true }).filter((f) => f.code === 'momo.placeholder');
    assert.deepEqual(findings.map((f) => f.name), ['MOMO_API_USER', 'MOMO_API_KEY']);
    assert.match(findings[0]?.message ?? '', /reads MOMO_API_USER from the environment, but the project has no \.env/);
    assert.equal(findings[0]?.fixes[0]?.kind, 'fillCredentials');
    assert.equal(findings[0]?.severity, 'information');
  });

  it('says nothing when a .env exists or nothing is known about one', () => {
    assert.deepEqual(detectFindings(doc, { tracked: false }).filter((f) => f.code === 'momo.placeholder'), []);
    const withDotenv = { tracked: false, dotenv: { text: 'MOMO_API_USER=x\n', fileName: '.env' } };
    assert.deepEqual(detectFindings(doc, withDotenv).filter((f) => f.code === 'momo.placeholder'), []);
  });
});
