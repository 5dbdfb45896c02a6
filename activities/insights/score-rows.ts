// The scores of stored observations, as processKeywords writes them (process-keywords.ts): an unknown metric goes
// into the pure scorer as 0 and every score that depends on it comes out unknown (difficulty needs competition,
// cpc and volume; opportunity needs volume, trend and competition). The cluster is set by the caller.
import type { NewProcessedKeyword } from '../db/repositories/processed-keywords';
import { cleanRelatedKeywords } from '../processing/related';
import { difficultyScore, opportunityScore } from '../processing/scores';
import type { ObservationInput } from '../processing/types';

export function scoreRow(r: ObservationInput, clusterId: number | null): NewProcessedKeyword {
  const filled = { searchVolume: r.searchVolume ?? 0, competition: r.competition ?? 0, cpc: r.cpc ?? 0, trendScore: r.trendScore ?? 0 };
  const volumeKnown = r.searchVolume !== null && r.competition !== null;
  return {
    keyword: r.keyword,
    platform: r.platform,
    day: r.day,
    searchVolume: r.searchVolume,
    competition: r.competition,
    cpc: r.cpc,
    trendScore: r.trendScore,
    relatedKeywords: cleanRelatedKeywords(r.relatedKeywords),
    category: r.category ?? null,
    difficultyScore: volumeKnown && r.cpc !== null ? difficultyScore(filled) : null,
    opportunityScore: volumeKnown && r.trendScore !== null ? opportunityScore(filled) : null,
    clusterId,
  };
}
