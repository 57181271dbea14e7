/**
 * Child process: `node provisionChild.js <impl> <baseUrl> <keys JSON> <runs>` times one product
 * and all three products (concurrently) with one implementation against a running emulator.
 * One implementation per process, so that its peak RSS is its own.
 */
import { destroyAgents } from '../../src/core/momo/http';
import { PRODUCTS, Product } from '../../src/core/momo/products';
import { provision } from '../../src/core/momo/provision';
import { reportToParent } from '../lib/childProtocol';
import { timeAsync } from '../lib/timing';
import { mtnMomoProvision } from './mtnMomoProvision';
import { provisionAllProducts } from './provisionAllProducts';

export type Implementation = 'ours' | 'mtn-momo';

export interface ProvisionTimings {
  one: number[];
  three: number[];
  /** Ours only: the three products one after another, as the extension and CLI offer it today. */
  threeInSequence?: number[];
  /** Users and keys created in all, warm-up runs included (the emulator counts the requests). */
  provisioned: number;
}

type ProvisionOne = (product: Product) => Promise<{ apiUser: string; apiKey: string }>;

const CALLBACK_HOST = 'localhost';
const [impl, baseUrl, keysJson, runsArg] = process.argv.slice(2) as [Implementation, string, string, string];
const keys = JSON.parse(keysJson) as Record<Product, string>;
const runs = Number(runsArg) || 5;

const input = (product: Product) => ({ baseUrl, product, subscriptionKey: keys[product], callbackHost: CALLBACK_HOST });
const implementations: Record<Implementation, { one: ProvisionOne; all: () => Promise<Array<{ apiUser: string; apiKey: string }>> }> = {
  ours: {
    one: (product) => provision(input(product)),
    all: () => provisionAllProducts(PRODUCTS.map(input)),
  },
  'mtn-momo': {
    one: (product) => mtnMomoProvision(input(product)),
    all: () => Promise.all(PRODUCTS.map((product) => mtnMomoProvision(input(product)))),
  },
};

let provisioned = 0;

/** A timing of requests that failed would be meaningless: every result must hold a user and key. */
function checked<T extends { apiUser: string; apiKey: string }>(result: T): T {
  if (!/^[0-9a-f-]{36}$/.test(result.apiUser) || !result.apiKey) throw new Error(`${impl} returned no user and key`);
  provisioned++;
  return result;
}

async function main(): Promise<void> {
  const chosen = implementations[impl];
  if (!chosen) throw new Error(`unknown implementation ${impl}`);
  const sampling = { warmup: 1, runs };
  const result: ProvisionTimings = {
    one: await timeAsync(sampling, async () => checked(await chosen.one('collection'))),
    three: await timeAsync(sampling, async () => (await chosen.all()).forEach(checked)),
    provisioned: 0,
  };
  if (impl === 'ours') {
    result.threeInSequence = await timeAsync({ warmup: 0, runs: 1 }, async () => {
      for (const product of PRODUCTS) checked(await chosen.one(product));
    });
  }
  destroyAgents();
  reportToParent({ ...result, provisioned });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
