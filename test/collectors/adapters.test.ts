import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter, createAdapters, type ProviderAdapter } from '../../activities/collectors';
import { simulateKeyword } from '../../workers/simulator/data';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
import { DAY, startTestSimulator } from './fixture';

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let adapters: Record<Platform, ProviderAdapter>;

beforeAll(async () => {
  sim = await startTestSimulator();
  adapters = createAdapters({ amazon: sim.config('amazon'), etsy: sim.config('etsy'), ebay: sim.config('ebay') });
});
afterAll(async () => {
  await Promise.all(PLATFORMS.map((p) => adapters[p].close()));
  await sim.close();
});

describe.each(PLATFORMS)('%s adapter', (platform) => {
  const keyword = 'wedding planner printable';

  it('returns exactly what the simulator served, field by field', async () => {
    const want = simulateKeyword(platform, keyword, DAY);
    expect(want.related_keywords.length).toBeGreaterThan(0);
    sim.simulator.resetRequests();
    const metrics = await adapters[platform].collect(keyword);
    expect(metrics).toEqual({
      keyword,
      platform,
      searchVolume: want.search_volume,
      competition: want.competition,
      cpc: want.cpc,
      trendScore: want.trend_score,
      relatedKeywords: want.related_keywords,
      categoryData: platform === 'amazon' ? null : want.categories,
      degraded: [],
      source: 'simulator',
      provenance: {
        search_volume: 'measured',
        competition: 'measured',
        cpc: 'measured',
        trend_score: 'measured',
        related_keywords: 'measured',
        category_data: platform === 'amazon' ? 'unknown' : 'measured',
      },
    });
    // the search comes first, then the secondary calls; all under the platform's base URL prefix
    const calls = sim.simulator.requests.map((r) => `${r.platform} ${r.method} ${r.call} ${r.keyword} ${r.status}`);
    expect(calls[0]).toBe(`${platform} ${platform === 'amazon' ? 'POST' : 'GET'} search ${keyword} 200`);
    expect(calls.slice(1).sort()).toEqual(
      (platform === 'amazon' ? ['related', 'trends'] : ['categories', 'related', 'trends']).map(
        (call) => `${platform} GET ${call} ${keyword} 200`,
      ),
    );
  });
});

describe('createAdapter', () => {
  it('labels an adapter with the provider host unless told otherwise', async () => {
    const adapter = createAdapter(sim.config('etsy'));
    expect([adapter.platform, adapter.source]).toEqual(['etsy', new URL(sim.url).host]);
    const named = createAdapters({ amazon: sim.config('amazon'), etsy: sim.config('etsy'), ebay: sim.config('ebay') }, { ebay: 'sandbox' });
    expect(Object.values(named).map((a) => a.source)).toEqual([adapter.source, adapter.source, 'sandbox']);
    await Promise.all([adapter, ...Object.values(named)].map((a) => a.close()));
    await adapter.close();
  });

  it('refuses a provider without a base URL or an API key', () => {
    expect(() => createAdapter(sim.config('ebay', { baseUrl: undefined }))).toThrow(/ebay.*EBAY_PROVIDER_URL/);
    expect(() => createAdapter(sim.config('ebay', { apiKey: undefined }))).toThrow(/EBAY_API_KEY/);
    expect(() =>
      createAdapters({ amazon: sim.config('amazon'), etsy: sim.config('etsy', { apiKey: '' }), ebay: sim.config('ebay') }),
    ).toThrow(/etsy/);
  });
});
