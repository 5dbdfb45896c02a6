// DEMAND_SOURCE and Google Ads Keyword Planner's variables: credentials from the environment only, the targeting
// (language, locations), base URLs and limits. config.ts parses these with the rest.
import { z } from 'zod';
import type { GoogleAdsConfig } from '../../activities/collectors/google-ads/adapter';

/** Documented: Planning services take 1 request a second; Explorer access allows 2,880 operations a day. */
export const GOOGLE_ADS_DEFAULTS = {
  baseUrl: 'https://googleads.googleapis.com/v26',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  ratePerSecond: 1,
  dailyQuota: 2_880,
} as const;

const secret = z.string().trim().min(1).optional();
const customerId = z
  .string()
  .trim()
  .regex(/^\d{3}-?\d{3}-?\d{4}$/, 'must be a 10-digit customer ID such as 123-456-7890')
  .optional();
const ids = (name: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^(${name}/)?\\d+(\\s*,\\s*(${name}/)?\\d+)*$`), `must be comma-separated numeric IDs (or ${name}/ID)`);

export const demandEnvShape = {
  DEMAND_SOURCE: z.enum(['none', 'google-ads']).default('none'),
  GOOGLE_ADS_DEVELOPER_TOKEN: secret,
  GOOGLE_ADS_CLIENT_ID: secret,
  GOOGLE_ADS_CLIENT_SECRET: secret,
  GOOGLE_ADS_REFRESH_TOKEN: secret,
  GOOGLE_ADS_CUSTOMER_ID: customerId,
  GOOGLE_ADS_LOGIN_CUSTOMER_ID: customerId,
  // 1000: English (https://developers.google.com/google-ads/api/data/codes-formats#languages)
  GOOGLE_ADS_LANGUAGE: ids('languageConstants').default('1000'),
  // 2840: United States (https://developers.google.com/google-ads/api/data/geotargets); at most 10
  GOOGLE_ADS_GEO_TARGETS: ids('geoTargetConstants').default('2840'),
  GOOGLE_ADS_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  GOOGLE_ADS_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
  GOOGLE_ADS_RATE_PER_SECOND: z.coerce.number().positive().optional(),
  GOOGLE_ADS_DAILY_QUOTA: z.coerce.number().int().positive().optional(),
};

export type DemandEnv = z.output<z.ZodObject<typeof demandEnvShape>>;
type Fail = (variable: string, message: string) => never;

/** The credential variables: all or none (none: the local stack serves the simulated API). */
export const GOOGLE_ADS_CREDENTIALS = [
  'GOOGLE_ADS_DEVELOPER_TOKEN',
  'GOOGLE_ADS_CLIENT_ID',
  'GOOGLE_ADS_CLIENT_SECRET',
  'GOOGLE_ADS_REFRESH_TOKEN',
  'GOOGLE_ADS_CUSTOMER_ID',
] as const;

type Credentials = Pick<
  GoogleAdsConfig,
  'developerToken' | 'clientId' | 'clientSecret' | 'refreshToken' | 'customerId' | 'loginCustomerId'
>;

/** DEMAND_SOURCE=google-ads: everything but the credentials, which are undefined when none is set. */
export type DemandConfig = Omit<GoogleAdsConfig, keyof Credentials> & { source: 'google-ads'; credentials?: Credentials };

const digits = (id: string) => id.replace(/-/g, '');
const resource = (name: string, id: string) => (id.includes('/') ? id : `${name}/${id}`);

export function demandConfig(e: DemandEnv, timeoutMs: number, fail: Fail): DemandConfig | undefined {
  if (e.DEMAND_SOURCE === 'none') return undefined;
  const geoTargets = e.GOOGLE_ADS_GEO_TARGETS.split(',').map((g) => resource('geoTargetConstants', g.trim()));
  if (geoTargets.length > 10) fail('GOOGLE_ADS_GEO_TARGETS', 'may name at most 10 locations');
  const need = (variable: (typeof GOOGLE_ADS_CREDENTIALS)[number]): string =>
    e[variable] ?? fail(variable, 'is required when DEMAND_SOURCE is google-ads and any Google Ads credential is set');
  const given = GOOGLE_ADS_CREDENTIALS.some((v) => e[v] !== undefined);
  return {
    source: 'google-ads',
    baseUrl: (e.GOOGLE_ADS_API_BASE_URL ?? GOOGLE_ADS_DEFAULTS.baseUrl).replace(/\/+$/, ''),
    tokenUrl: e.GOOGLE_ADS_TOKEN_URL ?? GOOGLE_ADS_DEFAULTS.tokenUrl,
    language: resource('languageConstants', e.GOOGLE_ADS_LANGUAGE),
    geoTargets,
    ratePerSecond: e.GOOGLE_ADS_RATE_PER_SECOND ?? GOOGLE_ADS_DEFAULTS.ratePerSecond,
    timeoutMs,
    dailyQuota: e.GOOGLE_ADS_DAILY_QUOTA ?? GOOGLE_ADS_DEFAULTS.dailyQuota,
    credentials: given
      ? {
          developerToken: need('GOOGLE_ADS_DEVELOPER_TOKEN'),
          clientId: need('GOOGLE_ADS_CLIENT_ID'),
          clientSecret: need('GOOGLE_ADS_CLIENT_SECRET'),
          refreshToken: need('GOOGLE_ADS_REFRESH_TOKEN'),
          customerId: digits(need('GOOGLE_ADS_CUSTOMER_ID')),
          loginCustomerId: e.GOOGLE_ADS_LOGIN_CUSTOMER_ID === undefined ? undefined : digits(e.GOOGLE_ADS_LOGIN_CUSTOMER_ID),
        }
      : undefined,
  };
}
