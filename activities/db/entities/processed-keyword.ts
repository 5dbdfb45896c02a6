// processed_keywords: an observation scored, cleaned and clustered, one per (platform, keyword, day)
// (migrations ..._insights, ..._unknown_scores, ..._keyword_sort_indexes).
import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** A metric is null where the source publishes none, and so is every score that needs it. */
export interface ProcessedKeyword {
  id: string;
  platform: string;
  keyword: string;
  day: string;
  searchVolume: number | null;
  competition: number | null;
  cpc: number | null;
  trendScore: number | null;
  difficultyScore: number | null;
  opportunityScore: number | null;
  relatedKeywords: string[];
  category: string | null;
  /** null when the day's batch was too small to cluster. */
  clusterId: number | null;
  processedAt: Date;
  workflowId: string;
}

/**
 * GET /keywords sorts unknown (null) scores last by coalesce(score, ±Infinity) and id: expression indexes,
 * which MikroORM keeps as written (repositories/keyword-sorts.ts holds the same expressions).
 */
const sortIndex = (name: string, expression: string) => ({
  name: `processed_keywords_${name}_sort_index`,
  expression: `create index "processed_keywords_${name}_sort_index" on "processed_keywords" ("day", ${expression})`,
});

export const ProcessedKeywordSchema = new EntitySchema<ProcessedKeyword>({
  name: 'ProcessedKeyword',
  tableName: 'processed_keywords',
  uniques: [{ name: 'processed_keywords_platform_keyword_day_unique', properties: ['platform', 'keyword', 'day'] }],
  indexes: [
    { name: 'processed_keywords_keyword_index', properties: ['keyword', 'day'] },
    sortIndex('opportunity', `coalesce("opportunity_score", '-Infinity'::float8) desc, "id" desc`),
    sortIndex('difficulty', `coalesce("difficulty_score", 'Infinity'::float8), "id"`),
    sortIndex('volume', `coalesce("search_volume", -1) desc, "id" desc`),
  ],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    platform: { type: 'string', length: 16 },
    keyword: { type: 'string', length: 100 },
    day: { type: 'string', columnType: 'date' },
    searchVolume: { type: 'integer', nullable: true },
    competition: { type: 'double', nullable: true },
    cpc: { type: 'double', nullable: true },
    trendScore: { type: 'double', nullable: true },
    difficultyScore: { type: 'double', nullable: true },
    opportunityScore: { type: 'double', nullable: true },
    relatedKeywords: { type: 'json', defaultRaw: `'[]'` },
    category: { type: 'string', length: 200, nullable: true },
    clusterId: { type: 'integer', nullable: true },
    processedAt: { type: 'datetime', columnType: 'timestamptz' },
    workflowId: { type: 'string', length: 200 },
  },
});
