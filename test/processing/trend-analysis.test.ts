import { describe, expect, it } from 'vitest';
import { buildTrendAnalysis } from '../../activities/processing/trend-analysis';
import type { CompleteObservation } from '../../activities/processing/types';

const obs = (keyword: string, day: string, searchVolume: number, more: Partial<CompleteObservation> = {}): CompleteObservation => ({
  keyword,
  platform: 'etsy',
  day,
  searchVolume,
  competition: 0.4,
  cpc: 1,
  trendScore: 0.5,
  relatedKeywords: [],
  ...more,
});
const day = (i: number) => `2026-10-${String(i + 1).padStart(2, '0')}`;

describe('buildTrendAnalysis per platform', () => {
  it('averages and lists trending and emerging keywords, each keyword once', () => {
    const rows = [
      obs('hot', day(0), 500, { trendScore: 0.9 }),
      obs('hot', day(1), 500, { trendScore: 0.95 }),
      obs('warm', day(1), 50, { trendScore: 0.71 }),
      obs('cold', day(1), 50, { trendScore: 0.7 }),
      obs('edge', day(1), 1000, { competition: 0.1 }),
      obs('low', day(1), 100, { competition: 0.1 }),
      obs('busy', day(1), 600, { competition: 0.5 }),
      obs('amazon only', day(1), 10, { platform: 'amazon', cpc: 3 }),
    ];
    const { platform_trends: p } = buildTrendAnalysis(rows)!;
    expect(Object.keys(p).sort()).toEqual(['amazon', 'etsy']);
    expect(p.etsy!.total_keywords).toBe(7);
    expect(p.etsy!.avg_search_volume).toBe(400);
    expect(p.amazon!.avg_cpc).toBe(3);
    expect(p.etsy!.trending_keywords).toEqual([
      { keyword: 'hot', trend_score: 0.95, search_volume: 500 },
      { keyword: 'warm', trend_score: 0.71, search_volume: 50 },
    ]);
    // 100 < volume < 1,000 and competition < 0.5; opportunity 0.6·(500/5000) + 0.4·(1 − 0.4)
    expect(p.etsy!.emerging_keywords).toEqual([{ keyword: 'hot', search_volume: 500, competition: 0.4, opportunity_score: 0.3 }]);
  });
});

describe('buildTrendAnalysis per day', () => {
  it('sums volume, averages competition and cpc, and fits their slope per day', () => {
    const rows = [0, 1, 2, 3].flatMap((i) => [obs('a', day(i), 100 + 10 * i, { cpc: 1 + i }), obs('b', day(i), 50, { competition: 0.2 })]);
    const { temporal_trends: t, window } = buildTrendAnalysis(rows)!;
    expect(window).toEqual({ from: '2026-10-01', to: '2026-10-04', days: 4, observations: 8 });
    expect(t.daily_stats[1]).toEqual({
      day: '2026-10-02',
      search_volume: 160,
      competition: 0.30000000000000004,
      cpc: 1.5,
      observations: 2,
    });
    expect(t.trends.search_volume).toEqual({ slope: expect.closeTo(10, 10), direction: 'increasing', strength: expect.closeTo(10, 10) });
    expect(t.trends.cpc!.slope).toBeCloseTo(0.5, 10);
    expect(t.trends.competition!.direction).toBe('decreasing'); // slope 0, as the reference pipeline says
  });

  it('has no per-day trend and no forecast on a single day, and nothing for no rows', () => {
    const out = buildTrendAnalysis([obs('a', day(0), 10)])!;
    expect(out.temporal_trends.trends).toEqual({});
    expect(out.future_predictions).toMatchObject({ method: null, backtest: null, keywords: [] });
    expect(buildTrendAnalysis([])).toBeNull();
  });
});

describe('buildTrendAnalysis forecasts', () => {
  const rows = Array.from({ length: 21 }, (_, i) => [
    obs('rising', day(i), 100 + 10 * i),
    obs('falling', day(i), 400 - 5 * i),
    obs('rising', day(i), 1000, { platform: 'ebay' }),
  ]).flat();

  it('forecasts 7 days per keyword from its own history, with a backtest', () => {
    const f = buildTrendAnalysis(rows, { topKeywords: 2 })!.future_predictions;
    expect(f.horizon_days).toBe(7);
    expect(f.backtest).toMatchObject({ held_out_days: 7, series: 3, points: 21, mape: 0, wape: 0 });
    expect(f.keywords.map((k) => `${k.platform}/${k.keyword}`)).toEqual(['ebay/rising', 'etsy/rising']);
    const rising = f.keywords[1]!;
    expect(rising.last_day).toBe('2026-10-21');
    expect(rising.slope).toBe(10);
    expect(rising.forecast[0]).toEqual({ day: '2026-10-22', search_volume: 310, lower: 310, upper: 310 });
    expect(rising.forecast[6]!.day).toBe('2026-10-28');
    expect(f.platform_totals.etsy!.forecast[0]!.search_volume).toBe(310 + 295);
  });

  it('treats a missing day as a gap, not as a zero', () => {
    const gappy = rows.filter((r) => !(r.keyword === 'rising' && r.platform === 'etsy' && r.day === day(20)));
    const rising = buildTrendAnalysis(gappy, { topKeywords: 3 })!.future_predictions.keywords.find(
      (k) => k.platform === 'etsy' && k.keyword === 'rising',
    )!;
    expect(rising.last_day).toBe('2026-10-20');
    expect(rising.forecast[0]!.search_volume).toBeCloseTo(310, 6);
  });
});
