/**
 * The bench's view of the core's provisionAll: the timed call resolves with every product's
 * credentials, and fails as soon as any product failed (a benchmark wants all or nothing).
 */
import type { ProvisionInput, ProvisionResult } from '../../src/core/momo/provision';
import { provisionAll } from '../../src/core/momo/provisionAll';

export async function provisionAllProducts(inputs: ProvisionInput[]): Promise<ProvisionResult[]> {
  const outcomes = await provisionAll(inputs);
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  });
}
