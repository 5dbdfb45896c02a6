// eBay Browse API: item_summary/search for the keyword (total, category distribution, prices) with an
// application token from the client-credentials flow. eBay publishes no search volume, CPC, trend or
// related searches here: those stay unknown.
import { ProviderError } from '../errors';
import { ApiClient } from '../official/api-client';
import { DailyQuota } from '../official/daily-quota';
import type { SharedLimiter } from '../deployment-limiter';
import { COMPETITION_HALF_AT, competitionFromCount, priceStats } from '../official/market-stats';
import { requestToken, TokenCache } from '../official/token-cache';
import { provenanceOf } from '../provenance';
import type { CollectOptions, KeywordMetrics, ProviderAdapter } from '../types';
import { parseSearchPage, type EbaySearchPage } from './responses';

export interface EbayBrowseConfig {
  /** https://api.ebay.com by default (https://api.sandbox.ebay.com for the sandbox). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** X-EBAY-C-MARKETPLACE-ID, e.g. EBAY_US. */
  marketplaceId: string;
  ratePerSecond: number;
  timeoutMs: number;
  /** Browse calls per 24 h (eBay's default is 5,000 a day). */
  dailyQuota?: number;
  /** The deployment-wide rate and quota (every worker process). */
  shared?: SharedLimiter;
}

const TOKEN_PATH = '/identity/v1/oauth2/token';
const SEARCH_PATH = '/buy/browse/v1/item_summary/search';
const SAMPLE_SIZE = 100;
const SCOPE = 'https://api.ebay.com/oauth/api_scope';

export function createEbayBrowseAdapter(config: EbayBrowseConfig): ProviderAdapter {
  const common = { platform: 'ebay' as const, baseUrl: config.baseUrl, timeoutMs: config.timeoutMs };
  const client = new ApiClient({
    ...common,
    ratePerSecond: config.ratePerSecond,
    quota: new DailyQuota('ebay', config.dailyQuota),
    shared: config.shared,
  });
  // token requests do not count against the Browse quota; they are rare, one connection is enough
  const tokenClient = new ApiClient({ ...common, ratePerSecond: 5, connections: 1 });
  const tokens = new TokenCache(() =>
    requestToken(tokenClient, {
      method: 'POST',
      path: TOKEN_PATH,
      headers: { authorization: `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}` },
      form: { grant_type: 'client_credentials', scope: SCOPE },
    }),
  );
  const source = `ebay-browse:${new URL(config.baseUrl).host}`;

  async function collect(keyword: string, options: CollectOptions = {}): Promise<KeywordMetrics> {
    const { signal } = options;
    const res = await tokens.withToken(
      (token) =>
        client.send({
          method: 'GET',
          path: SEARCH_PATH,
          query: { q: keyword, limit: SAMPLE_SIZE, fieldgroups: 'MATCHING_ITEMS,CATEGORY_REFINEMENTS' },
          headers: { authorization: `Bearer ${token}`, 'x-ebay-c-marketplace-id': config.marketplaceId },
          signal,
        }),
      signal,
    );
    const page = parseSearchPage(res.body);
    if (!page) throw new ProviderError('ebay', 'unavailable', `${client.callName('GET', SEARCH_PATH)} returned a malformed response`);
    const items = page.itemSummaries ?? [];
    const categoryData = categoriesOf(page);
    return {
      keyword,
      platform: 'ebay',
      searchVolume: null,
      competition: competitionFromCount(page.total, COMPETITION_HALF_AT.ebay),
      cpc: null,
      trendScore: null,
      relatedKeywords: [],
      categoryData,
      degraded: [],
      source: res.simulated ? 'ebay-browse:simulator' : source,
      provenance: provenanceOf({ competition: 'derived', category_data: categoryData ? 'measured' : 'unknown' }),
      details: {
        result_count: page.total,
        sample_size: items.length,
        price: priceStats(items.flatMap((i) => (i.price ? [{ value: Number(i.price.value), currency: i.price.currency }] : []))),
        marketplace_id: config.marketplaceId,
      },
    };
  }

  return {
    platform: 'ebay',
    source,
    collect,
    close: async () => {
      await Promise.all([client.close(), tokenClient.close()]);
    },
  };
}

/** eBay's own category distribution of all matching items (not just the sample), with shares of the matches. */
export function categoriesOf(page: EbaySearchPage): Record<string, unknown> | null {
  const distributions = page.refinement?.categoryDistributions ?? [];
  const total = distributions.reduce((sum, d) => sum + d.matchCount, 0);
  if (total === 0) return null;
  const categories = [...distributions]
    .sort((a, b) => b.matchCount - a.matchCount)
    .map((d) => ({
      name: d.categoryName,
      category_id: d.categoryId,
      match_count: d.matchCount,
      share: Math.round((d.matchCount / total) * 1000) / 1000,
    }));
  return { top_category: categories[0]!.name, categories };
}
