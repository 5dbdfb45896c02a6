import { describe, expect, it } from 'vitest';
import { analyzeKeywordTrends } from '../../activities/processing/keyword-trends';
import type { ScoredKeyword } from '../../activities/processing/types';

const kw = (keyword: string, opportunityScore: number, trendScore = 0.5, searchVolume = 100, competition = 0.5): ScoredKeyword => ({
  keyword,
  platform: 'etsy',
  day: '2026-11-01',
  searchVolume,
  competition,
  cpc: 1,
  trendScore,
  relatedKeywords: [],
  difficultyScore: 0.5,
  opportunityScore,
  clusterId: 0,
});

describe('analyzeKeywordTrends', () => {
  it('reports totals and rounded averages', () => {
    const out = analyzeKeywordTrends([kw('a', 0.1, 0.5, 100, 0.1), kw('b', 0.2, 0.5, 201, 0.2), kw('c', 0.3, 0.5, 300, 0.3)])!;
    expect(out.total_keywords).toBe(3);
    expect(out.avg_search_volume).toBe(200.33);
    expect(out.avg_competition).toBe(0.2);
    expect(out.avg_opportunity).toBe(0.2);
  });

  it('lists the ten best opportunities, ties in input order as Python’s stable sort', () => {
    const batch = Array.from({ length: 15 }, (_, i) => kw(`k${i}`, i % 5 === 0 ? 0.9 : i / 100));
    const top = analyzeKeywordTrends(batch)!.top_opportunities.map((t) => t.keyword);
    expect(top).toEqual(['k0', 'k5', 'k10', 'k14', 'k13', 'k12', 'k11', 'k9', 'k8', 'k7']);
  });

  it('counts as trending only a trend score above 0.7, strongest first', () => {
    const out = analyzeKeywordTrends([kw('flat', 0.1, 0.7), kw('up', 0.1, 0.71), kw('rocket', 0.1, 0.99)])!;
    expect(out.trending_keywords.map((t) => t.keyword)).toEqual(['rocket', 'up']);
    expect(out.trending_count).toBe(2);
  });

  it('returns null for an empty batch, as the reference pipeline’s {}', () => {
    expect(analyzeKeywordTrends([])).toBeNull();
  });
});
