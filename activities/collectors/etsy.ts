// The Etsy adapter on the generic provider contract (seed-contract.ts, docs/data-sources.md): Etsy searches with a
// GET query and has a categories call.
import { createSeedContractAdapter, type SeedAdapterConfig } from './seed-contract';
import type { ProviderAdapter } from './types';

export function createEtsyAdapter(config: SeedAdapterConfig, source: string): ProviderAdapter {
  return createSeedContractAdapter({ platform: 'etsy', searchMethod: 'GET', categories: true }, config, source);
}
