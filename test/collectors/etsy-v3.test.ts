// The Etsy Open API v3 adapter over real HTTP against the simulated API.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { competitionFromCount } from '../../activities/collectors/official/market-stats';
import { expectNoSecret, expectProviderError } from './fixture';
import { rawJson, useOfficialSimulator, withAdapter } from './official-fixture';

const sim = useOfficialSimulator((s) => {
  s.simulator.official.resetQuotas();
  s.simulator.official.limits = { etsyPerSecond: 1000, etsyPerDay: 10_000 };
});

interface RawListing {
  tags: string[];
  listing_type: string;
  taxonomy_id: number;
  price: { amount: number; divisor: number; currency_code: string };
}
interface RawNode {
  id: number;
  name: string;
  children: RawNode[];
}

describe('etsy-v3 adapter', () => {
  it('derives competition, related tags, categories, prices and the digital share from the listings, field by field', async () => {
    const keyword = 'wedding planner printable';
    const headers = { 'x-api-key': `${sim().credentials.etsy.keystring}:${sim().credentials.etsy.sharedSecret}` };
    const raw = await rawJson<{ count: number; results: RawListing[] }>(
      `${sim().base('etsy')}/v3/application/listings/active?keywords=${encodeURIComponent(keyword)}&limit=100&sort_on=score`,
      { headers },
    );
    const taxonomy = await rawJson<{ results: RawNode[] }>(`${sim().base('etsy')}/v3/application/seller-taxonomy/nodes`, { headers });
    expect(raw.results).toHaveLength(100);
    sim().simulator.resetRequests();

    await withAdapter(sim().configs.etsy(), async (adapter) => {
      const metrics = await adapter.collect(keyword);
      // an oracle written from the documented definitions
      const tagCounts = new Map<string, number>();
      for (const l of raw.results) for (const t of new Set(l.tags)) if (t !== keyword) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
      const related = [...tagCounts]
        .filter(([, n]) => n >= 2)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 10)
        .map(([t]) => t);
      const names = new Map(
        taxonomy.results.flatMap((top) => [[top.id, top.name] as const, ...top.children.map((c) => [c.id, c.name] as const)]),
      );
      const idCounts = new Map<number, number>();
      for (const l of raw.results) idCounts.set(l.taxonomy_id, (idCounts.get(l.taxonomy_id) ?? 0) + 1);
      const topId = [...idCounts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))[0]![0];
      const prices = raw.results.map((l) => l.price.amount / l.price.divisor).sort((a, b) => a - b);
      const digital = raw.results.filter((l) => l.listing_type === 'download').length / 100;

      expect(metrics).toMatchObject({
        keyword,
        platform: 'etsy',
        searchVolume: null,
        cpc: null,
        trendScore: null,
        degraded: [],
        source: 'etsy-v3:simulator',
        competition: competitionFromCount(raw.count, 5_000),
        relatedKeywords: related,
        provenance: {
          search_volume: 'unknown',
          competition: 'derived',
          cpc: 'unknown',
          trend_score: 'unknown',
          related_keywords: 'derived',
          category_data: 'derived',
        },
        details: {
          result_count: raw.count,
          sample_size: 100,
          digital_share: Math.round(digital * 1000) / 1000,
          price: {
            min: prices[0],
            median: Math.round(((prices[49]! + prices[50]!) / 2) * 100) / 100,
            max: prices[99],
            currency: 'USD',
            count: 100,
          },
        },
      });
      expect(related.length).toBeGreaterThan(2);
      const categories = metrics.categoryData as {
        top_category: string;
        categories: { name: string; taxonomy_id: number; path: string[]; share: number }[];
      };
      expect(categories.top_category).toBe(names.get(topId));
      expect(categories.categories[0]).toMatchObject({ taxonomy_id: topId, share: idCounts.get(topId)! / 100 });
      expect(categories.categories[0]!.path).toHaveLength(2);
      expect(sim().calls('etsy')).toEqual(['active 200', 'nodes 200']);
      expect(sim().simulator.requests[0]!.keyword).toBe(keyword);
    });
  });

  it('fetches the taxonomy once for many keywords, and degrades categories when it fails', async () => {
    await withAdapter(sim().configs.etsy(), async (adapter) => {
      sim().simulator.setFaults('etsy', { serverError: { calls: ['categories'], status: 503 } });
      const degraded = await adapter.collect('svg bundle');
      expect(degraded.categoryData).toBeNull();
      expect(degraded.provenance.category_data).toBe('unknown');
      expect(degraded.degraded).toEqual([{ call: 'categories', reason: expect.stringContaining('503') }]);
      // a failed taxonomy is not asked again for every keyword
      await adapter.collect('svg files');
      expect(sim().calls('etsy')).toEqual(['active 200', 'nodes 503', 'active 200']);
    });
    await withAdapter(sim().configs.etsy(), async (fresh) => {
      sim().simulator.clearFaults();
      sim().simulator.resetRequests();
      for (const k of ['budget planner', 'habit tracker', 'meal planner']) expect((await fresh.collect(k)).categoryData).not.toBeNull();
      expect(sim().calls('etsy')).toEqual(['active 200', 'nodes 200', 'active 200', 'active 200']);
    });
  });

  it('refuses a wrong shared secret as an auth failure, without the key in any error', async () => {
    await withAdapter(sim().configs.etsy({ etsyV3: { ...sim().credentials.etsy, sharedSecret: 'not-the-secret' } }), async (adapter) => {
      expectNoSecret(adapter, sim().secrets);
      expect(inspect(adapter, { depth: 5, showHidden: true })).not.toContain(sim().credentials.etsy.keystring);
      const err = await expectProviderError(adapter.collect('ebooks'), 'auth', [...sim().secrets, 'not-the-secret']);
      expect(err).toMatchObject({ status: 403, retryable: false });
      expect(err.message).toBe('etsy: GET /etsy-v3/v3/application/listings/active returned 403');
    });
  });

  it('stops at the daily quota the API reports, with no further call', async () => {
    sim().simulator.official.limits.etsyPerDay = 3;
    await withAdapter(sim().configs.etsy(), async (adapter) => {
      await adapter.collect('ebooks'); // listings and taxonomy: 1 left
      await adapter.collect('fonts'); // x-remaining-today: 0
      const err = await expectProviderError(adapter.collect('presets'), 'quota', sim().secrets);
      expect(err.message).toBe('etsy: daily quota reached (the provider reports none left)');
      expect(err.retryable).toBe(false);
      await expectProviderError(adapter.collect('mockups'), 'quota', sim().secrets);
      expect(sim().calls('etsy')).toEqual(['active 200', 'nodes 200', 'active 200']);
    });
  });

  it('reads a 429 with nothing left today as the quota, not as a rate limit to retry', async () => {
    sim().simulator.official.limits.etsyPerDay = 0;
    await withAdapter(sim().configs.etsy(), async (adapter) => {
      const err = await expectProviderError(adapter.collect('ebooks'), 'quota', sim().secrets);
      expect(err.message).toMatch(/^etsy: daily quota reached \(GET \/etsy-v3\/v3\/application\/listings\/active returned 429/);
      await expectProviderError(adapter.collect('fonts'), 'quota', sim().secrets);
      expect(sim().calls('etsy')).toEqual(['active 429']);
    });
  });

  it('never exceeds its own daily quota, counting every request', async () => {
    await withAdapter(sim().configs.etsy({ dailyQuota: 3 }), async (adapter) => {
      await adapter.collect('ebooks');
      await adapter.collect('fonts');
      const err = await expectProviderError(adapter.collect('presets'), 'quota', sim().secrets);
      expect(err.message).toBe('etsy: daily quota reached (3 requests per 24 h)');
      expect(sim().calls('etsy')).toEqual(['active 200', 'nodes 200', 'active 200']);
    });
  });

  it('waits out a second with none left instead of drawing a 429', async () => {
    sim().simulator.official.limits.etsyPerSecond = 2;
    await withAdapter(sim().configs.etsy(), async (adapter) => {
      for (const k of ['ebooks', 'fonts', 'presets']) await adapter.collect(k);
      const log = sim().simulator.requests;
      // the taxonomy answer said 0 left this second: had the next listing not waited, the simulator (2 a second)
      // would have answered 429 and the collection would have failed
      expect(log.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    });
  });

  it('maps a 429 with Retry-After to a retryable rate limit, and a malformed body to unavailable', async () => {
    await withAdapter(sim().configs.etsy(), async (adapter) => {
      sim().simulator.setFaults('etsy', { rateLimit: { calls: ['search'], retryAfterSeconds: 7, times: 1 } });
      const limited = await expectProviderError(adapter.collect('ebooks'), 'rate_limited', sim().secrets);
      expect(limited).toMatchObject({ status: 429, retryAfterMs: 7000, retryable: true });
      sim().simulator.setFaults('etsy', { malformed: { calls: ['search'], times: 1 } });
      const malformed = await expectProviderError(adapter.collect('ebooks'), 'unavailable', sim().secrets);
      expect(malformed.message).toMatch(/malformed JSON body/);
      sim().simulator.setFaults('etsy', { malformed: { calls: ['categories'], times: 1 } });
      expect((await adapter.collect('ebooks')).degraded).toEqual([{ call: 'categories', reason: expect.stringContaining('malformed') }]);
    });
  });
});
