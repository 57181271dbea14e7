/**
 * Provisioning for several products at once. Each product's user and key are independent, so
 * they run side by side and take the time of the slowest one, not the sum. Every outcome is
 * reported on its own: one product's failure never hides the credentials another one created.
 */
import { classifyError } from './classify';
import type { MomoError } from './momoError';
import type { Product } from './products';
import { provision, type ProvisionInput, type ProvisionResult } from './provision';

export type ProductProvisioning =
  | { product: Product; ok: true; result: ProvisionResult }
  | { product: Product; ok: false; error: MomoError };

export async function provisionAll(inputs: readonly ProvisionInput[]): Promise<ProductProvisioning[]> {
  const settled = await Promise.allSettled(inputs.map((input) => provision(input)));
  return settled.map((outcome, index): ProductProvisioning => {
    const input = inputs[index];
    if (outcome.status === 'fulfilled') return { product: input.product, ok: true, result: outcome.value };
    return { product: input.product, ok: false, error: classifyError(outcome.reason, { host: hostOf(input.baseUrl), operation: 'provision' }) };
  });
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
