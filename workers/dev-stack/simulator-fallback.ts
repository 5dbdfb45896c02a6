// Platforms with no provider of their own (no *_PROVIDER_URL; an official *_ADAPTER without its credentials) and a
// demand source without credentials are served by a provider simulator: the local stack's own, or a standalone
// worker's SIMULATOR_URL. The simulator labels its answers, so every such row's source says "simulator".
import { isProviderConfigured } from '../../activities/collectors';
import type { GoogleAdsConfig } from '../../activities/collectors/google-ads/adapter';
import type { ProviderConfig } from '../../activities/collectors/provider-config';
import type { AppConfig } from '../config/config';
import { defaultCredentials } from '../simulator/official/state';
import { GOOGLE_ADS_PREFIX, OFFICIAL_PREFIXES } from '../simulator/official';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';

export type Providers = AppConfig['providers'];
type Simulator = NonNullable<AppConfig['simulator']>;

/** Any product works with the simulated Amazon Ads API; a seller's own come with their credentials. */
const SIMULATED_ASINS = ['B0SIMULATD'];
const GOOGLE_ADS_VERSION = '/v26';

export function unconfiguredPlatforms(providers: Providers): Platform[] {
  return PLATFORMS.filter((p) => !isProviderConfigured(providers[p]));
}

const credentialsOf = (simulator: Simulator) =>
  defaultCredentials({ amazon: simulator.apiKey, etsy: simulator.apiKey, ebay: simulator.apiKey });

/** An official adapter pointed at its simulated API with the simulator's credentials. */
function simulatedOfficial(provider: ProviderConfig, simulator: Simulator): ProviderConfig {
  const credentials = credentialsOf(simulator);
  const baseUrl = `${simulator.url}${OFFICIAL_PREFIXES[provider.platform]}`;
  switch (provider.adapter) {
    case 'etsy-v3':
      return { ...provider, baseUrl, etsyV3: credentials.etsy };
    case 'ebay-browse':
      return { ...provider, baseUrl, ebayBrowse: { ...credentials.ebay, marketplaceId: 'EBAY_US' } };
    default:
      return { ...provider, baseUrl, amazonAds: { ...credentials.amazon, tokenUrl: `${baseUrl}/auth/o2/token`, asins: SIMULATED_ASINS } };
  }
}

/** Seed-contract platforms are served under `<url>/<platform>`, official adapters under their API's prefix. */
export function withSimulatorFallback(providers: Providers, simulator: AppConfig['simulator']): Providers {
  if (!simulator) return providers;
  const out = { ...providers };
  for (const p of unconfiguredPlatforms(providers)) {
    out[p] =
      (out[p].adapter ?? 'seed') === 'seed'
        ? { ...out[p], baseUrl: `${simulator.url}/${p}`, apiKey: simulator.apiKey }
        : simulatedOfficial(out[p], simulator);
  }
  return out;
}

/** The demand source's adapter settings: its own credentials, else the simulator's; undefined without either. */
export function demandSettings(demand: AppConfig['demand'], simulator: AppConfig['simulator']): GoogleAdsConfig | undefined {
  if (!demand) return undefined;
  const { source: _source, credentials, ...settings } = demand;
  if (credentials) return { ...settings, ...credentials };
  if (!simulator) return undefined;
  const url = `${simulator.url}${GOOGLE_ADS_PREFIX}`;
  return { ...settings, ...credentialsOf(simulator).googleAds!, baseUrl: `${url}${GOOGLE_ADS_VERSION}`, tokenUrl: `${url}/token` };
}
