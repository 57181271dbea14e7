/**
 * Provisioning of several products at once. The core has no such API yet (see the bench report):
 * each product's user and key are independent of the others', so they can run concurrently and
 * take the time of the slowest one instead of the sum. Every product is awaited, so a failure of
 * one never hides the users the others created.
 */
import { provision, ProvisionInput, ProvisionResult } from '../../src/core/momo/provision';

export async function provisionAllProducts(inputs: ProvisionInput[]): Promise<ProvisionResult[]> {
  const settled = await Promise.allSettled(inputs.map((input) => provision(input)));
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<ProvisionResult>).value);
}
