// The one configuration loader: parsed from the environment when an entry point asks, never at import.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { PLATFORMS, SEED_DAILY_KEYWORDS, TASK_QUEUE_DEFAULT, type Platform } from '../workflows/types';
import { InputError, normalizeKeywords, normalizePlatforms } from '../workflows/validation';

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

const optionalString = z.string().trim().min(1).optional();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
const positiveNumber = (fallback: number) => z.coerce.number().positive().default(fallback);

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
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  AMAZON_PROVIDER_URL: optionalUrl,
  AMAZON_API_KEY: optionalString,
  AMAZON_RATE_PER_SECOND: positiveNumber(20),
  ETSY_PROVIDER_URL: optionalUrl,
  ETSY_API_KEY: optionalString,
  ETSY_RATE_PER_SECOND: positiveNumber(20),
  EBAY_PROVIDER_URL: optionalUrl,
  EBAY_API_KEY: optionalString,
  EBAY_RATE_PER_SECOND: positiveNumber(20),
});

export interface ProviderConfig {
  platform: Platform;
  /** Undefined: no provider configured; the local stack serves the simulator instead. */
  baseUrl?: string;
  apiKey?: string;
  ratePerSecond: number;
  timeoutMs: number;
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
  providers: Record<Platform, ProviderConfig>;
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
      if (baseUrl && !apiKey) throw new ConfigError(`${prefix}_API_KEY`, `is required when ${prefix}_PROVIDER_URL is set`);
      const provider: ProviderConfig = {
        platform,
        baseUrl,
        apiKey,
        ratePerSecond: e[`${prefix}_RATE_PER_SECOND`],
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
    providers,
  };
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
