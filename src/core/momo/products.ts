/** The three MoMo API products. Each has its own subscription keys and token endpoint. */
export const PRODUCTS = ['collection', 'disbursement', 'remittance'] as const;
export type Product = (typeof PRODUCTS)[number];

export const PRODUCT_LABELS: Record<Product, string> = {
  collection: 'Collections',
  disbursement: 'Disbursements',
  remittance: 'Remittances',
};

export function isProduct(value: unknown): value is Product {
  return typeof value === 'string' && (PRODUCTS as readonly string[]).includes(value);
}
