// The official adapters' pure parts: provenance, competition mapping, price statistics, tags and categories, the daily
// quota's sliding window and the token cache, on hand-made inputs and a fake clock.
import { describe, expect, it, vi } from 'vitest';
import { categoriesOf, relatedTags } from '../../activities/collectors/etsy-v3/adapter';
import type { EtsyListing } from '../../activities/collectors/etsy-v3/responses';
import { ProviderError } from '../../activities/collectors/errors';
import { DailyQuota, DAY_MS, QUOTA_RECHECK_MS } from '../../activities/collectors/official/daily-quota';
import { competitionFromCount, priceStats } from '../../activities/collectors/official/market-stats';
import { TokenCache } from '../../activities/collectors/official/token-cache';
import { provenanceOf, seedProvenance } from '../../activities/collectors/provenance';

describe('provenance', () => {
  it("marks the generic contract provider's metrics measured, except a degraded call's default and absent categories", () => {
    expect(seedProvenance([{ call: 'trend', reason: 'unavailable: 503' }], false)).toEqual({
      search_volume: 'measured',
      competition: 'measured',
      cpc: 'measured',
      trend_score: 'unknown',
      related_keywords: 'measured',
      category_data: 'unknown',
    });
    expect(Object.values(seedProvenance([], true)).every((p) => p === 'measured')).toBe(true);
  });

  it('leaves every field an adapter does not claim unknown', () => {
    expect(provenanceOf({ competition: 'derived' })).toEqual({
      search_volume: 'unknown',
      competition: 'derived',
      cpc: 'unknown',
      trend_score: 'unknown',
      related_keywords: 'unknown',
      category_data: 'unknown',
    });
  });
});

describe('competitionFromCount', () => {
  it('maps result counts monotonically into [0, 1], 0.5 at the half-saturation count', () => {
    const counts = [0, 1, 10, 100, 1_000, 4_999, 5_000, 5_001, 50_000, 1e6, 1e9];
    const values = counts.map((n) => competitionFromCount(n, 5_000));
    expect(values[0]).toBe(0);
    expect(competitionFromCount(5_000, 5_000)).toBe(0.5);
    expect(competitionFromCount(45_000, 5_000)).toBe(0.9);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    // strictly increasing wherever 4 decimals can tell the counts apart
    const spread = [0, 1, 10, 100, 1_000, 5_000, 50_000, 500_000].map((n) => competitionFromCount(n, 5_000));
    for (let i = 1; i < spread.length; i++) expect(spread[i]!).toBeGreaterThan(spread[i - 1]!);
    for (const v of values) expect(v >= 0 && v <= 1).toBe(true);
    expect([Number.NaN, -5].map((n) => competitionFromCount(n, 5_000))).toEqual([0, 0]);
  });
});

describe('priceStats', () => {
  it('gives min, median and max in the most common currency', () => {
    expect(
      priceStats([
        { value: 4, currency: 'USD' },
        { value: 1.5, currency: 'USD' },
        { value: 10, currency: 'USD' },
        { value: 2.255, currency: 'USD' },
        { value: 99, currency: 'EUR' },
      ]),
    ).toEqual({ min: 1.5, median: 3.13, max: 10, currency: 'USD', count: 4 });
    expect(priceStats([])).toBeNull();
  });
});

const listing = (tags: string[], taxonomy_id: number | null, listing_type = 'download'): EtsyListing => ({
  listing_id: 1,
  tags,
  listing_type,
  taxonomy_id,
  price: { amount: 500, divisor: 100, currency_code: 'USD' },
});

describe('Etsy tags and categories', () => {
  it('keeps tags shared by at least two listings, most frequent first, without the keyword itself', () => {
    const listings = [
      listing(['Budget Planner', 'finance', 'printable', 'printable'], 1),
      listing(['budget  planner', 'finance', 'pdf'], 1),
      listing(['printable', 'finance', 'pdf', 'once'], 2),
    ];
    expect(relatedTags(listings, 'Budget planner')).toEqual(['finance', 'pdf', 'printable']);
  });

  it("names the top listings' taxonomy nodes by share", () => {
    const nodes = new Map([[1, { name: 'Calendars', path: ['Paper', 'Calendars'] }]]);
    expect(categoriesOf([listing([], 1), listing([], 2), listing([], 1), listing([], null)], nodes)).toEqual({
      top_category: 'Calendars',
      categories: [
        { name: 'Calendars', taxonomy_id: 1, path: ['Paper', 'Calendars'], share: 0.667 },
        { name: 'taxonomy 2', taxonomy_id: 2, path: [], share: 0.333 },
      ],
    });
    expect(categoriesOf([listing([], null)], nodes)).toBeNull();
  });
});

describe('DailyQuota', () => {
  it('allows `limit` requests in any 24 hours and frees them as they age out', () => {
    let now = 0;
    const quota = new DailyQuota('etsy', 2, () => now);
    quota.take();
    now = 1000;
    quota.take();
    expect(() => quota.take()).toThrow('etsy: daily quota reached (2 requests per 24 h)');
    now = DAY_MS;
    quota.take();
    expect(() => quota.take()).toThrow(ProviderError);
    now = DAY_MS + 1000;
    quota.take();
  });

  it('reports what is left for the quota gauge: the limit minus the last 24 hours, 0 while the provider says none', () => {
    let now = 0;
    const quota = new DailyQuota('etsy', 3, () => now);
    expect(quota.left()).toBe(3);
    quota.take();
    now = 1000;
    quota.take();
    expect(quota.left()).toBe(1);
    now = DAY_MS + 1;
    expect(quota.left()).toBe(2);
    quota.exhaust();
    expect(quota.left()).toBe(0);
    expect(new DailyQuota('ebay', undefined, () => now).left()).toBeUndefined();
  });

  it('believes the provider for a while when it says none are left', () => {
    let now = 0;
    const quota = new DailyQuota('ebay', undefined, () => now);
    quota.take();
    quota.exhaust();
    const err = (() => {
      try {
        quota.take();
      } catch (e) {
        return e as ProviderError;
      }
    })();
    expect(err).toMatchObject({ kind: 'quota', retryable: false, message: 'ebay: daily quota reached (the provider reports none left)' });
    now = QUOTA_RECHECK_MS;
    quota.take();
  });
});

describe('TokenCache', () => {
  it('shares one token request, reuses the token until shortly before expiry, then asks again', async () => {
    let now = 0;
    let issued = 0;
    const issue = vi.fn(async () => ({ accessToken: `t${++issued}`, expiresInSeconds: 7200 }));
    const cache = new TokenCache(issue, () => now);
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(['t1', 't1', 't1']);
    now = 7_200_000 - 60_001;
    expect(await cache.get()).toBe('t1');
    now = 7_200_000 - 60_000;
    expect(await cache.get()).toBe('t2');
    expect(issue).toHaveBeenCalledTimes(2);
  });

  it('retries a call once with a fresh token on a 401, and not on other failures', async () => {
    let issued = 0;
    const cache = new TokenCache(async () => ({ accessToken: `t${++issued}`, expiresInSeconds: 3600 }));
    const seen: string[] = [];
    const refused = new ProviderError('amazon', 'auth', 'refused', 401);
    await expect(
      cache.withToken(async (t) => {
        seen.push(t);
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(seen).toEqual(['t1', 't2']);
    const forbidden = new ProviderError('amazon', 'auth', 'forbidden', 403);
    await expect(
      cache.withToken(async (t) => {
        seen.push(t);
        throw forbidden;
      }),
    ).rejects.toBe(forbidden);
    expect(seen).toEqual(['t1', 't2', 't2']);
  });

  it('lets one caller stop waiting without failing the shared request', async () => {
    let release: (token: { accessToken: string; expiresInSeconds: number }) => void = () => undefined;
    const cache = new TokenCache(() => new Promise((resolve) => (release = resolve)));
    const controller = new AbortController();
    const first = cache.get(controller.signal);
    const second = cache.get();
    controller.abort(new Error('cancelled'));
    await expect(first).rejects.toThrow('cancelled');
    release({ accessToken: 'shared', expiresInSeconds: 60 });
    expect(await second).toBe('shared');
  });
});
