import * as assert from 'node:assert/strict';
import { callbackExample, checkTestPaymentInput, TEST_OUTCOME_INFO, TEST_OUTCOMES, validateAmount, validateCallbackUrl, validatePaymentNote } from '../../../src/core/payments';
import { MAX_CALLBACK_URL_LENGTH } from '../../../src/core/payments/testPaymentInput';

type Validation = ReturnType<typeof validateAmount>;
const valueOf = (v: Validation) => (v.ok ? v.value : `refused: ${v.message}`);
const messageOf = (v: Validation) => (v.ok ? `accepted${v.notice ? `: ${v.notice}` : ''}` : v.message);

describe('payments: test payment input', () => {
  it('maps each outcome to its documented sandbox test number', () => {
    assert.deepEqual(
      TEST_OUTCOMES.map((o) => [o, TEST_OUTCOME_INFO[o].partyId, TEST_OUTCOME_INFO[o].expectedReason ?? '']),
      [
        ['success', '46733123460', ''],
        ['failed', '46733123450', 'INTERNAL_PROCESSING_ERROR'],
        ['rejected', '46733123451', 'APPROVAL_REJECTED'],
        ['timeout', '46733123452', 'EXPIRED'],
        ['ongoing', '46733123453', ''],
        ['pending', '46733123454', 'PAYER_DELAYED'],
      ],
    );
  });

  it('accepts positive EUR amounts with at most 2 decimals', () => {
    assert.deepEqual(['5', ' 12.50 ', '0.01', 7, 1.5].map((a) => valueOf(validateAmount(a))), ['5', '12.50', '0.01', '7', '1.5']);
  });

  it('refuses zero, negative, over-precise and decorated amounts with a reason', () => {
    const refused = (raw: string | number) => {
      const result = validateAmount(raw);
      assert.equal(result.ok, false, `${raw} must be refused`);
      return result.ok ? '' : result.message;
    };
    assert.match(refused('0'), /more than 0/);
    assert.match(refused('-5'), /positive/);
    assert.match(refused('1.234'), /at most 2 decimals/);
    assert.match(refused('12,50'), /dot: 12\.50/);
    assert.match(refused('€5'), /plain number/);
    assert.match(refused('1e3'), /plain number/);
    assert.match(refused(''), /Enter an amount/);
    assert.match(refused(Number.NaN), /must be a number/);
  });

  it('limits notes to 160 characters without & or \'', () => {
    assert.equal(validatePaymentNote('x'.repeat(160), 'payerMessage').ok, true);
    assert.match(messageOf(validatePaymentNote('x'.repeat(161), 'payeeNote')), /161 characters.*at most 160/);
    assert.match(messageOf(validatePaymentNote('Tom & Jerry', 'payerMessage')), /contains "&"/);
    assert.match(messageOf(validatePaymentNote("Tom's shop", 'payeeNote')), /contains "'"/);
  });

  it('checks the callback URL against the provider callback host', () => {
    assert.deepEqual(validateCallbackUrl('http://example.com/momo', 'example.com'), { ok: true, value: 'http://example.com/momo' });
    const other = validateCallbackUrl('http://evil.test/momo', 'example.com');
    assert.equal(other.ok, false);
    assert.match(messageOf(other), /evil\.test.*example\.com.*INVALID_CALLBACK_URL_HOST/);
    // A host registered as a URL by mistake still compares by its host name.
    assert.equal(validateCallbackUrl('http://Example.com/cb', 'https://example.com/').ok, true);
    assert.equal(validateCallbackUrl('ftp://example.com').ok, false);
    assert.equal(validateCallbackUrl('http://user:pw@example.com').ok, false);
  });

  it('takes plain http only, since the sandbox calls back over http, and says so with an example', () => {
    const https = validateCallbackUrl('https://webhook.example.com/momo/callback', 'webhook.example.com');
    assert.equal(https.ok, false);
    assert.equal(messageOf(https), 'The sandbox calls back over plain http, not https: write http://webhook.example.com/momo/callback. (Production calls back over https only.)');
    assert.match(messageOf(validateCallbackUrl('https://example.com')), /write http:\/\/example\.com\./);
    assert.equal(messageOf(validateCallbackUrl('http://example.com/cb')), 'accepted');
    // Every refusal shows an http example, on the API user's host when it is known.
    assert.match(messageOf(validateCallbackUrl('', 'shop.example.org')), /such as http:\/\/shop\.example\.org\/momo\/callback, or leave it out/);
    assert.match(messageOf(validateCallbackUrl('shop.example.org/cb')), /write it in full, such as http:\/\/example\.com\/momo\/callback/);
    assert.match(messageOf(validateCallbackUrl('ftp://example.com')), /must start with http:\/\//);
    assert.equal(callbackExample('Shop.Example.org'), 'http://shop.example.org/momo/callback');
  });

  it('refuses a callback URL too long to be real without parsing it', () => {
    const long = `http://example.com/${'a'.repeat(MAX_CALLBACK_URL_LENGTH)}`;
    assert.match(messageOf(validateCallbackUrl(long)), /longer than 2000 characters/);
  });

  it('lists every input problem at once and cleans what it can', () => {
    const { problems } = checkTestPaymentInput({
      product: 'collections!',
      outcome: 'maybe',
      amount: '-1',
      subscriptionKey: 'short',
      apiUser: 'not-a-uuid',
      apiKey: '',
      payerMessage: 'a & b',
    });
    assert.equal(problems.length, 7, problems.join('\n'));
    const { problems: none, clean } = checkTestPaymentInput({
      product: 'collection',
      outcome: 'success',
      amount: 5,
      subscriptionKey: ' "604EEFEDA5A9F82C1D33FCB6EB24206F" ',
      apiUser: '3F2B8C1E-7D4A-4E6B-9C0D-5A1B2C3D4E5F',
      apiKey: '0123456789abcdef0123456789abcdef\n',
    });
    assert.deepEqual(none, []);
    assert.deepEqual(clean, {
      amount: '5',
      subscriptionKey: '604eefeda5a9f82c1d33fcb6eb24206f',
      apiUser: '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f',
      apiKey: '0123456789abcdef0123456789abcdef',
    });
  });
});
