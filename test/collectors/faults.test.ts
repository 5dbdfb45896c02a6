import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter, type ProviderAdapter } from '../../activities/collectors';
import { simulateKeyword } from '../../workers/simulator/data';
import { DAY, expectProviderError, startTestSimulator } from './fixture';

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let etsy: ProviderAdapter;
let amazon: ProviderAdapter;
let secrets: string[];

beforeAll(async () => {
  sim = await startTestSimulator();
  secrets = Object.values(sim.apiKeys);
  etsy = createAdapter(sim.config('etsy', { timeoutMs: 300 }), 'simulator');
  amazon = createAdapter(sim.config('amazon', { timeoutMs: 300 }), 'simulator');
});
afterEach(() => sim.simulator.clearFaults());
afterAll(async () => {
  await Promise.all([etsy.close(), amazon.close()]);
  await sim.close();
});

describe('provider faults through the adapters', () => {
  it('still succeeds under latency', async () => {
    sim.simulator.setFaults('etsy', { latencyMs: 100 });
    const metrics = await etsy.collect('ebooks');
    expect(metrics.searchVolume).toBe(simulateKeyword('etsy', 'ebooks', DAY).search_volume);
    expect(metrics.degraded).toEqual([]);
  });

  it('maps 429 to rate_limited with the Retry-After delay', async () => {
    sim.simulator.setFaults('amazon', { rateLimit: { calls: ['search'], retryAfterSeconds: 3 } });
    const err = await expectProviderError(amazon.collect('ebooks'), 'rate_limited', secrets);
    expect([err.status, err.retryAfterMs, err.retryable]).toEqual([429, 3000, true]);
    expect(err.message).toBe('amazon: POST /amazon/keywords/search returned 429');
  });

  it.each([500, 502, 503] as const)('maps %i to unavailable', async (status) => {
    sim.simulator.setFaults('etsy', { serverError: { status, calls: ['search'] } });
    const err = await expectProviderError(etsy.collect('ebooks'), 'unavailable', secrets);
    expect(err.message).toBe(`etsy: GET /etsy/keywords/search returned ${status}`);
  });

  it('maps a hung search to unavailable once the timeout passes', async () => {
    sim.simulator.setFaults('etsy', { hang: { calls: ['search'] } });
    const err = await expectProviderError(etsy.collect('ebooks'), 'unavailable', secrets);
    expect(err.message).toBe('etsy: GET /etsy/keywords/search timed out after 300 ms');
  });

  it('maps a malformed search body to unavailable', async () => {
    sim.simulator.setFaults('etsy', { malformed: { calls: ['search'] } });
    const err = await expectProviderError(etsy.collect('ebooks'), 'unavailable', secrets);
    expect(err.message).toMatch(/malformed/);
  });

  it('maps 401 to auth, which is not retryable', async () => {
    sim.simulator.setFaults('amazon', { unauthorized: true });
    const err = await expectProviderError(amazon.collect('ebooks'), 'auth', secrets);
    expect([err.status, err.retryable]).toEqual([401, false]);
  });

  it('maps a keyword the provider does not know (404) to a keyword failure', async () => {
    sim.simulator.setFaults('etsy', { notFound: { keywords: ['ebooks'], calls: ['search'] } });
    const err = await expectProviderError(etsy.collect('ebooks'), 'keyword', secrets);
    expect([err.status, err.retryable, err.message]).toEqual([404, false, 'etsy: GET /etsy/keywords/search returned 404']);
    expect((await etsy.collect('music')).keyword).toBe('music');
  });

  it('maps 400 and 404 to a keyword failure', async () => {
    expect((await expectProviderError(etsy.collect(''), 'keyword', secrets)).status).toBe(400);
    expect((await expectProviderError(etsy.collect('!!!'), 'keyword', secrets)).status).toBe(404);
    expect((await expectProviderError(amazon.collect(' '), 'keyword', secrets)).status).toBe(400);
  });

  it('degrades failed trend, related and category calls to the contract defaults, and says why', async () => {
    sim.simulator.setFaults('etsy', {
      serverError: { calls: ['trends'], status: 502 },
      rateLimit: { calls: ['related'] },
      hang: { calls: ['categories'] },
    });
    const want = simulateKeyword('etsy', 'ebooks', DAY);
    const metrics = await etsy.collect('ebooks');
    expect(metrics).toMatchObject({
      searchVolume: want.search_volume,
      competition: want.competition,
      cpc: want.cpc,
      trendScore: 0,
      relatedKeywords: [],
      categoryData: null,
    });
    expect(metrics.degraded).toEqual([
      { call: 'trend', reason: 'unavailable: etsy: GET /etsy/keywords/trends returned 502' },
      { call: 'related', reason: 'rate_limited: etsy: GET /etsy/keywords/related returned 429' },
      { call: 'categories', reason: 'unavailable: etsy: GET /etsy/keywords/categories timed out after 300 ms' },
    ]);
  });

  it('degrades a malformed secondary body', async () => {
    sim.simulator.setFaults('amazon', { malformed: { calls: ['related'] } });
    const metrics = await amazon.collect('ebooks');
    expect(metrics.trendScore).toBe(simulateKeyword('amazon', 'ebooks', DAY).trend_score);
    expect(metrics.degraded).toEqual([
      { call: 'related', reason: 'unavailable: amazon: GET /amazon/keywords/related returned 200 with a malformed JSON body' },
    ]);
  });
});
