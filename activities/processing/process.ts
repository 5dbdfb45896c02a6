// The reference pipeline's process_keyword_data (test/bench/reference/pipeline.py): scores and cleaned related
// keywords per observation, then clusters over the batch's keywords.
import { clusterKeywords, type ClusterOptions } from './clustering';
import { cleanRelatedKeywords } from './related';
import { difficultyScore, opportunityScore } from './scores';
import type { ClusterSummary, CompleteObservation, ScoredKeyword } from './types';

export interface ProcessResult {
  keywords: ScoredKeyword[];
  clusters: ClusterSummary[];
}

export function processObservations(rows: readonly CompleteObservation[], options: ClusterOptions = {}): ProcessResult {
  // explicit fields, not a spread: one object shape for every row keeps a million rows fast
  const keywords: ScoredKeyword[] = rows.map((row) => ({
    keyword: row.keyword,
    platform: row.platform,
    day: row.day,
    searchVolume: row.searchVolume,
    competition: row.competition,
    cpc: row.cpc,
    trendScore: row.trendScore,
    relatedKeywords: cleanRelatedKeywords(row.relatedKeywords),
    category: row.category ?? null,
    difficultyScore: difficultyScore(row),
    opportunityScore: opportunityScore(row),
    clusterId: null,
  }));
  // as the reference pipeline (test/bench/reference/pipeline.py): a single observation is not clustered
  if (keywords.length < 2) return { keywords, clusters: [] };
  const { assignments, clusters } = clusterKeywords(
    keywords.map((k) => k.keyword),
    options,
  );
  keywords.forEach((k, i) => (k.clusterId = assignments[i]!));
  return { keywords, clusters };
}
