// Google Ads API KeywordPlanIdeaService over REST: generateKeywordHistoricalMetrics for the keywords being
// collected (up to 10,000 a request) and generateKeywordIdeas for related ones (up to 20 seeds), with an OAuth
// access token from the refresh-token grant and the developer-token / login-customer-id headers.
import { normalizeKeyword } from '../../../workflows/validation';
import type { DemandLookup, DemandSource } from '../demand-source';
import { ProviderError } from '../errors';
import { ApiClient } from '../official/api-client';
import { DailyQuota } from '../official/daily-quota';
import { refreshTokenCache } from '../official/refresh-token';
import { toDemand, type KeywordDemand } from './demand';
import { googleAdsErrorFor, InvalidKeywordsError } from './failures';
import { parseHistoricalMetrics, parseKeywordIdeas } from './responses';

export interface GoogleAdsConfig {
  /** https://googleads.googleapis.com/v26: the API version is part of the base URL. */
  baseUrl: string;
  /** https://oauth2.googleapis.com/token */
  tokenUrl: string;
  developerToken: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The account asked, digits only. */
  customerId: string;
  /** The manager account the credentials reach it through, digits only. */
  loginCustomerId?: string;
  /** e.g. languageConstants/1000 (English). */
  language: string;
  /** e.g. ['geoTargetConstants/2840'] (United States); at most 10, none = all locations. */
  geoTargets: string[];
  ratePerSecond: number;
  timeoutMs: number;
  /** API operations per 24 h (2,880 on Explorer access, 15,000 on Basic). */
  dailyQuota?: number;
}

/** Documented per-request limits. */
export const HISTORICAL_KEYWORDS_MAX = 10_000;
export const IDEA_SEEDS_MAX = 20;
const IDEAS_PAGE_SIZE = 50;

export function createGoogleAdsSource(config: GoogleAdsConfig): DemandSource {
  const quota = new DailyQuota('google-ads', config.dailyQuota);
  const common = { platform: 'google-ads' as const, timeoutMs: config.timeoutMs, errorFor: googleAdsErrorFor };
  const client = new ApiClient({ ...common, baseUrl: config.baseUrl, ratePerSecond: config.ratePerSecond, quota, connections: 2 });
  const { tokens, close: closeTokens } = refreshTokenCache('google-ads', config, common);
  const targeting = { language: config.language, geoTargetConstants: config.geoTargets, keywordPlanNetwork: 'GOOGLE_SEARCH' };

  async function post(method: string, json: object, signal?: AbortSignal) {
    const path = `/customers/${config.customerId}:${method}`;
    try {
      return await tokens.withToken(
        (token) =>
          client.send({
            method: 'POST',
            path,
            headers: {
              authorization: `Bearer ${token}`,
              'developer-token': config.developerToken,
              ...(config.loginCustomerId ? { 'login-customer-id': config.loginCustomerId } : {}),
            },
            json,
            signal,
          }),
        signal,
      );
    } catch (err) {
      // Google says the day's operations are spent: nothing goes out until it frees up
      if (err instanceof ProviderError && err.kind === 'quota' && err.status !== undefined) quota.exhaust(err.retryAfterMs);
      throw err;
    }
  }

  async function chunk(keywords: string[], out: DemandLookup, signal?: AbortSignal): Promise<void> {
    let asked = keywords;
    while (asked.length > 0) {
      try {
        const res = await post(
          'generateKeywordHistoricalMetrics',
          {
            keywords: asked,
            ...targeting,
            includeAdultKeywords: false,
            historicalMetricsOptions: { includeAverageCpc: true },
          },
          signal,
        );
        const results = parseHistoricalMetrics(res.body);
        if (!results)
          throw new ProviderError(
            'google-ads',
            'unavailable',
            `${client.callName('POST', '/customers/…:generateKeywordHistoricalMetrics')} returned a malformed response`,
          );
        out.simulated ||= res.simulated;
        // a result answers for its text and for the close variants merged into it
        const byQuery = new Map(results.flatMap((r) => (r.closeVariants ?? []).map((v) => [normalizeKeyword(v), r] as const)));
        for (const r of results) byQuery.set(normalizeKeyword(r.text), r);
        for (const keyword of asked) {
          const hit = byQuery.get(normalizeKeyword(keyword));
          out.demand.push(toDemand(keyword, hit?.text ?? keyword, hit?.keywordMetrics));
        }
        return;
      } catch (err) {
        // one bad keyword must not cost the others their demand: drop it and ask again
        if (!(err instanceof InvalidKeywordsError) || err.invalid.some((i) => i.index < 0 || i.index >= asked.length)) throw err;
        const bad = new Map(err.invalid.map((i) => [i.index, i.reason]));
        for (const [index, reason] of bad)
          out.failures.push({ keyword: asked[index]!, reason: `google-ads refused the keyword (${reason})` });
        asked = asked.filter((_, i) => !bad.has(i));
      }
    }
  }

  return {
    name: 'google-ads',
    source: `google-ads:${new URL(config.baseUrl).host}`,
    async historicalMetrics(keywords, signal) {
      const out: DemandLookup = { demand: [], failures: [], simulated: false };
      for (let i = 0; i < keywords.length; i += HISTORICAL_KEYWORDS_MAX)
        await chunk(keywords.slice(i, i + HISTORICAL_KEYWORDS_MAX), out, signal);
      return out;
    },
    async keywordIdeas(seeds, signal) {
      if (seeds.length === 0 || seeds.length > IDEA_SEEDS_MAX)
        throw new RangeError(`keywordIdeas takes 1 to ${IDEA_SEEDS_MAX} seed keywords`);
      const res = await post(
        'generateKeywordIdeas',
        { ...targeting, includeAdultKeywords: false, keywordSeed: { keywords: seeds }, pageSize: IDEAS_PAGE_SIZE },
        signal,
      );
      const results = parseKeywordIdeas(res.body);
      if (!results)
        throw new ProviderError(
          'google-ads',
          'unavailable',
          `${client.callName('POST', '/customers/…:generateKeywordIdeas')} returned a malformed response`,
        );
      return results.map((r): KeywordDemand => toDemand(r.text, r.text, r.keywordIdeaMetrics));
    },
    close: async () => {
      await Promise.all([client.close(), closeTokens()]);
    },
  };
}
