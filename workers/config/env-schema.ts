// Every environment variable the project reads, with its type and default; config.ts turns the parsed values into AppConfig.
import { z } from 'zod';
import { TASK_QUEUE_DEFAULT } from '../../workflows/types/task-queue';
import { API_DEFAULTS, LOG_LEVELS } from '../../api/config';
import { demandEnvShape } from './demand-env';
import { officialEnvShape } from './official-env';

const optionalString = z.string().trim().min(1).optional();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
// unset: the adapter's default (20 on the generic provider contract; an official API's documented limit)
const optionalRate = z.coerce.number().positive().optional();
export const SEED_RATE_PER_SECOND = 20;

export const envSchema = z.object({
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
  // false: the dashboard's pages need a signed-in session too (its forms always do)
  DASHBOARD_PUBLIC: z.stringbool().default(API_DEFAULTS.dashboardPublic),
  // true: alert webhooks may reach private, loopback, link-local and metadata addresses (activities/alerts/webhook-address.ts)
  ALERT_WEBHOOK_ALLOW_PRIVATE: z.stringbool().default(API_DEFAULTS.allowPrivateWebhooks),
  API_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // the worker's Prometheus exporter (Temporal SDK metrics and the provider counters); unset: none
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
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
  ...demandEnvShape,
});
