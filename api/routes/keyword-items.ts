// The processed-keyword item of GET /keywords and GET /keywords/:keyword, and its OpenAPI schema.
import { z } from '@hono/zod-openapi';
import { platform } from '../validate';

/** A metric or score is null when unknown (the source publishes no such number); unknown scores sort last. */
export const KeywordItem = z.object({
  keyword: z.string(), platform, day: z.string(), search_volume: z.number().int().nullable(), competition: z.number().nullable(),
  cpc: z.number().nullable(), trend_score: z.number().nullable(), difficulty_score: z.number().nullable(), opportunity_score: z.number().nullable(),
  cluster: z.object({ id: z.number().int(), label: z.string().nullable() }).nullable(),
  related_keywords: z.array(z.string()), category: z.string().nullable(),
  volume_source: z.enum(['simulated', 'measured', 'estimated', 'imported']).nullable().openapi({
    description: "where the day's search volume came from: a simulator, measured by the source, estimated here from its data, or an imported dataset; null when unknown",
  }),
}).openapi('KeywordItem');

/** volume_source of a processed row from its observation `o` (same platform, keyword and day). */
export const VOLUME_SOURCE_SQL = `case when p.search_volume is null or o.source is null then null
  when o.source like 'dataset:%' then 'imported' when o.source = 'simulator' or o.source like '%:simulator' then 'simulated'
  when o.provenance->>'search_volume' = 'derived' then 'estimated' when o.provenance->>'search_volume' = 'measured' then 'measured' end`;
export const VOLUME_SOURCES = ['simulated', 'measured', 'estimated', 'imported'] as const;

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
    related_keywords: r.related_keywords, category: r.category, volume_source: r.volume_source ?? null,
  };
  return item as z.infer<typeof KeywordItem>;
}
