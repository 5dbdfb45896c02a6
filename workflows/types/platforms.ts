// The platforms and the limits every layer validates against. Plain data: bundled into the workflow sandbox.
export const PLATFORMS = ['amazon', 'etsy', 'ebay'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Sources of search demand beside the platforms (DEMAND_SOURCE), filling what a platform does not publish. */
export const DEMAND_SOURCES = ['google-ads'] as const;
export type DemandSourceName = (typeof DEMAND_SOURCES)[number];
/** What a provider client, its errors and its simulated API are named by: a platform or a demand source. */
export type ProviderName = Platform | DemandSourceName;

/** Collected daily when DAILY_KEYWORDS is not set. */
export const DEFAULT_DAILY_KEYWORDS = [
  'digital products',
  'online courses',
  'ebooks',
  'templates',
  'software',
  'apps',
  'designs',
  'graphics',
  'music',
  'videos',
];

/** Limits of one collection run (validated in the workflow and in the API). */
export const MAX_KEYWORDS = 10_000;
export const MAX_KEYWORD_LENGTH = 100;
