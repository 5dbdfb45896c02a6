// The reference pipeline's TrendAnalyzer (test/bench/reference/pipeline.py) over a window of observations: per
// platform (averages, trending and emerging keywords), per day (volume sum, mean competition and cpc, and their slopes), and real
// 7-day forecasts with a backtest in place of the reference's random-noise predictions.
import { dayNumber } from './days';
import { forecastTrends, type ForecastOptions, type FuturePredictions } from './forecast-summary';
import { emergingOpportunityScore } from './scores';
import type { CompleteObservation } from './types';

export interface PlatformTrends {
  total_keywords: number;
  avg_search_volume: number;
  avg_competition: number;
  avg_cpc: number;
  /** Trend score > 0.7, top 10 by trend score; a keyword appears once (its best day). */
  trending_keywords: { keyword: string; trend_score: number; search_volume: number }[];
  /** 100 < volume < 1,000 and competition < 0.5, top 10 by volume; a keyword appears once. */
  emerging_keywords: { keyword: string; search_volume: number; competition: number; opportunity_score: number }[];
}

export interface DailyStat {
  day: string;
  search_volume: number;
  competition: number;
  cpc: number;
  observations: number;
}

export interface ColumnTrend {
  slope: number;
  direction: 'increasing' | 'decreasing';
  strength: number;
}

export interface TrendAnalysis {
  window: { from: string; to: string; days: number; observations: number };
  platform_trends: Record<string, PlatformTrends>;
  temporal_trends: { daily_stats: DailyStat[]; trends: Partial<Record<'search_volume' | 'competition' | 'cpc', ColumnTrend>> };
  future_predictions: FuturePredictions;
}

interface PlatformAcc {
  n: number;
  volume: number;
  competition: number;
  cpc: number;
  trending: Map<string, CompleteObservation>;
  emerging: Map<string, CompleteObservation>;
}

export function buildTrendAnalysis(rows: readonly CompleteObservation[], options: ForecastOptions = {}): TrendAnalysis | null {
  if (rows.length === 0) return null;
  const platforms = new Map<string, PlatformAcc>();
  const daily = new Map<string, DailyStat>();
  for (const row of rows) {
    let p = platforms.get(row.platform);
    if (!p) platforms.set(row.platform, (p = { n: 0, volume: 0, competition: 0, cpc: 0, trending: new Map(), emerging: new Map() }));
    p.n++;
    p.volume += row.searchVolume;
    p.competition += row.competition;
    p.cpc += row.cpc;
    if (row.trendScore > 0.7) keepBest(p.trending, row, row.trendScore, (r) => r.trendScore);
    if (row.searchVolume > 100 && row.searchVolume < 1000 && row.competition < 0.5)
      keepBest(p.emerging, row, row.searchVolume, (r) => r.searchVolume);
    let d = daily.get(row.day);
    if (!d) daily.set(row.day, (d = { day: row.day, search_volume: 0, competition: 0, cpc: 0, observations: 0 }));
    d.search_volume += row.searchVolume;
    d.competition += row.competition;
    d.cpc += row.cpc;
    d.observations++;
  }
  const dailyStats = [...daily.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  for (const d of dailyStats) {
    d.competition /= d.observations;
    d.cpc /= d.observations;
  }
  return {
    window: { from: dailyStats[0]!.day, to: dailyStats.at(-1)!.day, days: dailyStats.length, observations: rows.length },
    platform_trends: Object.fromEntries([...platforms].map(([name, p]) => [name, platformTrends(p)])),
    temporal_trends: { daily_stats: dailyStats, trends: columnTrends(dailyStats) },
    future_predictions: forecastTrends(rows, options),
  };
}

function keepBest(
  best: Map<string, CompleteObservation>,
  row: CompleteObservation,
  value: number,
  of: (r: CompleteObservation) => number,
): void {
  const current = best.get(row.keyword);
  if (!current || value > of(current)) best.set(row.keyword, row);
}

/** Top 10 by `of`, ties in first-seen order (pandas nlargest keeps the first). */
function top10(rows: Map<string, CompleteObservation>, of: (r: CompleteObservation) => number): CompleteObservation[] {
  return [...rows.values()].sort((a, b) => of(b) - of(a)).slice(0, 10);
}

function platformTrends(p: PlatformAcc): PlatformTrends {
  return {
    total_keywords: p.n,
    avg_search_volume: p.volume / p.n,
    avg_competition: p.competition / p.n,
    avg_cpc: p.cpc / p.n,
    trending_keywords: top10(p.trending, (r) => r.trendScore).map((r) => ({
      keyword: r.keyword,
      trend_score: r.trendScore,
      search_volume: r.searchVolume,
    })),
    emerging_keywords: top10(p.emerging, (r) => r.searchVolume).map((r) => ({
      keyword: r.keyword,
      search_volume: r.searchVolume,
      competition: r.competition,
      opportunity_score: emergingOpportunityScore(r),
    })),
  };
}

/** Least-squares slope per column over calendar days (the reference's polyfit over day positions). */
function columnTrends(stats: DailyStat[]): TrendAnalysis['temporal_trends']['trends'] {
  if (stats.length < 2) return {};
  const first = dayNumber(stats[0]!.day);
  const x = stats.map((d) => dayNumber(d.day) - first);
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const sxx = x.reduce((a, b) => a + (b - mx) ** 2, 0);
  const trends: TrendAnalysis['temporal_trends']['trends'] = {};
  for (const column of ['search_volume', 'competition', 'cpc'] as const) {
    const my = stats.reduce((a, d) => a + d[column], 0) / stats.length;
    const slope = stats.reduce((a, d, i) => a + (x[i]! - mx) * (d[column] - my), 0) / sxx;
    trends[column] = { slope, direction: slope > 0 ? 'increasing' : 'decreasing', strength: Math.abs(slope) };
  }
  return trends;
}
