// Builds the provider adapters from configuration: one pooled, rate-limited client per platform.
import type { ProviderConfig } from '../config';
import { PLATFORMS, type Platform } from '../../workflows/types';
import { createAmazonAdapter } from './amazon';
import { createEbayAdapter } from './ebay';
import { createEtsyAdapter } from './etsy';
import type { SeedAdapterConfig } from './seed-contract';
import type { ProviderAdapter } from './types';

export { ProviderError, type ProviderErrorKind } from './errors';
export type { CollectOptions, DegradedCall, KeywordMetrics, ProviderAdapter } from './types';

const FACTORIES: Record<Platform, (config: SeedAdapterConfig, source: string) => ProviderAdapter> = {
  amazon: createAmazonAdapter,
  etsy: createEtsyAdapter,
  ebay: createEbayAdapter,
};

function seedConfig(config: ProviderConfig): SeedAdapterConfig {
  const { platform, baseUrl, apiKey, ratePerSecond, timeoutMs } = config;
  if (!baseUrl || !apiKey) {
    throw new Error(`${platform}: a provider needs both a base URL and an API key (${platform.toUpperCase()}_PROVIDER_URL, ${platform.toUpperCase()}_API_KEY)`);
  }
  return { baseUrl, apiKey, ratePerSecond, timeoutMs };
}

/** `source` labels the data; the provider's host by default ('simulator' whenever the provider says so). */
export function createAdapter(config: ProviderConfig, source?: string): ProviderAdapter {
  const seed = seedConfig(config);
  return FACTORIES[config.platform](seed, source ?? new URL(seed.baseUrl).host);
}

/** All three adapters, or none: every configuration is checked before any pool opens. */
export function createAdapters(
  providers: Record<Platform, ProviderConfig>,
  sources: Partial<Record<Platform, string>> = {},
): Record<Platform, ProviderAdapter> {
  for (const platform of PLATFORMS) seedConfig(providers[platform]);
  return Object.fromEntries(PLATFORMS.map((p) => [p, createAdapter(providers[p], sources[p])])) as Record<Platform, ProviderAdapter>;
}

/** Adapters for the platforms that have a provider configured; a worker serves only those. */
export function createConfiguredAdapters(providers: Record<Platform, ProviderConfig>): Partial<Record<Platform, ProviderAdapter>> {
  const configured = PLATFORMS.filter((p) => providers[p].baseUrl);
  for (const platform of configured) seedConfig(providers[platform]);
  return Object.fromEntries(configured.map((p) => [p, createAdapter(providers[p])]));
}
