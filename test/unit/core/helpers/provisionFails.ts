import * as assert from 'node:assert/strict';
import { MomoError } from '../../../../src/core/momo/errors';
import { provision, type ProvisionInput } from '../../../../src/core/momo/provision';
import { assertNoSecretsIn } from './secrets';

/** Runs provision() expecting a MomoError that leaks no subscription key, and returns it. */
export async function provisionFails(input: ProvisionInput): Promise<MomoError> {
  try {
    await provision(input);
  } catch (err) {
    assert.ok(err instanceof MomoError, `expected a MomoError, got ${String(err)}`);
    assertNoSecretsIn(err, [input.subscriptionKey]);
    return err;
  }
  assert.fail('provision succeeded but a failure was expected');
}
