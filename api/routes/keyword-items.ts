// The processed-keyword item of GET /keywords and GET /keywords/:keyword, and its OpenAPI schema.
import { z } from '@hono/zod-openapi';
import type { ProcessedKeywordWithCluster } from '../../activities/db/repositories/processed-keyword-rows';
import { VOLUME_SOURCES } from '../../activities/db/repositories/volume-sources';
import { platform } from '../validate';

/** The four collected metrics, null when the source publishes no such number. */
const metricFields = {
  search_volume: z.number().int().nullable(),
  competition: z.number().nullable(),
  cpc: z.number().nullable(),
  trend_score: z.number().nullable(),
};

/** A metric or score is null when unknown (the source publishes no such number); unknown scores sort last. */
export const KeywordItem = z
  .object({
    keyword: z.string(),
    platform,
    day: z.string(),
    ...metricFields,
    difficulty_score: z.number().nullable(),
    opportunity_score: z.number().nullable(),
    cluster: z.object({ id: z.number().int(), label: z.string().nullable() }).nullable(),
    related_keywords: z.array(z.string()),
    category: z.string().nullable(),
    volume_source: z.enum(VOLUME_SOURCES).nullable().openapi({
      description:
        "where the day's search volume came from: a simulator, measured by the source, estimated here from its data, or an imported dataset; null when unknown",
    }),
  })
  .openapi('KeywordItem');

/** Raw observations: a metric the source does not publish is null. */
export const History = z
  .object({
    platform,
    day: z.string(),
    ...metricFields,
    source: z.string().openapi({ description: "the row's source: where each metric came from unless metric_sources names another" }),
    provenance: z
      .record(z.string(), z.string())
      .openapi({ description: 'per metric: measured, derived, estimated or unknown ({} when not recorded)' }),
    metric_sources: z.record(z.string(), z.string()).openapi({
      description: 'metrics taken from another source (a demand source or an imported report), each with its label "<source>: <method>"',
    }),
  })
  .openapi('KeywordHistory');

export function toItem(r: ProcessedKeywordWithCluster): z.infer<typeof KeywordItem> {
  return {
    keyword: r.keyword,
    platform: r.platform as z.infer<typeof platform>,
    day: r.day,
    search_volume: r.searchVolume,
    competition: r.competition,
    cpc: r.cpc,
    trend_score: r.trendScore,
    difficulty_score: r.difficultyScore,
    opportunity_score: r.opportunityScore,
    cluster: r.clusterId === null ? null : { id: r.clusterId, label: r.clusterLabel },
    related_keywords: r.relatedKeywords,
    category: r.category,
    volume_source: r.volumeSource,
  };
}
