// Etsy Open API v3: active listings for the keyword (count, tags, taxonomy, prices, listing types) behind the
// adapter interface. Etsy publishes no search volume, CPC or trend: those stay unknown.
import { normalizeKeyword } from '../../../workflows/validation';
import { ProviderError } from '../errors';
import { ApiClient } from '../official/api-client';
import { DailyQuota } from '../official/daily-quota';
import type { SharedLimiter } from '../deployment-limiter';
import { COMPETITION_HALF_AT, competitionFromCount, priceStats, shares } from '../official/market-stats';
import { provenanceOf } from '../provenance';
import type { CollectOptions, DegradedCall, KeywordMetrics, ProviderAdapter } from '../types';
import { parseListings, type EtsyListing, type TaxonomyNode } from './responses';
import { TaxonomyCache } from './taxonomy';

export interface EtsyV3Config {
  /** https://openapi.etsy.com by default. */
  baseUrl: string;
  keystring: string;
  sharedSecret: string;
  ratePerSecond: number;
  timeoutMs: number;
  /** Requests per sliding 24 h (Etsy's default is 10,000). */
  dailyQuota?: number;
  /** The deployment-wide rate and quota (every worker process). */
  shared?: SharedLimiter;
}

const LISTINGS_PATH = '/v3/application/listings/active';
/** The most listings one request returns: the sample for tags, categories, prices and the digital share. */
const SAMPLE_SIZE = 100;
const RELATED_MAX = 10;
const CATEGORIES_MAX = 5;

export function createEtsyV3Adapter(config: EtsyV3Config): ProviderAdapter {
  const quota = new DailyQuota('etsy', config.dailyQuota);
  const client = new ApiClient({
    platform: 'etsy',
    baseUrl: config.baseUrl,
    ratePerSecond: config.ratePerSecond,
    timeoutMs: config.timeoutMs,
    quota,
    shared: config.shared,
    remaining: { today: 'x-remaining-today', thisSecond: 'x-remaining-this-second' },
  });
  // the key lives in this closure only: never on an object that could be logged
  const headers = () => ({ 'x-api-key': `${config.keystring}:${config.sharedSecret}` });
  const taxonomy = new TaxonomyCache(client, headers);
  const source = `etsy-v3:${new URL(config.baseUrl).host}`;

  async function collect(keyword: string, options: CollectOptions = {}): Promise<KeywordMetrics> {
    const { signal } = options;
    const res = await client.send({
      method: 'GET',
      path: LISTINGS_PATH,
      query: { keywords: keyword, limit: SAMPLE_SIZE, sort_on: 'score' },
      headers: headers(),
      signal,
    });
    const page = parseListings(res.body);
    if (!page) throw new ProviderError('etsy', 'unavailable', `${client.callName('GET', LISTINGS_PATH)} returned a malformed response`);

    const degraded: DegradedCall[] = [];
    let categoryData: Record<string, unknown> | null = null;
    if (page.results.some((l) => l.taxonomy_id != null)) {
      try {
        categoryData = categoriesOf(page.results, await taxonomy.get(signal));
      } catch (err) {
        if (signal?.aborted || !(err instanceof ProviderError) || err.kind === 'auth' || err.kind === 'quota') throw err;
        degraded.push({ call: 'categories', reason: `${err.kind}: ${err.message}` });
      }
    }
    const relatedKeywords = relatedTags(page.results, keyword);
    const prices = page.results.map((l) => ({ value: l.price.amount / l.price.divisor, currency: l.price.currency_code }));
    const n = page.results.length;
    return {
      keyword,
      platform: 'etsy',
      searchVolume: null,
      competition: competitionFromCount(page.count, COMPETITION_HALF_AT.etsy),
      cpc: null,
      trendScore: null,
      relatedKeywords,
      categoryData,
      degraded,
      source: res.simulated ? 'etsy-v3:simulator' : source,
      provenance: provenanceOf({
        competition: 'derived',
        related_keywords: n > 0 ? 'derived' : 'unknown',
        category_data: categoryData ? 'derived' : 'unknown',
      }),
      details: {
        result_count: page.count,
        sample_size: n,
        price: priceStats(prices),
        digital_share: n > 0 ? Math.round((page.results.filter((l) => l.listing_type === 'download').length / n) * 1000) / 1000 : null,
      },
    };
  }

  return { platform: 'etsy', source, collect, close: () => client.close() };
}

/** Tags that at least two of the top listings share (co-occurrence with the keyword), most frequent first. */
export function relatedTags(listings: EtsyListing[], keyword: string): string[] {
  const self = normalizeKeyword(keyword);
  const tags = listings.flatMap((l) => [...new Set(l.tags.map(normalizeKeyword))]);
  return shares(tags.filter((t) => t !== '' && t !== self))
    .filter((s) => s.count >= 2)
    .slice(0, RELATED_MAX)
    .map((s) => s.key);
}

/** The top listings' taxonomy nodes, by share: which categories the market files this keyword under. */
export function categoriesOf(listings: EtsyListing[], nodes: Map<number, TaxonomyNode>): Record<string, unknown> | null {
  const ids = listings.flatMap((l) => (l.taxonomy_id == null ? [] : [l.taxonomy_id]));
  const categories = shares(ids)
    .slice(0, CATEGORIES_MAX)
    .map(({ key, share }) => ({
      name: nodes.get(key)?.name ?? `taxonomy ${key}`,
      taxonomy_id: key,
      path: nodes.get(key)?.path ?? [],
      share,
    }));
  return categories.length > 0 ? { top_category: categories[0]!.name, categories } : null;
}
