import { describe, expect, it } from 'vitest';
import { simulateKeyword } from '../../workers/simulator/data';
import { appAuth, appKeys, DAY, setupApp } from './fixture';

describe('simulator routes', () => {
  it('serves the generic provider contract with the simulated data, labelled as such', async () => {
    const { get, sim } = setupApp();
    const want = simulateKeyword('etsy', 'ebooks', DAY);
    const search = await get('/etsy/keywords/search?keyword=ebooks&include_metrics=true');
    expect(search.status).toBe(200);
    expect(search.headers.get('x-simulated-data')).toBe('true');
    expect(await search.json()).toEqual({
      keyword: 'ebooks',
      platform: 'etsy',
      search_volume: want.search_volume,
      competition: want.competition,
      cpc: want.cpc,
    });
    expect(await (await get('/etsy/keywords/trends?keyword=ebooks&period=30d')).json()).toEqual({
      keyword: 'ebooks',
      period: '30d',
      trend_score: want.trend_score,
    });
    const related = (await (await get('/etsy/keywords/related?keyword=ebooks&limit=2')).json()) as { related_keywords: string[] };
    expect(related.related_keywords).toEqual(want.related_keywords.slice(0, 2));
    expect(await (await get('/etsy/keywords/categories?keyword=ebooks')).json()).toEqual(want.categories);
    expect(sim.requests.map((r) => [r.platform, r.call, r.method, r.keyword, r.status])).toEqual([
      ['etsy', 'search', 'GET', 'ebooks', 200],
      ['etsy', 'trends', 'GET', 'ebooks', 200],
      ['etsy', 'related', 'GET', 'ebooks', 200],
      ['etsy', 'categories', 'GET', 'ebooks', 200],
    ]);
    expect(sim.requests[0]!.startedAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('takes the Amazon search as a POST body and has no categories call', async () => {
    const { get } = setupApp();
    const want = simulateKeyword('amazon', 'music', DAY);
    const res = await get(
      '/amazon/keywords/search',
      { ...appAuth('amazon'), 'content-type': 'application/json' },
      {
        method: 'POST',
        body: JSON.stringify({ keyword: 'music', include_metrics: true, include_trends: true }),
      },
    );
    expect(await res.json()).toMatchObject({ search_volume: want.search_volume, trend_score: want.trend_score });
    const categories = await get('/amazon/keywords/categories?keyword=music', appAuth('amazon'));
    expect(categories.status).toBe(404);
    expect(categories.headers.get('x-simulated-data')).toBe('true');
    expect((await get('/amazon/keywords/search?keyword=music', appAuth('amazon'))).status).toBe(404);
    for (const body of ['null', '{"keyword": 5}', 'not json']) {
      expect((await get('/amazon/keywords/search', appAuth('amazon'), { method: 'POST', body })).status).toBe(400);
    }
  });

  it("refuses a missing or wrong key, including another platform's", async () => {
    const { get } = setupApp();
    for (const headers of [{}, { authorization: 'Bearer nope' }, appAuth('amazon'), { authorization: appKeys.etsy }]) {
      const res = await get('/etsy/keywords/search?keyword=ebooks', headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'unauthorized' });
    }
  });

  it('answers 400 without a keyword and 404 for a keyword without words', async () => {
    const { get } = setupApp();
    expect((await get('/etsy/keywords/search')).status).toBe(400);
    expect((await get('/etsy/keywords/trends?keyword=%20')).status).toBe(400);
    expect((await get('/etsy/keywords/search?keyword=!!!')).status).toBe(404);
  });
});

describe('simulator faults', () => {
  it('hits only the targeted calls and keywords, the first N times', async () => {
    const { get, sim } = setupApp();
    sim.setFaults('etsy', { serverError: { status: 503, keywords: ['Ebooks'], calls: ['search'], times: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get('/etsy/keywords/search?keyword=ebooks')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect((await get('/etsy/keywords/search?keyword=music')).status).toBe(200);
    sim.setFaults('etsy', { serverError: { keywords: ['ebooks'], calls: ['trends'] } });
    expect((await get('/etsy/keywords/search?keyword=ebooks')).status).toBe(200);
    expect((await get('/etsy/keywords/trends?keyword=ebooks')).status).toBe(503);
    expect((await get('/ebay/keywords/trends?keyword=ebooks', appAuth('ebay'))).status).toBe(200);
  });

  it('answers 429 with Retry-After, 404, invalid JSON, or 401 for everything', async () => {
    const { get, sim } = setupApp();
    sim.setFaults('etsy', { rateLimit: { retryAfterSeconds: 7, times: 1 } });
    const limited = await get('/etsy/keywords/related?keyword=ebooks');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    sim.setFaults('etsy', { malformed: {} });
    const malformed = await get('/etsy/keywords/search?keyword=ebooks');
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    sim.setFaults('etsy', { notFound: { keywords: ['ebooks'] } });
    const unknown = await get('/etsy/keywords/search?keyword=ebooks');
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: 'unknown keyword' }]);
    sim.setFaults('etsy', { unauthorized: true });
    expect((await get('/etsy/keywords/search?keyword=ebooks')).status).toBe(401);
    sim.clearFaults();
    expect((await get('/etsy/keywords/search?keyword=ebooks')).status).toBe(200);
  });

  it('adds latency, and hangs until the client gives up', async () => {
    const { get, sim } = setupApp();
    sim.setFaults('ebay', { latencyMs: 120 });
    const started = performance.now();
    expect((await get('/ebay/keywords/search?keyword=apps', appAuth('ebay'))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    sim.setFaults('ebay', { hang: { calls: ['search'] } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const res = await get('/ebay/keywords/search?keyword=apps', appAuth('ebay'), { signal: controller.signal });
    expect(res.status).toBe(499);
    expect(sim.requests.at(-1)).toMatchObject({ call: 'search', status: 499 });
  });

  it('decides partial fault rates with the seeded generator, reproducibly', async () => {
    const run = async () => {
      const { get, sim } = setupApp(42);
      sim.setFaults('etsy', { serverError: { rate: 0.5, status: 500 } });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await get(`/etsy/keywords/trends?keyword=k${i}`)).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(60);
    expect(failures).toBeLessThan(140);
  });

  it('rejects an invalid fault shape', () => {
    const { sim } = setupApp();
    expect(() => sim.setFaults('etsy', { serverError: { rate: 2 } })).toThrow();
    expect(() => sim.setFaults('etsy', { nonsense: true } as never)).toThrow();
  });
});
