// The reference pipeline's analyze_keyword_trends (test/bench/reference/pipeline.py) over one processed batch:
// totals, averages, the ten best opportunities and the trending keywords (trend score above 0.7).
import { pyRound } from './scores';
import type { ScoredKeyword } from './types';

export interface KeywordTrends {
  total_keywords: number;
  avg_search_volume: number;
  avg_competition: number;
  avg_opportunity: number;
  top_opportunities: { keyword: string; platform: string; opportunity_score: number; search_volume: number }[];
  trending_count: number;
  /** Every observation with trend score > 0.7, strongest first (ties in batch order). */
  trending_keywords: { keyword: string; platform: string; trend_score: number }[];
}

const TRENDING_THRESHOLD = 0.7;

export function analyzeKeywordTrends(batch: readonly ScoredKeyword[]): KeywordTrends | null {
  if (batch.length === 0) return null;
  let volume = 0;
  let competition = 0;
  let opportunity = 0;
  const top: ScoredKeyword[] = [];
  const trending: KeywordTrends['trending_keywords'] = [];
  // one indexed pass: it runs once per batch, mostly before the JIT has warmed up
  for (let i = 0; i < batch.length; i++) {
    const k = batch[i]!;
    volume += k.searchVolume;
    competition += k.competition;
    opportunity += k.opportunityScore;
    if (k.trendScore > TRENDING_THRESHOLD) trending.push({ keyword: k.keyword, platform: k.platform, trend_score: k.trendScore });
    // the ten best, in the stable descending order of the reference's sorted(…, reverse=True)
    if (top.length === 10 && k.opportunityScore <= top[9]!.opportunityScore) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.opportunityScore < k.opportunityScore) at--;
    top.splice(at, 0, k);
    if (top.length > 10) top.pop();
  }
  return {
    total_keywords: batch.length,
    avg_search_volume: pyRound(volume / batch.length, 2),
    avg_competition: pyRound(competition / batch.length, 3),
    avg_opportunity: pyRound(opportunity / batch.length, 3),
    top_opportunities: top.map((k) => ({
      keyword: k.keyword,
      platform: k.platform,
      opportunity_score: k.opportunityScore,
      search_volume: k.searchVolume,
    })),
    trending_count: trending.length,
    // strongest first, so a caller that keeps only the head keeps the strongest
    trending_keywords: trending.sort((a, b) => b.trend_score - a.trend_score),
  };
}
