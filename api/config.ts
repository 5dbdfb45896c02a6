// What the HTTP API is configured with (parsed by workers/config/config.ts) and its defaults for apps built without configuration (tests).
export const API_DEFAULTS = {
  rateLimit: { perMinute: 600, burst: 100 },
  // 2 MiB: a maximal request (10,000 keywords of 100 characters, up to 2 UTF-8 bytes each) fits
  bodyLimitBytes: 2 * 1024 * 1024,
  // the API faces its clients directly: X-Forwarded-For is ignored (anyone can send one)
  trustProxyHops: 0,
  // the dashboard's pages read like the API: open to anyone who can reach it
  dashboardPublic: true,
  // alert webhooks reach public addresses only (activities/alerts/webhook-address.ts)
  allowPrivateWebhooks: false,
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface ApiConfig {
  apiKey?: string;
  /** Exact origins allowed by CORS; empty = no CORS headers at all. */
  corsOrigins: string[];
  /** Requests per minute and burst per client (0 per minute = no limit). */
  rateLimit: { perMinute: number; burst: number };
  /** Reverse proxies in front of the API that append to X-Forwarded-For: the client is the address the outermost one saw. */
  trustProxyHops: number;
  bodyLimitBytes: number;
  /** Whether the dashboard's pages open without signing in (its forms always need a session). */
  dashboardPublic: boolean;
  /** Whether alert rules may name webhooks on private, loopback, link-local or metadata addresses. */
  allowPrivateWebhooks: boolean;
  /** Memory for rendered keyword reads, dropped when the data changes (api/cache/read-cache.ts); 0 = no cache. */
  cacheBytes: number;
  logLevel: (typeof LOG_LEVELS)[number];
}
