import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { MomoError } from '../../../../src/core/momo/errors';

/**
 * Fails if any secret, or its Basic-auth encoding, shows up anywhere in the error: message,
 * causes, steps, JSON form or what console.log would print. Also fails if the error holds on
 * to the failed request (axios errors keep the headers in `config`).
 */
export function assertNoSecretsIn(error: MomoError, secrets: string[]): void {
  const views = [error.message, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), error.stack ?? ''];
  for (const secret of secrets.filter(Boolean)) {
    for (const view of views) {
      assert.ok(!view.includes(secret), `secret ${secret.slice(0, 4)}… found in ${view.slice(0, 200)}`);
    }
  }
  for (const field of ['cause', 'config', 'request', 'response', 'headers']) {
    assert.equal(field in error, false, `MomoError must not carry "${field}"`);
  }
}

export function basicOf(apiUser: string, apiKey: string): string {
  return Buffer.from(`${apiUser}:${apiKey}`).toString('base64');
}
