// The adapters against a hand-written provider, for answers the simulator never gives.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdapter } from '../../activities/collectors';
import { expectProviderError } from './fixture';

const KEY = `stub-${Math.random().toString(36).slice(2)}`;
const aborted: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const app = new Hono();
  const keyword = (q: string | undefined) => q ?? '';
  app.get('/p/keywords/search', (c) => {
    const k = keyword(c.req.query('keyword'));
    if (k === 'no volume') return c.json({ competition: 0.5, cpc: 1 });
    if (k === 'forbidden') return c.json({ error: 'forbidden' }, 403);
    return c.json({ search_volume: 99.6, competition: 0.5, cpc: 1.2 });
  });
  app.get('/p/keywords/trends', async (c) => {
    if (keyword(c.req.query('keyword')) !== 'revoked') return c.json({ trend_score: 'rising' });
    // waits for the client to give up, to show that siblings of a fatal failure stop
    await new Promise((resolve) => c.req.raw.signal.addEventListener('abort', resolve, { once: true }));
    aborted.push('trends');
    return new Response(null, { status: 499 });
  });
  app.get('/p/keywords/related', (c) =>
    keyword(c.req.query('keyword')) === 'revoked' ? c.json({ error: 'key revoked' }, 401) : c.json({ related_keywords: ['ok', 3] }),
  );
  app.get('/p/keywords/categories', (c) => c.json(['not', 'an', 'object']));
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/p`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const etsy = () => createAdapter({ platform: 'etsy', baseUrl, apiKey: KEY, ratePerSecond: 100, timeoutMs: 5000 });

describe('generic provider contract adapter', () => {
  it('fails the keyword when the search body lacks a field', async () => {
    const adapter = etsy();
    try {
      const err = await expectProviderError(adapter.collect('no volume'), 'unavailable', [KEY]);
      expect(err.message).toBe('etsy: GET /p/keywords/search returned a malformed response');
    } finally {
      await adapter.close();
    }
  });

  it('degrades secondary bodies of the wrong shape, and rounds the volume', async () => {
    const adapter = etsy();
    try {
      const metrics = await adapter.collect('fine');
      expect(metrics).toMatchObject({
        searchVolume: 100,
        competition: 0.5,
        cpc: 1.2,
        trendScore: 0,
        relatedKeywords: [],
        categoryData: null,
      });
      // not the simulator: the data is labelled with the provider's host
      expect(metrics.source).toBe(new URL(baseUrl).host);
      expect(metrics.degraded).toEqual([
        { call: 'trend', reason: 'malformed response from GET /p/keywords/trends' },
        { call: 'related', reason: 'malformed response from GET /p/keywords/related' },
        { call: 'categories', reason: 'malformed response from GET /p/keywords/categories' },
      ]);
    } finally {
      await adapter.close();
    }
  });

  it('throws a refused key on a secondary call, and stops the other calls', async () => {
    const adapter = etsy();
    try {
      const err = await expectProviderError(adapter.collect('revoked'), 'auth', [KEY]);
      expect(err.message).toBe('etsy: GET /p/keywords/related returned 401');
      await vi.waitFor(() => expect(aborted).toEqual(['trends']));
      expect((await expectProviderError(adapter.collect('forbidden'), 'auth', [KEY])).status).toBe(403);
    } finally {
      await adapter.close();
    }
  });
});
