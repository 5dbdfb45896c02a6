// The eBay adapter: eBay speaks Etsy's side of the generic provider contract (seed-contract.ts).
import { createSeedContractAdapter, type SeedAdapterConfig } from './seed-contract';
import type { ProviderAdapter } from './types';

export function createEbayAdapter(config: SeedAdapterConfig, source: string): ProviderAdapter {
  return createSeedContractAdapter({ platform: 'ebay', searchMethod: 'GET', categories: true }, config, source);
}
