// Persistence model. EntitySchema (not decorators) so the same code runs under tsx, vitest and node.
import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { KeywordMetrics, MetricSources, Provenance } from '../collectors/types';
import { insightEntities } from './insight-entities';

/** One keyword on one platform on one day: unique (platform, keyword, day). The metrics are the collector's. */
export interface Observation extends Omit<KeywordMetrics, 'provenance' | 'details' | 'metricSources'> {
  id: string;
  day: string;
  /** measured / derived / unknown per metric; {} on rows stored before provenance was recorded. */
  provenance: Partial<Provenance>;
  /** Source-specific extras (result count, price statistics, suggested bid range...). */
  details: Record<string, unknown> | null;
  /** Metrics taken from a demand source, with its label; {} when every number is the row's own source's. */
  metricSources: MetricSources;
  collectedAt: Date;
  workflowId: string;
}

export const ObservationSchema = new EntitySchema<Observation>({
  name: 'Observation',
  tableName: 'observations',
  uniques: [{ name: 'observations_platform_keyword_day_unique', properties: ['platform', 'keyword', 'day'] }],
  indexes: [{ name: 'observations_keyword_day_index', properties: ['keyword', 'day'] }, { properties: ['day'] }],
  properties: {
    // ids travel as strings: JSON has no bigint
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    platform: { type: 'string', length: 16 },
    keyword: { type: 'string', length: 100 },
    day: { type: 'string', columnType: 'date' },
    searchVolume: { type: 'integer', nullable: true },
    competition: { type: 'double', nullable: true },
    cpc: { type: 'double', nullable: true },
    trendScore: { type: 'double', nullable: true },
    relatedKeywords: { type: 'json' },
    categoryData: { type: 'json', nullable: true },
    degraded: { type: 'json' },
    source: { type: 'string', length: 200 },
    provenance: { type: 'json' },
    details: { type: 'json', nullable: true },
    metricSources: { type: 'json' },
    collectedAt: { type: 'datetime', columnType: 'timestamptz' },
    workflowId: { type: 'string', length: 200 },
  },
});

export const entities = [ObservationSchema, ...insightEntities];
