// A processed_keywords row as the API and the CLI read it: joined with its cluster's label and the source of its
// volume (from the row's observation). Shared by the page, top-opportunity and keyword-details reads.
import type { Knex } from '@mikro-orm/postgresql';
import type { ProcessedKeyword } from '../entities';
import { volumeSourceSql, type VolumeSource } from './volume-sources';

/** The row's volume source, by its observation `o` (same platform, keyword and day): volume-sources.ts has the rule. */
export const VOLUME_SOURCE_SQL = volumeSourceSql('o', 'p.search_volume');

/** A processed row with its cluster's label and its volume's source, as the API and the CLI show it. */
export type ProcessedKeywordWithCluster = Omit<ProcessedKeyword, 'processedAt' | 'workflowId'> & {
  clusterLabel: string | null;
  volumeSource: VolumeSource | null;
};

export const COLUMNS = [
  'p.id',
  'p.keyword',
  'p.platform',
  'p.search_volume',
  'p.competition',
  'p.cpc',
  'p.trend_score',
  'p.difficulty_score',
  'p.opportunity_score',
  'p.cluster_id',
  'c.label as cluster_label',
  'p.related_keywords',
  'p.category',
];

/** A row of COLUMNS (from knex or json_agg: snake_case, the day as day_text). */
export type JoinedRow = Record<string, unknown>;

export const withClusterLabel = (r: JoinedRow): ProcessedKeywordWithCluster =>
  ({
    id: String(r.id),
    keyword: r.keyword,
    platform: r.platform,
    day: r.day_text,
    searchVolume: r.search_volume,
    competition: r.competition,
    cpc: r.cpc,
    trendScore: r.trend_score,
    difficultyScore: r.difficulty_score,
    opportunityScore: r.opportunity_score,
    relatedKeywords: r.related_keywords,
    category: r.category,
    clusterId: r.cluster_id,
    clusterLabel: r.cluster_label ?? null,
    volumeSource: r.volume_source ?? null,
  }) as ProcessedKeywordWithCluster;

/** processed_keywords rows with their cluster label and volume source; dates as text (pg would make local-midnight Dates). */
export function withCluster(knex: Knex) {
  return withSource(
    knex('processed_keywords as p')
      .leftJoin('keyword_clusters as c', (j) => j.on('c.day', 'p.day').andOn('c.cluster_id', 'p.cluster_id'))
      .select(COLUMNS)
      .select(knex.raw(`p.day::text as day_text`)),
    knex,
  );
}

/** The row's observation (unique on platform, keyword, day) says where its volume came from. */
export function withSource(query: Knex.QueryBuilder, knex: Knex) {
  return query
    .leftJoin('observations as o', (j) => j.on('o.platform', 'p.platform').andOn('o.keyword', 'p.keyword').andOn('o.day', 'p.day'))
    .select(knex.raw(`${VOLUME_SOURCE_SQL} as volume_source`));
}
