// The processed-keyword item of GET /keywords and GET /keywords/:keyword, and its OpenAPI schema.
import { z } from '@hono/zod-openapi';
import { platform } from '../validate';

/** A metric or score is null when unknown (the source publishes no such number); unknown scores sort last. */
export const KeywordItem = z.object({
  keyword: z.string(), platform, day: z.string(), search_volume: z.number().int().nullable(), competition: z.number().nullable(),
  cpc: z.number().nullable(), trend_score: z.number().nullable(), difficulty_score: z.number().nullable(), opportunity_score: z.number().nullable(),
  cluster: z.object({ id: z.number().int(), label: z.string().nullable() }).nullable(),
  related_keywords: z.array(z.string()), category: z.string().nullable(),
}).openapi('KeywordItem');

/** Raw observations: a metric the source does not publish is null. */
export const History = z.object({
  platform, day: z.string(), search_volume: z.number().int().nullable(), competition: z.number().nullable(), cpc: z.number().nullable(),
  trend_score: z.number().nullable(),
}).openapi('KeywordHistory');

/** A row of processed_keywords joined with its cluster label, as knex returns it. */
export type Row = Record<string, unknown> & { id: string; cluster_id: number | null };

export function toItem(r: Row): z.infer<typeof KeywordItem> {
  const item = {
    keyword: r.keyword, platform: r.platform, day: r.day_text, search_volume: r.search_volume, competition: r.competition,
    cpc: r.cpc, trend_score: r.trend_score, difficulty_score: r.difficulty_score, opportunity_score: r.opportunity_score,
    cluster: r.cluster_id === null ? null : { id: r.cluster_id, label: r.cluster_label ?? null },
    related_keywords: r.related_keywords, category: r.category,
  };
  return item as z.infer<typeof KeywordItem>;
}
