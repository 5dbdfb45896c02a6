// One platform's side of the generic provider contract (docs/data-sources.md), with bearer auth, faults and a request log.
import { setTimeout as sleep } from 'node:timers/promises';
import { Hono, type Context } from 'hono';
import type { Platform } from '../../workflows/types/platforms';
import { keywordWords, simulateKeyword, type SimulatedKeyword } from './data';
import type { FaultController, SimCall } from './faults';
import type { Env } from './http';
import { secretMatches, untilAborted, type RequestLogEntry } from './http';

export interface PlatformContext {
  apiKey: string;
  day: () => string;
  faults: FaultController;
  record: (entry: RequestLogEntry) => void;
}

type Body = (data: SimulatedKeyword, c: Context<Env>) => object;

/** Compares in constant time, so response timing does not reveal how much of a key was right. */
export const bearerMatches = (header: string | undefined, key: string): boolean => secretMatches(header, `Bearer ${key}`);

export function platformRoutes(platform: Platform, ctx: PlatformContext): Hono<Env> {
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const entry: RequestLogEntry = {
      platform,
      call: c.req.path.split('/').pop() ?? '',
      method: c.req.method,
      keyword: c.req.query('keyword') ?? null,
      status: 0,
      startedAt: performance.timeOrigin + performance.now(),
    };
    ctx.record(entry);
    c.set('entry', entry);
    const latency = ctx.faults.latencyMs(platform);
    if (latency > 0) await sleep(latency, undefined, { signal: c.req.raw.signal }).catch(() => undefined);
    if (!bearerMatches(c.req.header('authorization'), ctx.apiKey) || ctx.faults.unauthorized(platform)) {
      entry.status = 401;
      return c.json({ error: 'unauthorized' }, 401);
    }
    await next();
    entry.status ||= c.res.status;
  });

  const respond = async (c: Context<Env>, call: SimCall, keyword: unknown, body: Body): Promise<Response> => {
    const entry = c.get('entry');
    entry.keyword = typeof keyword === 'string' ? keyword : null;
    if (typeof keyword !== 'string' || keyword.trim() === '') return c.json({ error: 'keyword is required' }, 400);
    const fault = ctx.faults.decide(platform, call, keyword);
    if (fault.kind === 'notFound' || keywordWords(keyword).length === 0) return c.json({ error: 'unknown keyword' }, 404);
    switch (fault.kind) {
      case 'hang':
        await untilAborted(c.req.raw.signal);
        entry.status = 499;
        return new Response(null, { status: 499 });
      case 'rateLimit':
        c.header('Retry-After', String(fault.retryAfterSeconds));
        return c.json({ error: 'rate limit exceeded' }, 429);
      case 'serverError':
        return c.json({ error: 'upstream failure' }, fault.status);
      case 'malformed':
        return c.body('{"keyword": "', 200, { 'Content-Type': 'application/json' });
      case 'none':
        return c.json(body(simulateKeyword(platform, keyword, ctx.day()), c));
    }
  };

  const search: Body = (d, c) => ({
    keyword: c.get('entry').keyword,
    platform,
    search_volume: d.search_volume,
    competition: d.competition,
    cpc: d.cpc,
  });

  if (platform === 'amazon') {
    app.post('/keywords/search', async (c) => {
      const payload = ((await c.req.json().catch(() => null)) ?? {}) as { keyword?: unknown; include_trends?: unknown };
      return respond(c, 'search', payload.keyword, (d) =>
        payload.include_trends === true ? { ...search(d, c), trend_score: d.trend_score } : search(d, c),
      );
    });
  } else {
    app.get('/keywords/search', (c) => respond(c, 'search', c.req.query('keyword'), search));
    app.get('/keywords/categories', (c) => respond(c, 'categories', c.req.query('keyword'), (d) => d.categories ?? {}));
  }
  app.get('/keywords/trends', (c) =>
    respond(c, 'trends', c.req.query('keyword'), (d) => ({
      keyword: c.req.query('keyword'),
      period: c.req.query('period') ?? '30d',
      trend_score: d.trend_score,
    })),
  );
  app.get('/keywords/related', (c) => {
    const limit = Math.min(50, Math.max(0, Number.parseInt(c.req.query('limit') ?? '10', 10) || 0));
    return respond(c, 'related', c.req.query('keyword'), (d) => ({
      keyword: c.req.query('keyword'),
      related_keywords: d.related_keywords.slice(0, limit),
    }));
  });
  return app;
}
