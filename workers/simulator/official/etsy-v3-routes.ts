// Simulated Etsy Open API v3 (under /etsy-v3): x-api-key "keystring:shared_secret", per-second and daily
// quotas with Etsy's x-limit-* / x-remaining-* headers, {error} bodies, active listings and the seller taxonomy.
import { Hono } from 'hono';
import { secretMatches, type Env } from '../http';
import { faultResponse, fail, logRequests, type OfficialContext } from './common';
import { etsyListings, etsyTaxonomy } from './etsy-data';

const error = (_status: number, message: string) => ({ error: message });
const SORTS = ['created', 'price', 'updated', 'score'];

export function etsyV3Routes(ctx: OfficialContext): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', logRequests('etsy', ctx));
  app.use('*', async (c, next) => {
    const [keystring, secret] = (c.req.header('x-api-key') ?? '').split(':');
    if (!keystring) return fail(c, 401, error(401, 'Missing API key in x-api-key header.'));
    if (!secret) return fail(c, 403, error(403, 'Shared secret is required in x-api-key header.'));
    const expected = ctx.credentials.etsy;
    if (!secretMatches(keystring, expected.keystring) || !secretMatches(secret, expected.sharedSecret) || ctx.faults.unauthorized('etsy')) {
      return fail(c, 403, error(403, 'Invalid API key'));
    }
    const quota = ctx.state.takeEtsy();
    c.header('x-limit-per-second', String(ctx.state.limits.etsyPerSecond));
    c.header('x-remaining-this-second', String(quota.remainingSecond));
    c.header('x-limit-per-day', String(ctx.state.limits.etsyPerDay));
    c.header('x-remaining-today', String(quota.remainingToday));
    if (!quota.allowed) {
      c.header('retry-after', String(quota.retryAfterSeconds));
      return fail(c, 429, error(429, quota.remainingToday === 0 ? 'Daily request limit exceeded.' : 'Too many requests per second.'));
    }
    await next();
  });

  app.get('/v3/application/listings/active', async (c) => {
    const keywords = c.req.query('keywords') ?? '';
    const limit = Number(c.req.query('limit') ?? 25);
    const offset = Number(c.req.query('offset') ?? 0);
    const sort = c.req.query('sort_on') ?? 'created';
    const faulted = await faultResponse(c, ctx, 'etsy', 'search', keywords, error);
    if (faulted) return faulted;
    // the real endpoint lists all active listings without keywords; this simulation needs some
    if (keywords.trim() === '') return fail(c, 400, error(400, 'Expected parameter keywords to be a non-empty string (simulated).'));
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return fail(c, 400, error(400, 'Expected limit to be an integer from 1 to 100.'));
    if (!Number.isInteger(offset) || offset < 0) return fail(c, 400, error(400, 'Expected offset to be a non-negative integer.'));
    if (!SORTS.includes(sort)) return fail(c, 400, error(400, `Expected sort_on to be one of ${SORTS.join(', ')}.`));
    return c.json(etsyListings(keywords, ctx.day(), offset, limit));
  });

  app.get('/v3/application/seller-taxonomy/nodes', async (c) => {
    const faulted = await faultResponse(c, ctx, 'etsy', 'categories', '', error);
    if (faulted) return faulted;
    const results = etsyTaxonomy();
    return c.json({ count: results.length, results });
  });
  return app;
}
