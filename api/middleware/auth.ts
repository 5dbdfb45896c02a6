// The API key: required on every request that starts work or changes state; compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { HttpError } from '../errors';
import { headerOf } from './request-context';

export type KeyCheck = 'valid' | 'missing' | 'wrong' | 'unconfigured';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (s: string) => createHash('sha256').update(s).digest();

export function apiKeyAuth(apiKey: string | undefined) {
  // comparing fixed-length digests keeps timingSafeEqual constant-time whatever the length sent
  const expected = apiKey ? digest(apiKey) : undefined;

  // the rate limiter asks first (a valid key is its own client), then `required`: one digest per request
  const checked = new WeakMap<Context, KeyCheck>();
  const check = (c: Context): KeyCheck => {
    let result = checked.get(c);
    if (result === undefined) checked.set(c, (result = verdict(c)));
    return result;
  };
  const verdict = (c: Context): KeyCheck => {
    if (!expected) return 'unconfigured';
    const bearer = /^Bearer\s+(.+)$/i.exec(headerOf(c, 'authorization') ?? '')?.[1];
    const given = headerOf(c, 'x-api-key') ?? bearer;
    if (!given) return 'missing';
    return timingSafeEqual(digest(given.trim()), expected) ? 'valid' : 'wrong';
  };

  const required: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const result = check(c);
    if (result === 'valid') return next();
    c.header('WWW-Authenticate', 'Bearer realm="keyword-intelligence"');
    throw new HttpError(
      401,
      'unauthorized',
      result === 'unconfigured'
        ? 'this server has no API key configured (set API_KEY); routes that start work or change state are disabled'
        : `${result === 'missing' ? 'missing' : 'wrong'} API key: send it as X-API-Key or Authorization: Bearer`,
    );
  };

  return { check, required };
}
