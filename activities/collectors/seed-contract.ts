// The generic provider HTTP contract (docs/data-sources.md), shared by the Amazon, Etsy and eBay adapters.
import type { Platform } from '../../workflows/types/platforms';
import { ProviderError } from './errors';
import { HttpClient, type HttpClientConfig } from './http-client';
import { seedProvenance } from './provenance';
import { parseCategories, parseRelated, parseSearch, parseTrend } from './seed-responses';
import type { CollectOptions, DegradedCall, KeywordMetrics, ProviderAdapter } from './types';

export interface SeedContract {
  platform: Platform;
  /** Amazon searches with a POST body, Etsy and eBay with a GET query. */
  searchMethod: 'GET' | 'POST';
  /** Etsy and eBay have a categories call; Amazon does not. */
  categories: boolean;
}

export type SeedAdapterConfig = Omit<HttpClientConfig, 'platform'>;

const CALL_ORDER: DegradedCall['call'][] = ['trend', 'related', 'categories'];

export function createSeedContractAdapter(contract: SeedContract, config: SeedAdapterConfig, source: string): ProviderAdapter {
  const { platform } = contract;
  const client = new HttpClient({ ...config, platform });

  const search = (keyword: string, signal?: AbortSignal) =>
    contract.searchMethod === 'POST'
      ? client.send({ method: 'POST', path: '/keywords/search', body: { keyword, include_metrics: true, include_trends: true }, signal })
      : client.send({ method: 'GET', path: '/keywords/search', query: { keyword, include_metrics: true }, signal });

  async function collect(keyword: string, options: CollectOptions = {}): Promise<KeywordMetrics> {
    const { body, simulated } = await search(keyword, options.signal);
    // the simulator labels its answers, so simulated numbers never pass for a real provider's
    const resultSource = simulated ? 'simulator' : source;
    const metrics = parseSearch(body);
    if (!metrics) {
      const call = client.callName(contract.searchMethod, '/keywords/search');
      throw new ProviderError(platform, 'unavailable', `${call} returned a malformed response`);
    }

    // an auth failure or an abort ends the keyword, so the sibling calls stop too
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const degraded: DegradedCall[] = [];
    const secondary = async <T>(
      call: DegradedCall['call'],
      path: string,
      query: Record<string, string | number>,
      parse: (body: unknown) => T | undefined,
      fallback: T,
    ): Promise<T> => {
      try {
        const value = parse(await client.request({ method: 'GET', path, query, signal }));
        if (value !== undefined) return value;
        degraded.push({ call, reason: `malformed response from ${client.callName('GET', path)}` });
      } catch (err) {
        // a spent quota stops the platform like refused credentials: no call of this keyword is worth a degraded row
        if (options.signal?.aborted || !(err instanceof ProviderError) || err.kind === 'auth' || err.kind === 'quota') {
          stop.abort(err);
          throw err;
        }
        degraded.push({ call, reason: `${err.kind}: ${err.message}` });
      }
      return fallback;
    };

    const [trendScore, relatedKeywords, categoryData] = await Promise.all([
      secondary('trend', '/keywords/trends', { keyword, period: '30d' }, parseTrend, 0),
      secondary('related', '/keywords/related', { keyword, limit: 10 }, parseRelated, [] as string[]),
      contract.categories
        ? secondary<Record<string, unknown> | null>('categories', '/keywords/categories', { keyword }, parseCategories, null)
        : Promise.resolve(null),
    ]);
    degraded.sort((a, b) => CALL_ORDER.indexOf(a.call) - CALL_ORDER.indexOf(b.call));
    const provenance = seedProvenance(degraded, contract.categories);
    return { keyword, platform, ...metrics, trendScore, relatedKeywords, categoryData, degraded, source: resultSource, provenance };
  }

  return { platform, source, collect, close: () => client.close() };
}
