// The trend derived from a keyword's own history of result counts.
import { describe, expect, it } from 'vitest';
import { trendFromCounts, withDerivedTrend } from '../../activities/collect/derived-trend';
import { provenanceOf } from '../../activities/collectors/provenance';
import type { KeywordMetrics } from '../../activities/collectors/types';

describe('trendFromCounts', () => {
  it.each([
    [100, [100, 100], 0.5], // flat
    [201, [100], 1], // (201 + 1) / (100 + 1) = 2: doubled
    [49, [99], 0.5 + 0.5 * Math.log2(50 / 100)], // halved: 0
    [0, [10_000], 0], // clamped below
    [1_000_000, [1], 1], // clamped above
    [150, [100, 200], 0.5], // against the mean of the earlier days
  ])('today %d against %j → %d', (today, earlier, expected) => {
    expect(trendFromCounts(today, earlier)).toBeCloseTo(expected, 3);
  });

  it('is unknown without earlier counts', () => {
    expect(trendFromCounts(100, [])).toBeNull();
  });

  it('rises with today’s count (monotone)', () => {
    const values = [0, 10, 100, 1000, 10_000].map((n) => trendFromCounts(n, [500])!);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });
});

describe('withDerivedTrend', () => {
  const metrics = (trendScore: number | null, details?: Record<string, unknown>): KeywordMetrics => ({
    keyword: 'svg bundle',
    platform: 'etsy',
    searchVolume: null,
    competition: 0.5,
    cpc: null,
    trendScore,
    relatedKeywords: [],
    categoryData: null,
    degraded: [],
    source: 'etsy-v3:simulator',
    provenance: provenanceOf({ competition: 'derived' }),
    details,
  });

  it('fills an unknown trend from the result count and marks it derived', () => {
    const out = withDerivedTrend(metrics(null, { result_count: 201 }), [100]);
    expect(out.trendScore).toBe(1);
    expect(out.provenance.trend_score).toBe('derived');
  });

  it('leaves a measured trend, a missing count or an empty history alone', () => {
    expect(withDerivedTrend(metrics(0.4, { result_count: 10 }), [5]).trendScore).toBe(0.4);
    expect(withDerivedTrend(metrics(null, {}), [5]).trendScore).toBeNull();
    expect(withDerivedTrend(metrics(null, { result_count: 10 }), []).provenance.trend_score).toBe('unknown');
  });
});
