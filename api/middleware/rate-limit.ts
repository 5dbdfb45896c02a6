// Per-client token buckets in memory: `burst` requests at once, refilled at `perMinute`; 429 + Retry-After beyond.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { HttpError } from '../errors';

interface Bucket {
  tokens: number;
  at: number;
}

/** Beyond this many clients the least recently seen are forgotten (a forgotten bucket is a full one). */
const MAX_CLIENTS = 100_000;
/** Probes must never be refused. */
const EXEMPT = new Set(['/health', '/ready']);

export function rateLimit(limit: { perMinute: number; burst: number }, clientOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, Bucket>();
  const perMs = limit.perMinute / 60_000;

  /** 0 when a token was taken, else the milliseconds until one is available. */
  const take = (client: string, now: number): number => {
    const old = buckets.get(client);
    const tokens = old ? Math.min(limit.burst, old.tokens + (now - old.at) * perMs) : limit.burst;
    // re-inserting keeps the Map in least-recently-seen order for eviction
    buckets.delete(client);
    if (buckets.size >= MAX_CLIENTS) buckets.delete(buckets.keys().next().value!);
    const allowed = tokens >= 1;
    buckets.set(client, { tokens: allowed ? tokens - 1 : tokens, at: now });
    return allowed ? 0 : (1 - tokens) / perMs;
  };

  return async (c, next) => {
    if (limit.perMinute === 0 || EXEMPT.has(c.req.path)) return next();
    const waitMs = take(clientOf(c), Date.now());
    if (waitMs === 0) return next();
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    c.header('Retry-After', String(seconds));
    throw new HttpError(429, 'rate_limited', `too many requests: retry in ${seconds} s`);
  };
}
