import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import {
  CREDENTIAL_KIND_HINT,
  detectCredentialKind,
  validateCredentialToken,
  validateSecretOf,
  validateSystemUserId,
  validateUserIdOf,
} from '../../../src/core/momo/validation';
import { findEnvironment } from '../../../src/core/momo/environments';
import { otherPlatformRefusal, platformBaseUrl, platformForKind, platformOfHost } from '../../../src/core/momo/platforms';
import { USER_AGENT } from '../../../src/core/version';

const USER_ID = 'c3lzdGVtLXVzZXItMDAx=';
const TOKEN = 'Tk.3f_9-Qx~Lm!Zp=Wr8.yV2_hN-0';

describe('core/momo System Credentials: validation', () => {
  it('accepts a base64 User ID ending in "=" and a token with = . - _ ~ !, unchanged', () => {
    assert.deepEqual(validateSystemUserId(USER_ID), { ok: true, value: USER_ID });
    assert.deepEqual(validateCredentialToken(TOKEN), { ok: true, value: TOKEN });
    for (const c of ['=', '.', '-', '_', '~', '!']) {
      const token = `abcDEF0123456789${c}xyz`;
      assert.deepEqual(validateCredentialToken(token), { ok: true, value: token }, c);
    }
  });

  it('keeps case: User IDs and tokens are case-sensitive', () => {
    const mixed = 'AbCdEfGhIjKlMnOp==';
    assert.equal((validateSystemUserId(mixed) as { value: string }).value, mixed);
  });

  it('cleans what people paste around the value: spaces, quotes, the variable name', () => {
    const notice = 'Removed the surrounding quotes.';
    assert.deepEqual(validateCredentialToken(`  "${TOKEN}"\n`), { ok: true, value: TOKEN, notice, notices: [{ code: 'quotesRemoved', message: notice }] });
    const named = validateCredentialToken(`MOMO_CREDENTIAL_TOKEN=${TOKEN}`);
    assert.equal(named.ok && named.value, TOKEN);
    // A token's own "=" is never taken for NAME=value.
    const own = 'abc_def=ghiJKL0123456789';
    assert.deepEqual(validateCredentialToken(own), { ok: true, value: own });
  });

  const refusals: Array<[string, string, RegExp]> = [
    ['empty', '   ', /Enter the Credential Token/],
    ['inner space', 'abcdefgh ijklmnopqrstu', /spaces or a line break/],
    ['inner line break', 'abcdefghij\nklmnopqrstu', /spaces or a line break/],
    ['non-ASCII', 'abcdefghijklmnopé!rst', /Character 17 .* not a printable ASCII/],
    ['control character', 'abcdefghijklmnop\u0007rst', /not a printable ASCII/],
    ['too short', 'Ab.1_', /too short/],
    ['too long', 'A'.repeat(300), /too long/],
    ['an access token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', /access token/],
  ];
  for (const [name, raw, expected] of refusals) {
    it(`refuses a Credential Token: ${name}, without repeating it`, () => {
      const result = validateCredentialToken(raw);
      assert.equal(result.ok, false);
      const message = (result as { message: string }).message;
      assert.match(message, expected);
      if (raw.trim().length > 6) assert.ok(!message.includes(raw.trim().slice(0, 8)), message);
    });
  }

  it('accepts a UUID or 32 hex as System Credentials with a notice pointing at the other kind', () => {
    const user = validateSystemUserId(uuidv4());
    assert.equal(user.ok, true);
    assert.match((user as { notice?: string }).notice ?? '', /API user/);
    const token = validateCredentialToken('0123456789abcdef0123456789abcdef');
    assert.match((token as { notice?: string }).notice ?? '', /API key/);
  });

  it('validates each kind by its own rules', () => {
    assert.equal(validateUserIdOf('apiKey', USER_ID).ok, false, 'an API user must be a UUID v4');
    assert.equal(validateSecretOf('apiKey', TOKEN).ok, false, 'an API key is 32 hex');
    assert.equal(validateUserIdOf('system', USER_ID).ok, true);
    assert.equal(validateSecretOf('system', TOKEN).ok, true);
    const id = uuidv4();
    assert.deepEqual(validateUserIdOf('apiKey', id), { ok: true, value: id });
  });

  it('recognises the kind from the user id\'s shape', () => {
    assert.equal(detectCredentialKind(uuidv4()), 'apiKey');
    assert.equal(detectCredentialKind(` {${uuidv4().toUpperCase()}} `), 'apiKey');
    assert.equal(detectCredentialKind(USER_ID), 'system');
  });

  it('says in one sentence how to tell the kinds apart', () => {
    assert.equal(CREDENTIAL_KIND_HINT.split(/(?<=[.])\s+(?=[A-Z])/).length, 1);
    assert.match(CREDENTIAL_KIND_HINT, /UUID/);
    assert.match(CREDENTIAL_KIND_HINT, /System Credentials/);
  });
});

describe('core/momo production platforms', () => {
  it('knows both platforms per production environment (Rwanda keeps its own legacy host)', () => {
    const uganda = findEnvironment('mtnuganda')!;
    const rwanda = findEnvironment('mtnrwanda')!;
    assert.equal(platformBaseUrl(uganda, 'legacy'), 'https://proxy.momoapi.mtn.com');
    assert.equal(platformBaseUrl(uganda, 'new'), 'https://momoapi.momo.africa');
    assert.equal(platformBaseUrl(rwanda, 'legacy'), 'https://proxy.momoapi.mtn.co.rw');
    assert.equal(platformBaseUrl(rwanda, 'new'), 'https://momoapi.momo.africa');
    assert.equal(findEnvironment('sandbox')!.newPlatformBaseUrl, undefined);
  });

  it('maps kinds and hosts to platforms', () => {
    assert.equal(platformForKind('system'), 'new');
    assert.equal(platformForKind('apiKey'), 'legacy');
    assert.equal(platformOfHost('momoapi.momo.africa'), 'new');
    assert.equal(platformOfHost('proxy.momoapi.mtn.com'), 'legacy');
    assert.equal(platformOfHost('127.0.0.1:8080'), undefined);
  });

  it('refuses the other platform\'s host for a pair, and nothing else', () => {
    assert.match(otherPlatformRefusal('new', 'https://proxy.momoapi.mtn.com') ?? '', /legacy platform.*not sent/);
    assert.match(otherPlatformRefusal('legacy', 'https://momoapi.momo.africa/') ?? '', /new platform.*not sent/);
    assert.equal(otherPlatformRefusal('new', 'https://momoapi.momo.africa'), undefined);
    assert.equal(otherPlatformRefusal('legacy', 'https://proxy.momoapi.mtn.co.rw'), undefined);
    assert.equal(otherPlatformRefusal('new', 'http://127.0.0.1:4010'), undefined);
  });

  it('introduces itself as momo-credentials/<package.json version>', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as { name: string; version: string };
    assert.equal(USER_AGENT, `${pkg.name}/${pkg.version}`);
  });
});
