// collectKeywords through the official API adapters (Amazon Ads, Etsy v3) on the simulator's look-alikes:
// where each metric came from, the daily quota, and the trend derived from earlier result counts.
import { describe, expect, it } from 'vitest';
import { simulateKeyword } from '../../workers/simulator/data';
import { defaultCredentials } from '../../workers/simulator/official';
import { upsertObservations } from '../../activities/db/repositories/observations';
import { trendFromCounts } from '../../activities/collect/derived-trend';
import { provenanceOf } from '../../activities/collectors/provenance';
import { collectKeywords } from '../../workflows/collect-keywords';
import { uid } from '../helpers/stack';
import { rowsFor, stack, useCollectStack } from './collect-stack';
import { officialProvider } from '../collectors/official-fixture';

const DAY = '2026-11-20';
useCollectStack(DAY);

describe('collectKeywords', () => {
  it('mixes adapters across platforms, stores where each metric came from, and stops a platform at its daily quota', async () => {
    const token = uid();
    const keywords = ['a', 'b', 'c', 'd'].map((w) => `printable planner ${token} ${w}`);
    const credentials = defaultCredentials(stack.keys);
    // Etsy: the listings and the taxonomy for the first keyword, the listings for the second, then the quota is spent
    const providers = {
      amazon: officialProvider('amazon', stack.sim.url, credentials, { ratePerSecond: 50, timeoutMs: 2_000 }),
      etsy: officialProvider('etsy', stack.sim.url, credentials, { ratePerSecond: 10, timeoutMs: 2_000, dailyQuota: 3 }),
      ebay: stack.providers.ebay,
    };
    const result = await stack.withWorker(
      (taskQueue) =>
        stack.client.workflow.execute(collectKeywords, {
          taskQueue,
          workflowId: `collect-test-${token}`,
          args: [{ keywords, platforms: ['amazon', 'etsy', 'ebay'], day: DAY, batchSize: 2, concurrency: 1 }],
        }),
      { providers },
    );

    expect(result.platforms.map((p) => [p.platform, p.collected, p.failures.length, p.error ?? null])).toEqual([
      ['amazon', 4, 0, null],
      ['etsy', 2, 1, 'etsy: daily quota reached (3 requests per 24 h); platform stopped'],
      ['ebay', 4, 0, null],
    ]);
    // the keyword the quota stopped failed, the one after it was never tried: every keyword is accounted for
    expect(result.platforms[1]).toMatchObject({ failures: [{ keyword: keywords[2] }], notAttempted: 1 });
    // no call once the quota was spent
    expect(stack.sim.simulator.requests.filter((r) => r.platform === 'etsy').map((r) => `${r.call} ${r.status}`)).toEqual([
      'active 200',
      'nodes 200',
      'active 200',
    ]);
    const rows = await rowsFor(keywords);
    expect(rows.map((r) => `${r.platform} ${r.source}`)).toEqual(
      keywords.flatMap((_, i) => [
        'amazon amazon-ads:simulator',
        ...(i < 2 ? ['ebay simulator', 'etsy etsy-v3:simulator'] : ['ebay simulator']),
      ]),
    );
    for (const row of rows) {
      const served = simulateKeyword(row.platform, row.keyword, DAY);
      if (row.platform === 'ebay') {
        expect(row).toMatchObject({
          searchVolume: served.search_volume,
          competition: served.competition,
          cpc: served.cpc,
          trendScore: served.trend_score,
          details: null,
        });
        expect(Object.values(row.provenance)).toEqual(Array(6).fill('measured'));
      } else if (row.platform === 'amazon') {
        expect(row).toMatchObject({ searchVolume: null, competition: null, cpc: served.cpc, trendScore: null, categoryData: null });
        expect(row.provenance).toEqual({
          search_volume: 'unknown',
          competition: 'unknown',
          cpc: 'measured',
          trend_score: 'unknown',
          related_keywords: 'measured',
          category_data: 'unknown',
        });
        expect(row.details).toMatchObject({ suggested_bid: { match_type: 'EXACT', range_median: served.cpc } });
      } else {
        expect(row).toMatchObject({ searchVolume: null, cpc: null, trendScore: null, categoryData: { top_category: expect.any(String) } });
        expect(row.competition).toBeGreaterThan(0);
        expect(row.provenance).toMatchObject({ search_volume: 'unknown', competition: 'derived', cpc: 'unknown', trend_score: 'unknown' });
        expect(row.details).toMatchObject({
          result_count: expect.any(Number),
          sample_size: expect.any(Number),
          price: { currency: 'USD' },
        });
      }
    }
  });

  it("derives the trend from the keyword's earlier result counts when the source publishes none", async () => {
    const token = uid();
    const [known, fresh] = [`svg bundle ${token} known`, `svg bundle ${token} fresh`];
    await upsertObservations(stack.orm.em.fork(), [
      {
        platform: 'etsy',
        keyword: known,
        day: '2026-11-19',
        searchVolume: null,
        competition: 0.5,
        cpc: null,
        trendScore: null,
        relatedKeywords: [],
        categoryData: null,
        degraded: [],
        source: 'etsy-v3:simulator',
        collectedAt: new Date(),
        workflowId: 'seed',
        provenance: provenanceOf({ competition: 'derived' }),
        details: { result_count: 1000 },
        metricSources: {},
      },
    ]);
    const credentials = defaultCredentials(stack.keys);
    const providers = {
      ...stack.providers,
      etsy: officialProvider('etsy', stack.sim.url, credentials, { ratePerSecond: 50, timeoutMs: 2_000 }),
    };
    await stack.withWorker(
      (taskQueue) =>
        stack.client.workflow.execute(collectKeywords, {
          taskQueue,
          workflowId: `collect-test-${token}`,
          args: [{ keywords: [known, fresh], platforms: ['etsy'], day: DAY }],
        }),
      { providers },
    );

    const rows = await rowsFor([known, fresh]);
    const byKeyword = new Map(rows.map((r) => [r.keyword, r]));
    const today = byKeyword.get(known)!;
    expect(today.trendScore).toBe(trendFromCounts((today.details as { result_count: number }).result_count, [1000]));
    expect(today.provenance.trend_score).toBe('derived');
    expect(byKeyword.get(fresh)).toMatchObject({ trendScore: null, provenance: { trend_score: 'unknown' } });
  });
});
