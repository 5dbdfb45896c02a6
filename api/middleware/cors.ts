// CORS for an explicit allow-list of origins only; no credentials (the API key travels in a header, not a cookie).
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export function corsFor(origins: string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'X-API-Key', 'Authorization', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    credentials: false,
    maxAge: 600,
  });
}
