// The same five actions against an emulator that does not serve the account-holder call (as
// some gateways do not): the credentials are judged on token and balance, so verification
// passes and the payment goes through.
import type { RunningEmulator } from '../../src/emulator/types';
import { E2EContext, skip } from './harness';
import { checkOutcome, runSetupFlow } from './harness/setupFlow';

export const title = 'set up: gateway without the account-holder call → still verified, SUCCESSFUL in ≤ 5 actions';

export const freshProfile = {
  prepareEmulator(emulator: RunningEmulator): void {
    emulator.injectFault({ kind: 'status', path: '/accountholder/', status: 404, body: { statusCode: 404, message: 'Resource not found' }, times: 1_000_000 });
  },
};

export async function run(ctx: E2EContext): Promise<void> {
  if (!ctx.emulator) skip('the MoMo emulator is not built yet');
  const outcome = await runSetupFlow(ctx, 'setup-no-account-holder');
  checkOutcome(ctx, outcome);
  const served = ctx.emulator.requests.filter((r) => r.path.includes('/accountholder/'));
  if (served.length === 0) throw new Error('verification never asked for an account holder: the variant proves nothing');
  ctx.log(`the account-holder call was refused ${served.length} time(s); verification still passed`);
}
