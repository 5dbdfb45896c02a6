// The official marketplace APIs' variables: which adapter serves each platform, its credentials (from the
// environment only), base URLs and daily quotas. config.ts parses these with the rest.
import { z } from 'zod';
import type { ProviderConfig } from '../../activities/collectors/provider-config';
import type { Platform } from '../../workflows/types/platforms';

/** Documented defaults: Etsy allows 10 requests a second and 10,000 per sliding 24 h, eBay Browse 5,000 calls a day. */
const OFFICIAL_DEFAULTS = {
  etsy: { baseUrl: 'https://openapi.etsy.com', ratePerSecond: 10, dailyQuota: 10_000 },
  ebay: { baseUrl: 'https://api.ebay.com', ratePerSecond: 20, dailyQuota: 5_000 },
  amazon: { baseUrl: 'https://advertising-api.amazon.com', ratePerSecond: 20, dailyQuota: undefined },
} as const;

const AMAZON_REGIONS = {
  NA: { baseUrl: 'https://advertising-api.amazon.com', tokenUrl: 'https://api.amazon.com/auth/o2/token' },
  EU: { baseUrl: 'https://advertising-api-eu.amazon.com', tokenUrl: 'https://api.amazon.co.uk/auth/o2/token' },
  FE: { baseUrl: 'https://advertising-api-fe.amazon.com', tokenUrl: 'https://api.amazon.co.jp/auth/o2/token' },
} as const;

const secret = z.string().trim().min(1).optional();
const url = z.url({ protocol: /^https?$/ }).optional();
const quota = z.coerce.number().int().positive().optional();

export const officialEnvShape = {
  AMAZON_ADAPTER: z.enum(['seed', 'amazon-ads']).default('seed'),
  ETSY_ADAPTER: z.enum(['seed', 'etsy-v3']).default('seed'),
  EBAY_ADAPTER: z.enum(['seed', 'ebay-browse']).default('seed'),
  AMAZON_DAILY_QUOTA: quota,
  ETSY_DAILY_QUOTA: quota,
  EBAY_DAILY_QUOTA: quota,
  ETSY_KEYSTRING: secret,
  ETSY_SHARED_SECRET: secret,
  ETSY_API_BASE_URL: url,
  EBAY_CLIENT_ID: secret,
  EBAY_CLIENT_SECRET: secret,
  EBAY_MARKETPLACE_ID: z
    .string()
    .regex(/^EBAY_[A-Z]{2,}(_[A-Z]+)?$/, 'must look like EBAY_US')
    .default('EBAY_US'),
  EBAY_API_BASE_URL: url,
  AMAZON_ADS_CLIENT_ID: secret,
  AMAZON_ADS_CLIENT_SECRET: secret,
  AMAZON_ADS_REFRESH_TOKEN: secret,
  AMAZON_ADS_PROFILE_ID: z.string().regex(/^\d+$/, 'must be a numeric profile id').optional(),
  AMAZON_ADS_REGION: z.enum(['NA', 'EU', 'FE']).default('NA'),
  AMAZON_ADS_API_BASE_URL: url,
  AMAZON_ADS_TOKEN_URL: url,
  AMAZON_ADS_ASINS: z
    .string()
    .regex(/^\s*[A-Z0-9]{10}(\s*,\s*[A-Z0-9]{10})*\s*$/, 'must be comma-separated 10-character ASINs')
    .optional(),
};

export type OfficialEnv = z.output<z.ZodObject<typeof officialEnvShape>>;

/** Each official adapter's credential variables (ASINs and regions are settings, not credentials). */
export const CREDENTIALS = {
  'etsy-v3': ['ETSY_KEYSTRING', 'ETSY_SHARED_SECRET'],
  'ebay-browse': ['EBAY_CLIENT_ID', 'EBAY_CLIENT_SECRET'],
  'amazon-ads': ['AMAZON_ADS_CLIENT_ID', 'AMAZON_ADS_CLIENT_SECRET', 'AMAZON_ADS_REFRESH_TOKEN', 'AMAZON_ADS_PROFILE_ID'],
} as const satisfies Record<string, (keyof OfficialEnv)[]>;
type Fail = (variable: string, message: string) => never;

/** The provider fields of a platform served by its official API; undefined when it uses the generic provider contract (ADAPTER=seed). */
export function officialProvider(
  platform: Platform,
  e: OfficialEnv,
  fail: Fail,
): Omit<ProviderConfig, 'platform' | 'timeoutMs'> | undefined {
  const prefix = platform.toUpperCase() as 'AMAZON' | 'ETSY' | 'EBAY';
  const adapter = e[`${prefix}_ADAPTER`];
  if (adapter === 'seed') return undefined;
  const need = (variable: keyof OfficialEnv): string => {
    const value = e[variable];
    return typeof value === 'string' ? value : fail(variable, `is required when ${prefix}_ADAPTER is ${adapter}`);
  };
  // none of its credentials set: the adapter has none (the local stack then serves its simulated API); some: an error
  const given = CREDENTIALS[adapter].some((v) => e[v] !== undefined);
  const defaults = OFFICIAL_DEFAULTS[platform];
  const common = { adapter, ratePerSecond: defaults.ratePerSecond, dailyQuota: e[`${prefix}_DAILY_QUOTA`] ?? defaults.dailyQuota };
  if (adapter === 'etsy-v3') {
    return {
      ...common,
      baseUrl: e.ETSY_API_BASE_URL ?? defaults.baseUrl,
      etsyV3: given ? { keystring: need('ETSY_KEYSTRING'), sharedSecret: need('ETSY_SHARED_SECRET') } : undefined,
    };
  }
  if (adapter === 'ebay-browse') {
    return {
      ...common,
      baseUrl: e.EBAY_API_BASE_URL ?? defaults.baseUrl,
      ebayBrowse: given
        ? { clientId: need('EBAY_CLIENT_ID'), clientSecret: need('EBAY_CLIENT_SECRET'), marketplaceId: e.EBAY_MARKETPLACE_ID }
        : undefined,
    };
  }
  const region = AMAZON_REGIONS[e.AMAZON_ADS_REGION];
  if (!given) return { ...common, baseUrl: e.AMAZON_ADS_API_BASE_URL ?? region.baseUrl };
  return {
    ...common,
    baseUrl: e.AMAZON_ADS_API_BASE_URL ?? region.baseUrl,
    amazonAds: {
      clientId: need('AMAZON_ADS_CLIENT_ID'),
      clientSecret: need('AMAZON_ADS_CLIENT_SECRET'),
      refreshToken: need('AMAZON_ADS_REFRESH_TOKEN'),
      profileId: need('AMAZON_ADS_PROFILE_ID'),
      tokenUrl: e.AMAZON_ADS_TOKEN_URL ?? region.tokenUrl,
      asins: need('AMAZON_ADS_ASINS')
        .split(',')
        .map((a) => a.trim()),
    },
  };
}
