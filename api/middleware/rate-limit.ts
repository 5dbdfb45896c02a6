// Per-client token buckets in memory: `burst` requests at once, refilled at `perMinute`; 429 + Retry-After beyond.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { HttpError } from '../errors';
import { headerOf } from './request-context';

interface Bucket {
  tokens: number;
  at: number;
}

/** Beyond this many clients the least recently seen are forgotten (a forgotten bucket is a full one). */
const MAX_CLIENTS = 100_000;
/** Probes and scrapes must never be refused. */
const EXEMPT = new Set(['/health', '/ready', '/metrics']);

export function rateLimit(
  limit: { perMinute: number; burst: number },
  clientOf: (c: Context<AppEnv>) => string,
): MiddlewareHandler<AppEnv> {
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

/**
 * The client's address. With `trustedHops` reverse proxies in front, each appending the address it saw to
 * X-Forwarded-For, the client is the address the outermost proxy saw: `trustedHops` entries from the right (anything
 * further left was written by the client and proves nothing). With no proxy trusted, the header is ignored.
 */
export function clientAddress(c: Context, trustedHops: number): string {
  const peer = remoteAddress(c);
  if (trustedHops === 0) return peer;
  const forwarded = (headerOf(c, 'x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // the peer is hop 0 (the nearest proxy); a chain shorter than configured ends at its leftmost entry
  const chain = [peer, ...forwarded.reverse()];
  return chain[Math.min(trustedHops, chain.length - 1)]!;
}

/** The peer address under @hono/node-server; app.request() in tests has none. */
function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
