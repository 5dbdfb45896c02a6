// A collector's metrics for one day become the observation row collectBatch writes.
import type { KeywordMetrics } from '../collectors/types';
import type { NewObservation } from '../db/entities';

export function toObservation(m: KeywordMetrics, day: string, workflowId: string, collectedAt: Date): NewObservation {
  return {
    platform: m.platform,
    keyword: m.keyword,
    day,
    searchVolume: m.searchVolume,
    competition: m.competition,
    cpc: m.cpc,
    trendScore: m.trendScore,
    relatedKeywords: m.relatedKeywords,
    categoryData: m.categoryData,
    degraded: m.degraded,
    source: m.source,
    provenance: m.provenance,
    details: m.details ?? null,
    metricSources: m.metricSources ?? {},
    collectedAt,
    workflowId,
  };
}
