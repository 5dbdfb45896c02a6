// The platforms and the limits every layer validates against. Plain data: bundled into the workflow sandbox.
export const PLATFORMS = ['amazon', 'etsy', 'ebay'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Collected daily when DAILY_KEYWORDS is not set. */
export const DEFAULT_DAILY_KEYWORDS = [
  'digital products', 'online courses', 'ebooks', 'templates', 'software',
  'apps', 'designs', 'graphics', 'music', 'videos',
];

/** Limits of one collection run (validated in the workflow and in the API). */
export const MAX_KEYWORDS = 10_000;
export const MAX_KEYWORD_LENGTH = 100;
