import * as assert from 'assert';
import { SYSTEM_USER_ID_LENGTH } from '../../../src/core/momo/credentialKind';
import { allSecretNames, parseApiUserRecord } from '../../../src/core/store/credentialIndex';
import { indexFromEntries, RECORDS_PREFIX } from '../../../src/core/store/credentialRecords';
import { apiUserTooltip, credentialName, platformLabel, shortApiUser } from '../../../src/core/store/credentialText';
import { apiKeySecretName, normalizeApiUser, parseSecretName } from '../../../src/core/store/secretNames';

const USER_ID = 'Ab+/Cd==';
const RECORD = {
  environment: 'mtnuganda',
  product: 'collection',
  apiUser: 'U3lzdGVt/VXNlcg+=',
  createdAt: '2026-11-30T09:00:00.000Z',
  keyStored: true,
  origin: 'added',
  credentialKind: 'system',
  platform: 'new',
};

describe('store: System Credentials', () => {
  it('keeps a User ID\'s case (UUIDs still compare in lower case)', () => {
    assert.strictEqual(normalizeApiUser(' AbCdEfGh12== '), 'AbCdEfGh12==');
    assert.strictEqual(normalizeApiUser('3F2B8C1E-7D4A-4E6B-9C0D-5A1B2C3D4E5F'), '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f');
  });

  it('names the token\'s secret with the User ID as one segment, and parses it back', () => {
    const name = apiKeySecretName('mtnuganda', 'collection', USER_ID);
    assert.strictEqual(name.split('/').length, 5, name);
    assert.deepStrictEqual(parseSecretName(name), { kind: 'apiKey', environment: 'mtnuganda', product: 'collection', apiUser: USER_ID });
    const uuid = '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f';
    assert.strictEqual(apiKeySecretName('sandbox', 'collection', uuid), `momo/sandbox/collection/apiKey/${uuid}`, 'existing names unchanged');
  });

  it('remembers the kind and the platform of a stored pair', () => {
    const parsed = parseApiUserRecord(RECORD);
    assert.strictEqual(parsed?.credentialKind, 'system');
    assert.strictEqual(parsed?.platform, 'new');
    assert.strictEqual(parsed?.apiUser, RECORD.apiUser);
    const legacy = parseApiUserRecord({ ...RECORD, credentialKind: 'other', platform: 'moon' });
    assert.strictEqual(legacy?.credentialKind, undefined);
    assert.strictEqual(legacy?.platform, undefined);
  });

  it('names the pair and its platform in words, never its token', () => {
    const parsed = parseApiUserRecord(RECORD)!;
    assert.strictEqual(credentialName(parsed), 'System Credentials U3lzdGVt…');
    assert.strictEqual(shortApiUser('3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f'), '3f2b8c1e…');
    assert.strictEqual(platformLabel(parsed), 'new platform');
    assert.strictEqual(platformLabel({ environment: 'mtnuganda' }), 'legacy platform');
    assert.strictEqual(platformLabel({ environment: 'sandbox' }), undefined);
    const tooltip = apiUserTooltip(parsed);
    assert.match(tooltip, /Credential Token is stored in SecretStorage/);
    assert.match(tooltip, /new platform \(momoapi\.momo\.africa\) and is only ever sent to that platform's host/);
  });

  it('finds the token of an unreadable record whose User ID is as long as a User ID may be (128), and its own secret', () => {
    const longId = `${'QUJD'.repeat(31)}QUI=`;
    assert.strictEqual(longId.length, SYSTEM_USER_ID_LENGTH.max);
    const own = apiKeySecretName('mtnuganda', 'collection', longId);
    // The record is unreadable (a product this version does not know) but names its User ID; it sits under a key of another product.
    const broken = { environment: 'mtnuganda', product: 'collection-v2', apiUser: longId, credentialKind: 'system' };
    const stateKey = `${RECORDS_PREFIX}record/${apiKeySecretName('mtnuganda', 'remittance', longId)}`;
    const index = indexFromEntries([[stateKey, broken]]);
    assert.strictEqual(index.apiUsers.length, 0);
    const [kept] = index.unreadable ?? [];
    assert.ok(kept?.secretNames.includes(own), 'the token under every product of its environment is found');
    assert.ok(kept?.secretNames.includes(apiKeySecretName('mtnuganda', 'remittance', longId)), 'and the one its key names');
    assert.ok(allSecretNames(index).includes(own), 'Forget All reaches it');
  });

  it('does not guess secrets from an id longer than any User ID', () => {
    const tooLong = 'A'.repeat(SYSTEM_USER_ID_LENGTH.max + 1);
    const index = indexFromEntries([[`${RECORDS_PREFIX}legacy-garbage`, {}], [`${RECORDS_PREFIX}unreadable/apiUsers/0`, { environment: 'mtnuganda', product: 'collection', apiUser: tooLong }]]);
    assert.deepStrictEqual(index.unreadable, [{ stateKey: `${RECORDS_PREFIX}unreadable/apiUsers/0`, secretNames: [] }]);
  });
});
