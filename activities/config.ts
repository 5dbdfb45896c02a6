// The one configuration loader: parsed from the environment when an entry point asks, never at import.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { PLATFORMS, SEED_DAILY_KEYWORDS, TASK_QUEUE_DEFAULT, type Platform } from '../workflows/types';
import { InputError, normalizeKeywords, normalizePlatforms } from '../workflows/validation';
import {
  officialEnvShape, officialProvider, type AdapterName, type AmazonAdsCredentials, type EbayBrowseCredentials, type EtsyV3Credentials,
} from './collectors/official-config';

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

const optionalString = z.string().trim().min(1).optional();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
// unset: the adapter's default (20 on the seed contract; an official API's documented limit)
const optionalRate = z.coerce.number().positive().optional();
const SEED_RATE_PER_SECOND = 20;

/** The HTTP API's defaults, shared with createApp for apps built without configuration (tests). */
export const API_DEFAULTS = {
  rateLimit: { perMinute: 600, burst: 100 },
  // 2 MiB: a maximal request (10,000 keywords of 100 characters, up to 2 UTF-8 bytes each) fits
  bodyLimitBytes: 2 * 1024 * 1024,
  // the API faces its clients directly: X-Forwarded-For is ignored (anyone can send one)
  trustProxyHops: 0,
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE_DEFAULT),
  TEMPORAL_UI_URL: optionalUrl,
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_DEV_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DAILY_KEYWORDS: z.string().optional(),
  DAILY_PLATFORMS: z.string().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SCHEDULE_TIMEZONE: z.string().min(1).default('UTC'),
  APPLY_SCHEDULES: z.stringbool().default(true),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // a standalone worker's stand-in provider for platforms with none configured (the compose stack's simulator)
  SIMULATOR_URL: optionalUrl,
  SIMULATOR_API_KEY: optionalString,
  // the HTTP API: no API key by default (mutating routes then refuse; the local stack makes one)
  API_KEY: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  CORS_ORIGINS: z.string().optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(API_DEFAULTS.rateLimit.perMinute),
  API_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(API_DEFAULTS.rateLimit.burst),
  API_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(API_DEFAULTS.trustProxyHops),
  API_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(API_DEFAULTS.bodyLimitBytes),
  API_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  AMAZON_PROVIDER_URL: optionalUrl,
  AMAZON_API_KEY: optionalString,
  AMAZON_RATE_PER_SECOND: optionalRate,
  ETSY_PROVIDER_URL: optionalUrl,
  ETSY_API_KEY: optionalString,
  ETSY_RATE_PER_SECOND: optionalRate,
  EBAY_PROVIDER_URL: optionalUrl,
  EBAY_API_KEY: optionalString,
  EBAY_RATE_PER_SECOND: optionalRate,
  ...officialEnvShape,
});

export interface ProviderConfig {
  platform: Platform;
  /** Undefined: no provider configured; the local stack serves the simulator instead. */
  baseUrl?: string;
  apiKey?: string;
  ratePerSecond: number;
  timeoutMs: number;
  /** seed (default): the seed's provider contract at baseUrl; otherwise the platform's official API at baseUrl. */
  adapter?: AdapterName;
  /** Requests per sliding 24 h an official adapter never exceeds; undefined: no limit of ours. */
  dailyQuota?: number;
  etsyV3?: EtsyV3Credentials;
  ebayBrowse?: EbayBrowseCredentials;
  amazonAds?: AmazonAdsCredentials;
}

export interface AppConfig {
  temporal: {
    address?: string;
    namespace: string;
    taskQueue: string;
    uiUrl: string;
    cliPath?: string;
    devPort: number;
    uiPort: number;
  };
  databaseUrl?: string;
  embeddedPostgresPort: number;
  dataDir: string;
  /** The daily collection's keywords and platforms (default: the seed's ten keywords on all platforms). */
  daily: { keywords: string[]; platforms: Platform[] };
  port: number;
  scheduleTimezone: string;
  /** Whether the worker creates or updates the Temporal Schedules at start (workers/schedules.ts). */
  applySchedules: boolean;
  /** Days of data cleanupOldData keeps. */
  retentionDays: number;
  providers: Record<Platform, ProviderConfig>;
  /** Serves the platforms without a provider of their own, when set (simulated data). */
  simulator?: { url: string; apiKey: string };
  api: ApiConfig;
}

export interface ApiConfig {
  apiKey?: string;
  /** Exact origins allowed by CORS; empty = no CORS headers at all. */
  corsOrigins: string[];
  /** Requests per minute and burst per client (0 per minute = no limit). */
  rateLimit: { perMinute: number; burst: number };
  /** Reverse proxies in front of the API that append to X-Forwarded-For: the client is the address the outermost one saw. */
  trustProxyHops: number;
  bodyLimitBytes: number;
  /** Memory for rendered keyword reads, dropped when the data changes (api/read-cache.ts); 0 = no cache. */
  cacheBytes: number;
  logLevel: (typeof LOG_LEVELS)[number];
}

/** Entry points call this first: a local .env fills variables the environment does not set. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // empty strings in .env files mean "not set"
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // never echo the value: it may be a secret
    throw new ConfigError(String(issue.path[0] ?? 'environment'), `is invalid: ${issue.message}`);
  }
  const e = parsed.data;
  const providers = Object.fromEntries(
    PLATFORMS.map((platform) => {
      const prefix = platform.toUpperCase() as 'AMAZON' | 'ETSY' | 'EBAY';
      const baseUrl = e[`${prefix}_PROVIDER_URL`];
      const apiKey = e[`${prefix}_API_KEY`];
      const official = officialProvider(platform, e, (variable, message) => {
        throw new ConfigError(variable, message);
      });
      if (official) {
        if (baseUrl) throw new ConfigError(`${prefix}_PROVIDER_URL`, `is for the seed contract; ${prefix}_ADAPTER is ${official.adapter}`);
        const ratePerSecond = e[`${prefix}_RATE_PER_SECOND`] ?? official.ratePerSecond;
        return [platform, { ...official, platform, ratePerSecond, timeoutMs: e.PROVIDER_TIMEOUT_MS }];
      }
      if (baseUrl && !apiKey) throw new ConfigError(`${prefix}_API_KEY`, `is required when ${prefix}_PROVIDER_URL is set`);
      const provider: ProviderConfig = {
        platform,
        baseUrl,
        apiKey,
        ratePerSecond: e[`${prefix}_RATE_PER_SECOND`] ?? SEED_RATE_PER_SECOND,
        timeoutMs: e.PROVIDER_TIMEOUT_MS,
      };
      return [platform, provider];
    }),
  ) as Record<Platform, ProviderConfig>;
  return {
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiUrl: e.TEMPORAL_UI_URL ?? `http://localhost:${e.TEMPORAL_UI_PORT}`,
      cliPath: e.TEMPORAL_CLI_PATH,
      devPort: e.TEMPORAL_DEV_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
    },
    databaseUrl: e.DATABASE_URL,
    embeddedPostgresPort: e.EMBEDDED_POSTGRES_PORT,
    dataDir: e.DATA_DIR,
    daily: dailyList(e.DAILY_KEYWORDS, e.DAILY_PLATFORMS),
    port: e.PORT,
    scheduleTimezone: e.SCHEDULE_TIMEZONE,
    applySchedules: e.APPLY_SCHEDULES,
    retentionDays: e.RETENTION_DAYS,
    providers,
    simulator: simulatorFallback(e.SIMULATOR_URL, e.SIMULATOR_API_KEY),
    api: {
      apiKey: e.API_KEY,
      corsOrigins: corsOrigins(e.CORS_ORIGINS),
      rateLimit: { perMinute: e.API_RATE_LIMIT_PER_MINUTE, burst: e.API_RATE_LIMIT_BURST },
      trustProxyHops: e.API_TRUST_PROXY_HOPS,
      bodyLimitBytes: e.API_BODY_LIMIT_BYTES,
      cacheBytes: Math.round(e.API_CACHE_MB * 1024 * 1024),
      logLevel: e.LOG_LEVEL,
    },
  };
}

/** Comma-separated exact origins (scheme://host[:port]); '*' is refused: the allow-list must be explicit. */
function corsOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', 'must list exact origins such as https://app.example.com, comma-separated (no *, no path)');
    }
  }
  return origins;
}

function dailyList(keywords: string | undefined, platforms: string | undefined) {
  const split = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    return {
      keywords: keywords ? normalizeKeywords(split(keywords)) : SEED_DAILY_KEYWORDS,
      platforms: platforms ? normalizePlatforms(split(platforms)) : [...PLATFORMS],
    };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const variable = err.field.startsWith('platforms') ? 'DAILY_PLATFORMS' : 'DAILY_KEYWORDS';
    throw new ConfigError(variable, `is invalid: ${err.message}`);
  }
}

function simulatorFallback(url: string | undefined, apiKey: string | undefined) {
  if (!url) return undefined;
  if (!apiKey) throw new ConfigError('SIMULATOR_API_KEY', 'is required when SIMULATOR_URL is set');
  return { url: url.replace(/\/+$/, ''), apiKey };
}
