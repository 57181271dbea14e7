/**
 * What a validator changed in an accepted value comes with a code per notice, so code (the
 * doctor's format check) reads the codes and never the words, which may be French.
 */
import * as assert from 'node:assert/strict';
import {
  validateApiKey,
  validateApiUser,
  validateBaseUrl,
  validateCallbackHost,
  validateCredentialToken,
  validateSubscriptionKey,
  validateSystemUserId,
  validateTargetEnvironment,
  type Validation,
} from '../../../src/core/momo/validation';
import type { NoticeCode } from '../../../src/core/momo/validationCommon';
import { checkCredentialFormat } from '../../../src/core/doctor/checks/credentialFormat';
import { useFrench } from '../l10n/inFrench';

const KEY = '604eefeda5a9f82c1d33fcb6eb24206f';
const UUID4 = '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f';

const codes = (result: Validation): NoticeCode[] => (result.ok ? (result.notices ?? []).map((n) => n.code) : []);

const CASES: Array<[string, () => Validation, NoticeCode[]]> = [
  ['quotes around a subscription key', () => validateSubscriptionKey(`"${KEY}"`), ['quotesRemoved']],
  ['a variable name and upper case', () => validateSubscriptionKey(`MOMO_SUBSCRIPTION_KEY=${KEY.toUpperCase()}`), ['namePrefixDropped', 'lowercased']],
  ["MTN's example API key", () => validateApiKey('f1db798c98df4bcf83b538175893bbf0'), ['documentationExample']],
  ['braces around an API user', () => validateApiUser(`{${UUID4}}`), ['bracesRemoved']],
  ["MTN's example API user", () => validateApiUser('81660f34-0fda-4873-9fbd-057d8ecf1b98'), ['documentationExample']],
  ['a base URL without a scheme', () => validateBaseUrl('sandbox.momodeveloper.mtn.com'), ['httpsAdded']],
  ['a production host for the sandbox', () => validateBaseUrl('https://proxy.momoapi.mtn.com', { production: false }), ['productionHost']],
  ['a URL as the callback host', () => validateCallbackHost('https://example.com/cb'), ['reducedToHost']],
  ['a port on the callback host', () => validateCallbackHost('example.com:8443'), ['portDropped']],
  ['an unknown mtn<country>', () => validateTargetEnvironment('mtnnewland'), ['unknownTargetEnvironment']],
  ['a UUID as a User ID', () => validateSystemUserId(UUID4), ['looksLikeApiUser']],
  ['hex as a Credential Token', () => validateCredentialToken(KEY), ['looksLikeApiKey']],
  ['a clean key', () => validateSubscriptionKey(KEY), []],
];

const FORMAT = { check: 'subscriptionKey.format', subject: 'key', what: 'subscription key', okMessage: 'ok', fix: { id: 'reenterSubscriptionKey' as const, label: 'again' } };

describe('core/momo validation notices: a code per notice', () => {
  for (const [name, validate, expected] of CASES) {
    it(`${name}: ${expected.join(', ') || 'no notice'}`, () => {
      const result = validate();
      assert.deepEqual(codes(result), expected);
      // The joined text is the notices' messages, for whoever shows them.
      if (result.ok) assert.equal(result.notice, result.notices?.map((n) => n.message).join(' '));
    });
  }

  describe('in French', () => {
    useFrench();

    it('gives the same codes with French messages', () => {
      for (const [name, validate, expected] of CASES) assert.deepEqual(codes(validate()), expected, name);
      const quoted = validateSubscriptionKey(`"${KEY}"`);
      assert.equal(quoted.ok && quoted.notice, 'Les guillemets autour de la valeur ont été retirés.');
    });

    it('still names what came with a stored key, from the codes', () => {
      const format = checkCredentialFormat(`"MOMO_SUBSCRIPTION_KEY=${KEY}"`, validateSubscriptionKey, { ...FORMAT, what: "clé d'abonnement" });
      assert.equal(format.value, KEY);
      assert.equal(format.finding.severity, 'error');
      assert.match(format.finding.message, /des guillemets autour/);
      assert.match(format.finding.message, /un nom de variable devant/);
      assert.doesNotMatch(format.finding.message, /quotes|variable name/);
    });

    it('refuses in French, without the value', () => {
      const refused = validateApiUser(KEY);
      assert.equal(refused.ok, false);
      assert.equal(!refused.ok && refused.message, "32 caractères hexadécimaux sans tirets : cela ressemble à une clé (clé d'abonnement ou clé API), pas à un identifiant d'utilisateur API.");
      const portal = validateBaseUrl('https://momodeveloper.mtn.com/products');
      assert.match(!portal.ok ? portal.message : '', /^momodeveloper\.mtn\.com est le portail développeur de MoMo, un site web et non l'API : utilisez https:\/\/sandbox\.momodeveloper\.mtn\.com\.$/);
    });
  });
});
