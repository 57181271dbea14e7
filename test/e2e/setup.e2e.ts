// Issue 11's promise, from a fresh profile with the sample project: a subscription key to a
// SUCCESSFUL sandbox payment in at most five user actions, with settings.py written.
import { E2EContext, skip } from './harness';
import { checkOutcome, runSetupFlow } from './harness/setupFlow';

export const title = 'set up: fresh profile → Set Up MoMo → SUCCESSFUL payment in ≤ 5 actions';

export const freshProfile = {};

export async function run(ctx: E2EContext): Promise<void> {
  if (!ctx.emulator) skip('the MoMo emulator is not built yet');
  checkOutcome(ctx, await runSetupFlow(ctx, 'setup'));
}
