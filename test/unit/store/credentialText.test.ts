import * as assert from 'assert';
import { emptyIndex, withApiUser, withSubscriptionKey, withVerifyResult } from '../../../src/core/store/credentialIndex';
import { apiUserTooltip, environmentLabel, relativeTime, shortApiUser, statusSummary } from '../../../src/core/store/credentialText';

const ID = '0f4e8a3c-5b7d-4c1e-9a2b-3c4d5e6f7a8b';
const NOW = new Date('2025-06-01T12:00:00.000Z');

describe('store/credentialText', () => {
  it('shortens an API user id to its first block', () => {
    assert.strictEqual(shortApiUser(ID), '0f4e8a3c…');
    assert.strictEqual(shortApiUser('plain'), 'plain');
  });

  it('names environments with their currency', () => {
    assert.strictEqual(environmentLabel('sandbox'), 'Sandbox (EUR)');
    assert.strictEqual(environmentLabel('mtnuganda'), 'Uganda (mtnuganda, UGX)');
    assert.strictEqual(environmentLabel('elsewhere'), 'elsewhere');
  });

  it('says how long ago in words', () => {
    assert.strictEqual(relativeTime('2025-06-01T11:59:30.000Z', NOW), 'just now');
    assert.strictEqual(relativeTime('2025-06-01T11:55:00.000Z', NOW), '5 min ago');
    assert.strictEqual(relativeTime('2025-05-31T12:00:00.000Z', NOW), '1 day ago');
    assert.strictEqual(relativeTime('2024-01-01T00:00:00.000Z', NOW), 'on 2024-01-01');
    assert.strictEqual(relativeTime('garbage', NOW), 'at an unknown time');
  });

  it('explains an API user in one sentence, key state included', () => {
    const text = apiUserTooltip({ environment: 'sandbox', product: 'collection', apiUser: ID, createdAt: '', keyStored: false, origin: 'provisioned' });
    assert.match(text, /Basic-auth pair/);
    assert.match(text, /missing/);
    assert.strictEqual(text.split('. ').length, 1);
  });

  it('summarizes the active credentials for the status bar', () => {
    assert.strictEqual(statusSummary(emptyIndex()).severity, 'none');
    let index = withSubscriptionKey(emptyIndex(), { environment: 'sandbox', product: 'collection', keyType: 'primary', savedAt: '' });
    assert.strictEqual(statusSummary(index).severity, 'warning');
    index = withApiUser(index, { environment: 'sandbox', product: 'collection', apiUser: ID, createdAt: '', keyStored: true, origin: 'provisioned' });
    assert.strictEqual(statusSummary(index, NOW).severity, 'ok');
    assert.match(statusSummary(index, NOW).text, /0f4e8a3c/);
    index = withVerifyResult(index, { environment: 'sandbox', product: 'collection', apiUser: ID }, { at: NOW.toISOString(), ok: false });
    assert.strictEqual(statusSummary(index, NOW).severity, 'error');
  });
});
