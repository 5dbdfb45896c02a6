// Demand filling as a function: what a row takes from the demand source, what it keeps, and how it is labelled.
import { describe, expect, it } from 'vitest';
import { demandLabels, trendFromMonthly, withDemand, type DemandEntry } from '../../activities/collect/demand-fill';
import type { KeywordDemand } from '../../activities/collectors/demand-source';
import { provenanceOf } from '../../activities/collectors/provenance';
import type { KeywordMetrics } from '../../activities/collectors/types';

const months = (counts: (number | null)[]) => counts.map((searches, i) => ({ year: 2026, month: i + 1, searches }));

const demand: KeywordDemand = {
  keyword: 'ebooks',
  text: 'ebooks',
  avgMonthlySearches: 1200,
  monthlySearches: months([100, 100, 100, 100, 100, 100, 100, 100, 100, 200, 200, 200]),
  competition: 'MEDIUM',
  competitionIndex: 42,
  lowTopOfPageBid: 0.5,
  highTopOfPageBid: 1.5,
  averageCpc: null,
};
const entry: DemandEntry = { label: 'google-ads', demand, failure: null };

const etsyRow: KeywordMetrics = {
  keyword: 'ebooks',
  platform: 'etsy',
  searchVolume: null,
  competition: 0.3,
  cpc: null,
  trendScore: null,
  relatedKeywords: [],
  categoryData: null,
  degraded: [],
  source: 'etsy-v3:openapi.etsy.com',
  provenance: provenanceOf({ competition: 'derived' }),
  details: { result_count: 1234 },
};

describe('trendFromMonthly', () => {
  it('compares the last quarter with the months before on the growth scale', () => {
    expect(trendFromMonthly(months(Array(12).fill(100)))).toBe(0.5);
    // 200 against 100: log2(201/101) = 0.993 → 0.5 + 0.496
    expect(trendFromMonthly(demand.monthlySearches)).toBe(0.996);
    expect(trendFromMonthly(months([400, 400, 400, 100, 100, 100]))).toBe(0);
  });

  it('is unknown with fewer than six known months', () => {
    expect(trendFromMonthly(months([100, null, 100, null, 100, 100, null]))).toBeNull();
  });
});

describe('withDemand', () => {
  it("fills volume, trend and CPC where the platform has none, each labelled, and keeps the platform's competition", () => {
    const out = withDemand(etsyRow, entry);
    const labels = demandLabels('google-ads');
    expect(out).toMatchObject({ searchVolume: 1200, competition: 0.3, cpc: 1, trendScore: 0.996, source: 'etsy-v3:openapi.etsy.com' });
    expect(out.metricSources).toEqual({ search_volume: labels.search_volume, trend_score: labels.trend_score, cpc: labels.cpc });
    expect(labels.search_volume).toBe('google-ads: average monthly Google searches');
    expect(out.provenance).toMatchObject({ search_volume: 'measured', competition: 'derived', trend_score: 'derived', cpc: 'derived' });
    expect(out.details).toMatchObject({
      result_count: 1234,
      demand: { source: 'google-ads', avg_monthly_searches: 1200, competition_index: 42 },
    });
  });

  it("takes Google's competition index and average CPC when the platform has neither", () => {
    const out = withDemand(
      { ...etsyRow, platform: 'amazon', competition: null, cpc: null },
      { ...entry, label: 'google-ads:simulator', demand: { ...demand, averageCpc: 0.87 } },
    );
    expect(out).toMatchObject({ competition: 0.42, cpc: 0.87 });
    expect(out.provenance).toMatchObject({ competition: 'measured', cpc: 'measured' });
    expect(out.metricSources?.search_volume).toBe('google-ads:simulator: average monthly Google searches');
  });

  it("never overwrites a platform's own search volume", () => {
    const seedRow = { ...etsyRow, searchVolume: 5000, cpc: 2, trendScore: 0.7, source: 'simulator' };
    expect(withDemand(seedRow, entry)).toBe(seedRow);
  });

  it('leaves the volume unknown when Google has no data or refused the keyword, saying why', () => {
    const none = withDemand(etsyRow, { ...entry, demand: { ...demand, avgMonthlySearches: null } });
    expect(none.searchVolume).toBeNull();
    expect(none.metricSources).toBeUndefined();
    expect(none.details?.demand).toMatchObject({ reason: 'Google reports no searches for this keyword' });
    const refused = withDemand(etsyRow, {
      label: 'google-ads',
      demand: null,
      failure: 'google-ads refused the keyword (criterionError KEYWORD_TEXT_TOO_LONG)',
    });
    expect(refused.details?.demand).toEqual({
      source: 'google-ads',
      reason: 'google-ads refused the keyword (criterionError KEYWORD_TEXT_TOO_LONG)',
    });
  });

  it('records a failed demand source as a degraded call, the volume unknown', () => {
    const out = withDemand(etsyRow, 'google-ads: daily quota reached (2880 requests per 24 h)');
    expect(out.searchVolume).toBeNull();
    expect(out.degraded).toEqual([{ call: 'demand', reason: 'google-ads: daily quota reached (2880 requests per 24 h)' }]);
  });
});
