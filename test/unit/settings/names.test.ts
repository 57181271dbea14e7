/** Name knowledge: roles, products, browser prefixes, Vietnam names, and which names to write. */
import * as assert from 'assert';
import { classifyName } from '../../../src/core/settings';
import { chooseNames, deriveName } from '../../../src/core/settings/names/chooseNames';
import { formatName, splitName } from '../../../src/core/settings/names/nameParts';

const DEFAULTS = { apiUser: 'MOMO_API_USER', apiKey: 'MOMO_API_KEY' };

describe('settings names', () => {
  describe('classifyName', () => {
    // The names of docs/momo-api.md, "Names projects give these values".
    const table: [string, string, string | undefined][] = [
      ['MOMO_API_USER', 'apiUser', undefined],
      ['MOMO_API_USER_ID', 'apiUser', undefined],
      ['MOMO_USER_ID', 'apiUser', undefined],
      ['MOMO_COLLECTION_ID', 'apiUser', 'collection'],
      ['MTN_MOMO_API_USER', 'apiUser', undefined],
      ['COLLECTION_USER_ID', 'apiUser', 'collection'],
      ['MOMO_CLIENT_ID', 'apiUser', undefined],
      ['MOMO_API_KEY', 'apiKey', undefined],
      ['MOMO_API_SECRET', 'apiKey', undefined],
      ['MOMO_COLLECTION_SECRET', 'apiKey', 'collection'],
      ['MTN_MOMO_API_KEY', 'apiKey', undefined],
      ['COLLECTION_API_SECRET', 'apiKey', 'collection'],
      ['MOMO_CLIENT_SECRET', 'apiKey', undefined],
      ['MOMO_SUBSCRIPTION_KEY', 'subscriptionKey', undefined],
      ['MOMO_SUBSCRIPTION_KEY_PRIMARY', 'subscriptionKey', undefined],
      ['MOMO_COLLECTION_SUBSCRIPTION_KEY', 'subscriptionKey', 'collection'],
      ['MTN_MOMO_SUBSCRIPTION_KEY', 'subscriptionKey', undefined],
      ['COLLECTION_PRIMARY_KEY', 'subscriptionKey', 'collection'],
      ['MOMO_PRIMARY_KEY', 'subscriptionKey', undefined],
      ['MOMO_DISBURSEMENT_API_USER', 'apiUser', 'disbursement'],
      ['MOMO_REMITTANCE_API_KEY', 'apiKey', 'remittance'],
      ['momoApiKey', 'apiKey', undefined],
      ['MOMO_TARGET_ENVIRONMENT', 'targetEnvironment', undefined],
      ['MOMO_CURRENCY', 'currency', undefined],
      ['MOMO_BASE_URL', 'baseUrl', undefined],
      ['MOMO_CALLBACK_HOST', 'callbackHost', undefined],
    ];
    for (const [name, role, product] of table) {
      it(`${name} → ${role}${product ? ` (${product})` : ''}`, () => {
        const info = classifyName(name);
        assert.strictEqual(info.isMomo, true);
        assert.strictEqual(info.role, role);
        assert.strictEqual(info.product, product);
      });
    }

    it('reads JSON keys as MoMo only inside a MoMo section', () => {
      assert.strictEqual(classifyName('ApiUser').isMomo, false);
      assert.strictEqual(classifyName('ApiUser', { momoSection: true }).role, 'apiUser');
      assert.strictEqual(classifyName('SubscriptionKey', { momoSection: true }).role, 'subscriptionKey');
      assert.strictEqual(classifyName('CollectionApiKey', { momoSection: true }).product, 'collection');
    });

    it("marks Vietnam's wallet names and gives them no MTN role", () => {
      for (const name of ['MOMO_PARTNER_CODE', 'MOMO_ACCESS_KEY', 'MOMO_SECRET_KEY']) {
        const info = classifyName(name);
        assert.strictEqual(info.vietnam, true, name);
        assert.strictEqual(info.role, undefined, name);
      }
    });

    it('finds browser-exposed prefixes as written', () => {
      assert.strictEqual(classifyName('VITE_MOMO_API_KEY').browserPrefix, 'VITE_');
      assert.strictEqual(classifyName('NEXT_PUBLIC_MOMO_SUBSCRIPTION_KEY').browserPrefix, 'NEXT_PUBLIC_');
      assert.strictEqual(classifyName('REACT_APP_MOMO_API_USER').role, 'apiUser');
      assert.strictEqual(classifyName('MOMO_API_KEY').browserPrefix, undefined);
    });

    it('ignores unrelated names', () => {
      for (const name of ['SECRET_KEY', 'API_KEY', 'USER_ID', 'DEBUG', 'STRIPE_API_KEY']) assert.strictEqual(classifyName(name).isMomo, false, name);
    });
  });

  describe('splitName / formatName', () => {
    it('round-trips the common styles', () => {
      for (const name of ['MOMO_API_USER', 'momo_api_user', 'MomoApiUser', 'momoApiUser']) {
        const parts = splitName(name);
        assert.deepStrictEqual(parts.tokens, ['MOMO', 'API', 'USER'], name);
        assert.strictEqual(formatName(parts.tokens, parts.style), name);
      }
    });
  });

  describe('deriveName', () => {
    it('swaps the role and the product, keeping the style', () => {
      assert.strictEqual(deriveName(classifyName('MOMO_COLLECTION_USER_ID'), ['API', 'KEY'], 'disbursement'), 'MOMO_DISBURSEMENT_API_KEY');
      assert.strictEqual(deriveName(classifyName('CollectionApiUser', { momoSection: true }), ['API', 'KEY']), 'CollectionApiKey');
      assert.strictEqual(deriveName(classifyName('VITE_MOMO_API_KEY'), ['API', 'KEY']), 'MOMO_API_KEY');
    });
  });

  describe('chooseNames', () => {
    const infos = (...names: string[]) => names.map((n) => classifyName(n));

    it('uses the defaults for a file without MoMo names', () => {
      const chosen = chooseNames(infos('DEBUG'), ['apiUser', 'apiKey'], undefined, DEFAULTS);
      assert.strictEqual(chosen.byRole.apiUser?.name, 'MOMO_API_USER');
      assert.strictEqual(chosen.byRole.apiKey?.name, 'MOMO_API_KEY');
    });

    it("reuses the file's names and derives a missing partner", () => {
      const chosen = chooseNames(infos('MOMO_CLIENT_ID'), ['apiUser', 'apiKey'], undefined, DEFAULTS);
      assert.strictEqual(chosen.byRole.apiUser?.name, 'MOMO_CLIENT_ID');
      assert.strictEqual(chosen.byRole.apiKey?.name, 'MOMO_CLIENT_SECRET');
    });

    it('prefers the product, then the generic name, then another product rewritten', () => {
      const names = infos('MOMO_COLLECTION_USER_ID', 'MOMO_API_USER');
      assert.strictEqual(chooseNames(names, ['apiUser'], 'collection', DEFAULTS).byRole.apiUser?.name, 'MOMO_COLLECTION_USER_ID');
      assert.strictEqual(chooseNames(names, ['apiUser'], 'remittance', DEFAULTS).byRole.apiUser?.name, 'MOMO_API_USER');
      const perProduct = chooseNames(infos('MOMO_COLLECTION_USER_ID'), ['apiUser'], 'remittance', DEFAULTS);
      assert.deepStrictEqual([perProduct.byRole.apiUser?.name, perProduct.byRole.apiUser?.existing], ['MOMO_REMITTANCE_USER_ID', false]);
    });

    it('prefers the primary subscription key over the secondary', () => {
      const chosen = chooseNames(infos('MOMO_SUBSCRIPTION_KEY_SECONDARY', 'MOMO_SUBSCRIPTION_KEY_PRIMARY'), ['subscriptionKey'], undefined, DEFAULTS);
      assert.strictEqual(chosen.byRole.subscriptionKey?.name, 'MOMO_SUBSCRIPTION_KEY_PRIMARY');
    });

    it('never reuses Vietnam names or browser-exposed names', () => {
      assert.strictEqual(chooseNames(infos('MOMO_SECRET_KEY'), ['apiKey'], undefined, DEFAULTS).byRole.apiKey?.name, 'MOMO_API_KEY');
      const exposed = chooseNames(infos('NEXT_PUBLIC_MOMO_API_SECRET'), ['apiKey'], undefined, DEFAULTS);
      assert.strictEqual(exposed.byRole.apiKey?.name, 'MOMO_API_SECRET');
      assert.strictEqual(exposed.notices.length, 1);
    });
  });
});
