// The one configuration loader: parsed from the environment when an entry point asks, never at import.
import { existsSync } from 'node:fs';
import { PLATFORMS, DEFAULT_DAILY_KEYWORDS, type Platform } from '../../workflows/types/platforms';
import { InputError, normalizeKeywords, normalizePlatforms } from '../../workflows/validation';
import type { ProviderConfig } from '../../activities/collectors/provider-config';
import type { ApiConfig } from '../../api/config';
import { demandConfig, type DemandConfig } from './demand-env';
import { officialProvider } from './official-env';
import { envSchema, SEED_RATE_PER_SECOND } from './env-schema';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
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
  /** The daily collection's keywords and platforms (default: ten starter keywords on all platforms). */
  daily: { keywords: string[]; platforms: Platform[] };
  port: number;
  /** The worker's Prometheus exporter port (workers/temporal/runtime.ts); undefined: none. */
  workerMetricsPort?: number;
  scheduleTimezone: string;
  /** Whether the worker creates or updates the Temporal Schedules at start (workers/temporal/schedules.ts). */
  applySchedules: boolean;
  /** Days of data cleanupOldData keeps. */
  retentionDays: number;
  providers: Record<Platform, ProviderConfig>;
  /** DEMAND_SOURCE=google-ads: search demand filling what a platform does not publish; undefined: none. */
  demand?: DemandConfig;
  /** Serves the platforms without a provider of their own, when set (simulated data). */
  simulator?: { url: string; apiKey: string };
  /** ALERT_WEBHOOK_ALLOW_PRIVATE, for the worker's deliveries (the API's rule check reads it from api). */
  allowPrivateWebhooks: boolean;
  api: ApiConfig;
}

/** Entry points call this first: a local .env fills variables the environment does not set. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // empty strings in .env files mean "not set"
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
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
        dailyQuota: e[`${prefix}_DAILY_QUOTA`],
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
    workerMetricsPort: e.WORKER_METRICS_PORT,
    scheduleTimezone: e.SCHEDULE_TIMEZONE,
    applySchedules: e.APPLY_SCHEDULES,
    retentionDays: e.RETENTION_DAYS,
    providers,
    demand: demandConfig(e, e.PROVIDER_TIMEOUT_MS, (variable, message) => {
      throw new ConfigError(variable, message);
    }),
    simulator: simulatorFallback(e.SIMULATOR_URL, e.SIMULATOR_API_KEY),
    allowPrivateWebhooks: e.ALERT_WEBHOOK_ALLOW_PRIVATE,
    api: {
      apiKey: e.API_KEY,
      corsOrigins: corsOrigins(e.CORS_ORIGINS),
      rateLimit: { perMinute: e.API_RATE_LIMIT_PER_MINUTE, burst: e.API_RATE_LIMIT_BURST },
      trustProxyHops: e.API_TRUST_PROXY_HOPS,
      bodyLimitBytes: e.API_BODY_LIMIT_BYTES,
      dashboardPublic: e.DASHBOARD_PUBLIC,
      allowPrivateWebhooks: e.ALERT_WEBHOOK_ALLOW_PRIVATE,
      cacheBytes: Math.round(e.API_CACHE_MB * 1024 * 1024),
      logLevel: e.LOG_LEVEL,
    },
  };
}

/** Comma-separated exact origins (scheme://host[:port]); '*' is refused: the allow-list must be explicit. */
function corsOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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
  const split = (v: string) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  try {
    return {
      keywords: keywords ? normalizeKeywords(split(keywords)) : DEFAULT_DAILY_KEYWORDS,
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
