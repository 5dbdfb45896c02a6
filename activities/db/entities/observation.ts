// observations: one keyword on one platform on one day, as collected or imported (migrations ..._observations,
// ..._observation_provenance, ..._keyword_demand). EntitySchema (not decorators) so the same code runs under tsx, vitest and node.
import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { PLATFORMS } from '../../../workflows/types/platforms';
import type { KeywordMetrics, MetricSources, Provenance } from '../../collectors/types';

/** Unique (platform, keyword, day). The metrics are the collector's: null where the source publishes none. */
export interface Observation extends Omit<KeywordMetrics, 'provenance' | 'details' | 'metricSources'> {
  id: string;
  day: string;
  /** measured / derived / unknown per metric; {} on rows written without it (imports, rows stored before it was recorded). */
  provenance: Partial<Provenance>;
  /** Source-specific extras (result count, price statistics, suggested bid range...). */
  details: Record<string, unknown> | null;
  /** Metrics taken from a demand source, with its label; {} when every number is the row's own source's. */
  metricSources: MetricSources;
  collectedAt: Date;
  workflowId: string;
}

/** An observation to write: the database numbers it. */
export type NewObservation = Omit<Observation, 'id'>;

export const ObservationSchema = new EntitySchema<Observation>({
  name: 'Observation',
  tableName: 'observations',
  uniques: [{ name: 'observations_platform_keyword_day_unique', properties: ['platform', 'keyword', 'day'] }],
  indexes: [{ name: 'observations_keyword_day_index', properties: ['keyword', 'day'] }, { properties: ['day'] }],
  checks: [{ name: 'observations_search_volume_check', expression: `"search_volume" >= 0` }],
  properties: {
    // ids travel as strings: JSON has no bigint
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    // an enum to MikroORM: the check constraint "platform" in (...) of the migration
    platform: { enum: true, items: () => [...PLATFORMS], columnType: 'varchar(16)' },
    keyword: { type: 'string', length: 100 },
    day: { type: 'string', columnType: 'date' },
    searchVolume: { type: 'integer', nullable: true },
    competition: { type: 'double', nullable: true },
    cpc: { type: 'double', nullable: true },
    trendScore: { type: 'double', nullable: true },
    relatedKeywords: { type: 'json', defaultRaw: `'[]'` },
    categoryData: { type: 'json', nullable: true },
    degraded: { type: 'json', defaultRaw: `'[]'` },
    source: { type: 'string', length: 200 },
    provenance: { type: 'json', defaultRaw: `'{}'` },
    details: { type: 'json', nullable: true },
    metricSources: { type: 'json', defaultRaw: `'{}'` },
    collectedAt: { type: 'datetime', columnType: 'timestamptz' },
    workflowId: { type: 'string', length: 200 },
  },
});
