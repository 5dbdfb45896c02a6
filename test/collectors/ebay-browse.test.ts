// The eBay Browse adapter over real HTTP against the simulated OAuth and Browse APIs.
import { describe, expect, it } from 'vitest';
import { competitionFromCount } from '../../activities/collectors/official/market-stats';
import { expectNoSecret, expectProviderError } from './fixture';
import { rawJson, useOfficialSimulator, withAdapter } from './official-fixture';

const sim = useOfficialSimulator((s) => {
  s.simulator.official.limits.tokenLifetimeSeconds = undefined;
});

interface RawSearch {
  total: number;
  itemSummaries: { price: { value: string; currency: string } }[];
  refinement: { categoryDistributions: { categoryId: string; categoryName: string; matchCount: number }[] };
}

async function rawSearch(keyword: string, marketplace: string): Promise<RawSearch> {
  const basic = Buffer.from(`${sim().credentials.ebay.clientId}:${sim().credentials.ebay.clientSecret}`).toString('base64');
  const { access_token: token } = await rawJson<{ access_token: string }>(`${sim().base('ebay')}/identity/v1/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope',
  });
  const query = `q=${encodeURIComponent(keyword)}&limit=100&fieldgroups=MATCHING_ITEMS,CATEGORY_REFINEMENTS`;
  return rawJson(`${sim().base('ebay')}/buy/browse/v1/item_summary/search?${query}`, {
    headers: { authorization: `Bearer ${token}`, 'x-ebay-c-marketplace-id': marketplace },
  });
}

describe('ebay-browse adapter', () => {
  it("takes total, the category distribution and item prices, field by field, in the marketplace's currency", async () => {
    const keyword = 'budget planner template';
    const raw = await rawSearch(keyword, 'EBAY_GB');
    sim().simulator.resetRequests();
    await withAdapter(sim().configs.ebay({ ebayBrowse: { ...sim().credentials.ebay, marketplaceId: 'EBAY_GB' } }), async (adapter) => {
      const metrics = await adapter.collect(keyword);
      const prices = raw.itemSummaries.map((i) => Number(i.price.value)).sort((a, b) => a - b);
      const n = prices.length;
      const median = n % 2 ? prices[(n - 1) / 2]! : (prices[n / 2 - 1]! + prices[n / 2]!) / 2;
      const matches = raw.refinement.categoryDistributions.reduce((sum, d) => sum + d.matchCount, 0);
      const top = [...raw.refinement.categoryDistributions].sort((a, b) => b.matchCount - a.matchCount)[0]!;
      expect(metrics).toMatchObject({
        keyword,
        platform: 'ebay',
        searchVolume: null,
        cpc: null,
        trendScore: null,
        relatedKeywords: [],
        degraded: [],
        source: 'ebay-browse:simulator',
        competition: competitionFromCount(raw.total, 5_000),
        provenance: {
          search_volume: 'unknown',
          competition: 'derived',
          cpc: 'unknown',
          trend_score: 'unknown',
          related_keywords: 'unknown',
          category_data: 'measured',
        },
        details: {
          result_count: raw.total,
          sample_size: n,
          marketplace_id: 'EBAY_GB',
          price: { min: prices[0], median: Math.round(median * 100) / 100, max: prices[n - 1], currency: 'GBP', count: n },
        },
      });
      expect(metrics.categoryData).toMatchObject({
        top_category: top.categoryName,
        categories: expect.arrayContaining([
          {
            name: top.categoryName,
            category_id: top.categoryId,
            match_count: top.matchCount,
            share: Math.round((top.matchCount / matches) * 1000) / 1000,
          },
        ]),
      });
      expect(sim().calls('ebay')).toEqual(['token 200', 'search 200']);
    });
  });

  it('reuses one application token, and refreshes it once when the API answers 401', async () => {
    await withAdapter(sim().configs.ebay(), async (adapter) => {
      for (const k of ['ebooks', 'fonts', 'presets']) await adapter.collect(k);
      expect(sim().calls('ebay')).toEqual(['token 200', 'search 200', 'search 200', 'search 200']);
      sim().simulator.resetRequests();
      sim().simulator.official.expireTokens();
      expect((await adapter.collect('mockups')).competition).toBeGreaterThan(0);
      expect(sim().calls('ebay')).toEqual(['search 401', 'token 200', 'search 200']);
    });
  });

  it('asks for a new token shortly before the old one expires', async () => {
    sim().simulator.official.limits.tokenLifetimeSeconds = 1;
    await withAdapter(sim().configs.ebay(), async (adapter) => {
      await adapter.collect('ebooks');
      await new Promise((resolve) => setTimeout(resolve, 950));
      await adapter.collect('fonts');
      // refreshed 0.1 s before expiry: never a 401
      expect(sim().calls('ebay')).toEqual(['token 200', 'search 200', 'token 200', 'search 200']);
    });
  });

  it('fails for good after one refresh when the token keeps being refused, and on refused client credentials', async () => {
    await withAdapter(sim().configs.ebay(), async (adapter) => {
      sim().simulator.setFaults('ebay', { unauthorized: true });
      const err = await expectProviderError(adapter.collect('ebooks'), 'auth', sim().secrets);
      expect(err).toMatchObject({ status: 401, retryable: false });
      expect(sim().calls('ebay')).toEqual(['token 200', 'search 401', 'token 200', 'search 401']);
    });
    sim().simulator.resetRequests();
    await withAdapter(
      sim().configs.ebay({ ebayBrowse: { ...sim().credentials.ebay, marketplaceId: 'EBAY_US', clientSecret: 'wrong-secret' } }),
      async (wrong) => {
        expectNoSecret(wrong, [...sim().secrets, 'wrong-secret']);
        const err = await expectProviderError(wrong.collect('ebooks'), 'auth', [...sim().secrets, 'wrong-secret']);
        expect(err.message).toBe('ebay: POST /ebay-browse/identity/v1/oauth2/token returned 401');
        expect(sim().calls('ebay')).toEqual(['token 401']);
      },
    );
  });

  it('maps a 429 with Retry-After, a malformed body, and stops at its daily quota', async () => {
    await withAdapter(sim().configs.ebay({ dailyQuota: 3 }), async (adapter) => {
      sim().simulator.setFaults('ebay', { rateLimit: { calls: ['search'], retryAfterSeconds: 30, times: 1 } });
      expect(await expectProviderError(adapter.collect('ebooks'), 'rate_limited', sim().secrets)).toMatchObject({
        status: 429,
        retryAfterMs: 30_000,
      });
      sim().simulator.setFaults('ebay', { malformed: { calls: ['search'], times: 1 } });
      await expectProviderError(adapter.collect('ebooks'), 'unavailable', sim().secrets);
      await adapter.collect('ebooks');
      const err = await expectProviderError(adapter.collect('fonts'), 'quota', sim().secrets);
      expect(err.message).toBe('ebay: daily quota reached (3 requests per 24 h)');
      expect(sim().calls('ebay')).toEqual(['token 200', 'search 429', 'search 200', 'search 200']);
    });
  });
});
