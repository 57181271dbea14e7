import * as assert from 'node:assert/strict';
import { checkTestPaymentInput, TEST_OUTCOME_INFO, TEST_OUTCOMES, validateAmount, validateCallbackUrl, validatePaymentNote } from '../../../src/core/payments';

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
    assert.deepEqual(validateCallbackUrl('https://example.com/momo', 'example.com'), { ok: true, value: 'https://example.com/momo' });
    const other = validateCallbackUrl('https://evil.test/momo', 'example.com');
    assert.equal(other.ok, false);
    assert.match(messageOf(other), /evil\.test.*example\.com.*INVALID_CALLBACK_URL_HOST/);
    // A host registered as a URL by mistake still compares by its host name.
    assert.equal(validateCallbackUrl('https://Example.com/cb', 'https://example.com/').ok, true);
    assert.match(messageOf(validateCallbackUrl('http://example.com/cb')), /^accepted: Production needs https/);
    assert.equal(validateCallbackUrl('ftp://example.com').ok, false);
    assert.equal(validateCallbackUrl('https://user:pw@example.com').ok, false);
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
