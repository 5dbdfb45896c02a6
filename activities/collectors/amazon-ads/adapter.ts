// Amazon Ads API: Sponsored Products keyword recommendations (v5) for the advertiser's ASINs, with the keyword
// as a user-selected target: its suggested bid is the CPC, Amazon's recommended keywords the related ones.
// Amazon Ads publishes no search volume, competition, trend or categories here: those stay unknown.
import { normalizeKeyword } from '../../../workflows/validation';
import { ProviderError } from '../errors';
import { ApiClient } from '../official/api-client';
import { DailyQuota } from '../official/daily-quota';
import type { SharedLimiter } from '../deployment-limiter';
import { refreshTokenCache } from '../official/refresh-token';
import { provenanceOf } from '../provenance';
import type { CollectOptions, KeywordMetrics, ProviderAdapter } from '../types';
import { parseRecommendations, type KeywordTarget } from './responses';

export interface AmazonAdsConfig {
  /** https://advertising-api.amazon.com (-eu, -fe by region). */
  baseUrl: string;
  /** Login with Amazon: https://api.amazon.com/auth/o2/token (.co.uk, .co.jp by region). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The advertising profile (Amazon-Advertising-API-Scope). */
  profileId: string;
  /** The advertiser's products the recommendations are for. */
  asins: string[];
  ratePerSecond: number;
  timeoutMs: number;
  dailyQuota?: number;
  /** The deployment-wide rate and quota (every worker process). */
  shared?: SharedLimiter;
}

const RECOMMENDATIONS_PATH = '/sp/targets/keywords/recommendations';
const V5_MEDIA_TYPE = 'application/vnd.spkeywordsrecommendation.v5+json';
const RELATED_MAX = 10;

const currency = (minorUnits: number) => Math.round(minorUnits) / 100;

export function createAmazonAdsAdapter(config: AmazonAdsConfig): ProviderAdapter {
  const client = new ApiClient({
    platform: 'amazon',
    baseUrl: config.baseUrl,
    ratePerSecond: config.ratePerSecond,
    timeoutMs: config.timeoutMs,
    quota: config.dailyQuota === undefined ? undefined : new DailyQuota('amazon', config.dailyQuota),
    shared: config.shared,
  });
  const { tokens, close: closeTokens } = refreshTokenCache('amazon', config, { timeoutMs: config.timeoutMs });
  const source = `amazon-ads:${new URL(config.baseUrl).host}`;

  async function collect(keyword: string, options: CollectOptions = {}): Promise<KeywordMetrics> {
    const { signal } = options;
    const res = await tokens.withToken(
      (token) =>
        client.send({
          method: 'POST',
          path: RECOMMENDATIONS_PATH,
          headers: {
            authorization: `Bearer ${token}`,
            'amazon-advertising-api-clientid': config.clientId,
            'amazon-advertising-api-scope': config.profileId,
            accept: V5_MEDIA_TYPE,
          },
          contentType: V5_MEDIA_TYPE,
          json: {
            recommendationType: 'KEYWORDS_FOR_ASINS',
            asins: config.asins,
            targets: [{ keyword, matchType: 'EXACT', userSelectedKeyword: true }],
            maxRecommendations: RELATED_MAX,
            sortDimension: 'DEFAULT',
            bidsEnabled: true,
          },
          signal,
        }),
      signal,
    );
    const targets = parseRecommendations(res.body);
    if (!targets)
      throw new ProviderError('amazon', 'unavailable', `${client.callName('POST', RECOMMENDATIONS_PATH)} returned a malformed response`);

    const self = normalizeKeyword(keyword);
    const own =
      targets.find((t) => t.userSelectedKeyword === true && normalizeKeyword(t.keyword) === self) ??
      targets.find((t) => normalizeKeyword(t.keyword) === self);
    const bid = suggestedBid(own);
    const related = [...new Set(targets.filter((t) => t.userSelectedKeyword !== true).map((t) => normalizeKeyword(t.keyword)))]
      .filter((k) => k !== self)
      .slice(0, RELATED_MAX);
    return {
      keyword,
      platform: 'amazon',
      searchVolume: null,
      competition: null,
      cpc: bid ? bid.range_median : null,
      trendScore: null,
      relatedKeywords: related,
      categoryData: null,
      degraded: [],
      source: res.simulated ? 'amazon-ads:simulator' : source,
      provenance: provenanceOf({ cpc: bid ? 'measured' : 'unknown', related_keywords: 'measured' }),
      details: {
        suggested_bid: bid,
        search_term_impression_share: own?.searchTermImpressionShare ?? null,
        search_term_impression_rank: own?.searchTermImpressionRank ?? null,
      },
    };
  }

  return {
    platform: 'amazon',
    source,
    collect,
    close: async () => {
      await Promise.all([client.close(), closeTokens()]);
    },
  };
}

/** The exact-match suggested bid range (else the first given), in currency units. */
function suggestedBid(target: KeywordTarget | undefined) {
  const info = target?.bidInfo?.find((b) => b.matchType === 'EXACT' && b.suggestedBid) ?? target?.bidInfo?.find((b) => b.suggestedBid);
  if (!info?.suggestedBid) return null;
  const { rangeStart, rangeMedian, rangeEnd } = info.suggestedBid;
  return {
    match_type: info.matchType,
    range_start: currency(rangeStart),
    range_median: currency(rangeMedian),
    range_end: currency(rangeEnd),
  };
}
