// Demand filling end to end: real Temporal, PostgreSQL and HTTP to the simulated Google Ads API. Rows whose
// platform publishes no volume take Google's, labelled; a platform's own volume stays; Google is asked once per
// keyword and day whatever the number of platforms.
import { describe, expect, it } from 'vitest';
import { createGoogleAdsSource } from '../../activities/collectors/google-ads/adapter';
import { ObservationSchema } from '../../activities/db/entities';
import { defaultCredentials, GOOGLE_ADS_PREFIX } from '../../workers/simulator/official';
import { simulateKeyword } from '../../workers/simulator/data';
import { keywordMetrics } from '../../workers/simulator/official/google-ads-data';
import { collectKeywords } from '../../workflows/collect-keywords';
import { uid } from '../helpers/stack';
import { stack, useCollectStack } from './collect-stack';
import { officialProvider } from '../collectors/official-fixture';

const DAY = '2026-11-21';
useCollectStack(DAY);

const historicalCalls = () =>
  stack.sim.simulator.requests.filter((r) => r.platform === 'google-ads' && r.call.endsWith(':generateKeywordHistoricalMetrics'));

async function collectWithDemand(keywords: string[], batchSize: number) {
  const credentials = defaultCredentials(stack.keys);
  const settings = { ratePerSecond: 50, timeoutMs: 2_000 };
  // amazon keeps the generic provider contract (it publishes a volume); etsy and eBay use their official APIs (none)
  const providers = {
    ...stack.providers,
    etsy: officialProvider('etsy', stack.sim.url, credentials, settings),
    ebay: officialProvider('ebay', stack.sim.url, credentials, settings),
  };
  const url = `${stack.sim.url}${GOOGLE_ADS_PREFIX}`;
  const demand = createGoogleAdsSource({
    ...credentials.googleAds!,
    baseUrl: `${url}/v26`,
    tokenUrl: `${url}/token`,
    language: 'languageConstants/1000',
    geoTargets: ['geoTargetConstants/2840'],
    ratePerSecond: 50,
    timeoutMs: 2_000,
  });
  try {
    return await stack.withWorker(
      (taskQueue) =>
        stack.client.workflow.execute(collectKeywords, {
          taskQueue,
          workflowId: `demand-test-${uid()}`,
          args: [{ keywords, platforms: ['amazon', 'etsy', 'ebay'], day: DAY, batchSize }],
        }),
      { providers, demand },
    );
  } finally {
    await demand.close();
  }
}

describe('demand filling', () => {
  it("fills the volume of rows without one, labelled, never a platform's own, asking Google once per keyword and day", async () => {
    const token = uid();
    const keywords = Array.from({ length: 4 }, (_, i) => `ebooks ${token} ${i}`);
    const result = await collectWithDemand(keywords, 2);
    expect(result.platforms.map((p) => [p.platform, p.collected, p.error])).toEqual([
      ['amazon', 4, undefined],
      ['etsy', 4, undefined],
      ['ebay', 4, undefined],
    ]);
    // two batches, each needed by two platforms: one request per batch
    expect(historicalCalls().map((r) => r.status)).toEqual([200, 200]);

    const rows = await stack.orm.em
      .fork()
      .find(ObservationSchema, { day: DAY, keyword: { $in: keywords } }, { orderBy: { keyword: 'asc', platform: 'asc' } });
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      if (row.platform === 'amazon') {
        expect(row.searchVolume).toBe(simulateKeyword('amazon', row.keyword, DAY).search_volume);
        expect(row.metricSources).toEqual({});
        continue;
      }
      const google = keywordMetrics(row.keyword, DAY, true)!;
      expect(row.searchVolume).toBe(Number(google.avgMonthlySearches));
      expect(row.metricSources).toMatchObject({
        search_volume: 'google-ads:simulator: average monthly Google searches',
        trend_score: 'google-ads:simulator: trend of the last 12 months of Google searches',
        cpc: 'google-ads:simulator: average CPC on Google Search',
      });
      expect(row.cpc).toBe(Number(google.averageCpcMicros) / 1e6);
      expect(row.provenance).toMatchObject({ search_volume: 'measured', trend_score: 'derived', competition: 'derived' });
      expect(row.source).toBe(row.platform === 'etsy' ? 'etsy-v3:simulator' : 'ebay-browse:simulator');
    }
    const stored = await stack.orm.em
      .fork()
      .getKnex()('keyword_demand')
      .where({ day: DAY })
      .whereIn('keyword', keywords)
      .count<{ count: string }[]>('* as count');
    expect(Number(stored[0]!.count)).toBe(4);

    // the same day again: the stored demand is used, Google is not asked
    stack.sim.simulator.resetRequests();
    await collectWithDemand(keywords, 4);
    expect(historicalCalls()).toEqual([]);
  });

  it('keeps collecting when Google refuses the credentials: the volume stays unknown and says why', async () => {
    stack.sim.simulator.setFaults('google-ads', { unauthorized: true });
    const keyword = `fonts ${uid()}`;
    const result = await collectWithDemand([keyword], 5);
    expect(result.platforms.map((p) => [p.platform, p.collected])).toEqual([
      ['amazon', 1],
      ['etsy', 1],
      ['ebay', 1],
    ]);
    const rows = await stack.orm.em.fork().find(ObservationSchema, { day: DAY, keyword, platform: { $in: ['etsy', 'ebay'] } });
    for (const row of rows) {
      expect(row.searchVolume).toBeNull();
      expect(row.degraded).toEqual([
        {
          call: 'demand',
          reason: expect.stringMatching(
            /^google-ads: POST .*generateKeywordHistoricalMetrics returned 401 \(authenticationError OAUTH_TOKEN_INVALID\)$/,
          ),
        },
      ]);
    }
  });
});
