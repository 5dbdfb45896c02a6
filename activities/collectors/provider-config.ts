// What a provider adapter is built from: which adapter serves a platform, its URL, limits and credentials.
// Parsed from the environment by workers/config/ (credentials only ever come from there).
import type { Platform } from '../../workflows/types/platforms';

export const OFFICIAL_ADAPTER = { amazon: 'amazon-ads', etsy: 'etsy-v3', ebay: 'ebay-browse' } as const;
type OfficialAdapterName = (typeof OFFICIAL_ADAPTER)[Platform];
export type AdapterName = 'seed' | OfficialAdapterName;

export interface EtsyV3Credentials {
  keystring: string;
  sharedSecret: string;
}

export interface EbayBrowseCredentials {
  clientId: string;
  clientSecret: string;
  marketplaceId: string;
}

export interface AmazonAdsCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  profileId: string;
  tokenUrl: string;
  asins: string[];
}

export interface ProviderConfig {
  platform: Platform;
  /** Undefined: no provider configured; the local stack serves the simulator instead. */
  baseUrl?: string;
  apiKey?: string;
  ratePerSecond: number;
  timeoutMs: number;
  /** seed (default): the simulator's provider contract at baseUrl; otherwise the platform's official API at baseUrl. */
  adapter?: AdapterName;
  /** Requests per sliding 24 h an official adapter never exceeds; undefined: no limit of ours. */
  dailyQuota?: number;
  etsyV3?: EtsyV3Credentials;
  ebayBrowse?: EbayBrowseCredentials;
  amazonAds?: AmazonAdsCredentials;
}
