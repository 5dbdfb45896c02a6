// The Amazon adapter on the generic provider contract (seed-contract.ts, docs/data-sources.md): Amazon searches with
// a POST body and has no categories call.
import { createSeedContractAdapter, type SeedAdapterConfig } from './seed-contract';
import type { ProviderAdapter } from './types';

export function createAmazonAdapter(config: SeedAdapterConfig, source: string): ProviderAdapter {
  return createSeedContractAdapter({ platform: 'amazon', searchMethod: 'POST', categories: false }, config, source);
}
