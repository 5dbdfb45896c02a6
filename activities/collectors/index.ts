// Builds the provider adapters from configuration: one pooled, rate-limited client per platform, speaking the
// generic provider contract (seed-contract.ts) or the platform's official API (ETSY_ADAPTER=etsy-v3,
// EBAY_ADAPTER=ebay-browse, AMAZON_ADAPTER=amazon-ads).
import type { ProviderConfig } from './provider-config';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
import { createAmazonAdapter } from './amazon';
import { createAmazonAdsAdapter } from './amazon-ads/adapter';
import { createEbayAdapter } from './ebay';
import { createEbayBrowseAdapter } from './ebay-browse/adapter';
import { createEtsyAdapter } from './etsy';
import { createEtsyV3Adapter } from './etsy-v3/adapter';
import { OFFICIAL_ADAPTER } from './provider-config';
import type { SeedAdapterConfig } from './seed-contract';
import type { SharedLimits } from './deployment-limiter';
import type { ProviderAdapter } from './types';

export { ProviderError, type ProviderErrorKind } from './errors';
export type { AdapterName } from './provider-config';
export type { CollectOptions, DegradedCall, FieldProvenance, KeywordMetrics, Provenance, ProviderAdapter } from './types';

const FACTORIES: Record<Platform, (config: SeedAdapterConfig, source: string) => ProviderAdapter> = {
  amazon: createAmazonAdapter,
  etsy: createEtsyAdapter,
  ebay: createEbayAdapter,
};

/**
 * Whether a platform has a provider of its own: an official adapter with its credentials (checked when the
 * configuration loads), or a seed-contract provider URL. The local stack serves the simulator to the others.
 */
export function isProviderConfigured(config: ProviderConfig): boolean {
  const adapter = config.adapter ?? 'seed';
  if (adapter === 'seed') return Boolean(config.baseUrl);
  // another platform's adapter counts as configured, so that checking it fails loudly
  return adapter !== OFFICIAL_ADAPTER[config.platform] || hasCredentials(config);
}

/** Whether an official adapter's credentials are set (without them the local stack serves its simulated API). */
export function hasCredentials(config: ProviderConfig): boolean {
  const credentials = { seed: undefined, 'etsy-v3': config.etsyV3, 'ebay-browse': config.ebayBrowse, 'amazon-ads': config.amazonAds };
  return credentials[config.adapter ?? 'seed'] !== undefined;
}

function seedConfig(config: ProviderConfig, shared?: SharedLimits): SeedAdapterConfig {
  const { platform, baseUrl, apiKey, ratePerSecond, timeoutMs, dailyQuota } = config;
  if (!baseUrl || !apiKey) {
    throw new Error(
      `${platform}: a provider needs both a base URL and an API key (${platform.toUpperCase()}_PROVIDER_URL, ${platform.toUpperCase()}_API_KEY)`,
    );
  }
  return {
    baseUrl,
    apiKey,
    ratePerSecond,
    timeoutMs,
    dailyQuota,
    shared: shared?.({ platform, adapter: 'seed', baseUrl, ratePerSecond, dailyQuota }),
  };
}

/** The official adapter of a configuration, checked without opening anything. */
function official(config: ProviderConfig, limits?: SharedLimits): () => ProviderAdapter {
  const { platform, adapter = 'seed', baseUrl, ratePerSecond, timeoutMs, dailyQuota, etsyV3, ebayBrowse, amazonAds } = config;
  const variable = `${platform.toUpperCase()}_ADAPTER`;
  if (adapter !== OFFICIAL_ADAPTER[platform])
    throw new Error(`${platform}: ${variable} must be seed or ${OFFICIAL_ADAPTER[platform]}, not ${adapter}`);
  const incomplete = new Error(`${platform}: ${adapter} needs its base URL and credentials (${variable} in .env.example)`);
  if (!baseUrl) throw incomplete;
  const common = {
    baseUrl,
    ratePerSecond,
    timeoutMs,
    dailyQuota,
    shared: limits?.({ platform, adapter, baseUrl, ratePerSecond, dailyQuota }),
  };
  const build = {
    'etsy-v3': etsyV3 && (() => createEtsyV3Adapter({ ...common, ...etsyV3 })),
    'ebay-browse': ebayBrowse && (() => createEbayBrowseAdapter({ ...common, ...ebayBrowse })),
    'amazon-ads': amazonAds && (() => createAmazonAdsAdapter({ ...common, ...amazonAds })),
  }[adapter];
  if (!build) throw incomplete;
  return build;
}

/**
 * Checks a configuration, then builds: `source` labels seed-contract data (the provider's host by default);
 * `shared` makes the configured rate and quota hold across every worker process of the deployment.
 */
export function createAdapter(config: ProviderConfig, source?: string, shared?: SharedLimits): ProviderAdapter {
  if ((config.adapter ?? 'seed') !== 'seed') return official(config, shared)();
  const seed = seedConfig(config, shared);
  return FACTORIES[config.platform](seed, source ?? new URL(seed.baseUrl).host);
}

const check = (config: ProviderConfig) => ((config.adapter ?? 'seed') === 'seed' ? seedConfig(config) : official(config));

/** All three adapters, or none: every configuration is checked before any pool opens. */
export function createAdapters(
  providers: Record<Platform, ProviderConfig>,
  sources: Partial<Record<Platform, string>> = {},
  shared?: SharedLimits,
): Record<Platform, ProviderAdapter> {
  for (const platform of PLATFORMS) check(providers[platform]);
  return Object.fromEntries(PLATFORMS.map((p) => [p, createAdapter(providers[p], sources[p], shared)])) as Record<
    Platform,
    ProviderAdapter
  >;
}

/** The platforms that have a provider configured, each configuration checked without opening anything. */
export function configuredPlatforms(providers: Record<Platform, ProviderConfig>): Platform[] {
  const configured = PLATFORMS.filter((p) => isProviderConfigured(providers[p]));
  for (const platform of configured) check(providers[platform]);
  return configured;
}

/** Adapters for the platforms that have a provider configured; a worker serves only those. */
export function createConfiguredAdapters(
  providers: Record<Platform, ProviderConfig>,
  shared?: SharedLimits,
): Partial<Record<Platform, ProviderAdapter>> {
  const configured = configuredPlatforms(providers);
  return Object.fromEntries(configured.map((p) => [p, createAdapter(providers[p], undefined, shared)]));
}
