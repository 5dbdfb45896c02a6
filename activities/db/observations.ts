// Observation reads and writes. Upserts keyed by (platform, keyword, day) make activity retries harmless.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Platform } from '../../workflows/types/platforms';
import type { KeywordMetrics } from '../collectors/types';
import { ObservationSchema, type Observation } from './entities';

/** Rows written without provenance (imports, test history) store {}: not recorded. */
export type NewObservation = Omit<Observation, 'id' | 'provenance' | 'details' | 'metricSources'>
  & Partial<Pick<Observation, 'provenance' | 'details' | 'metricSources'>>;

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

export async function upsertObservations(em: EntityManager, rows: NewObservation[]): Promise<void> {
  if (rows.length === 0) return;
  const complete = rows.map((r) => ({ ...r, provenance: r.provenance ?? {}, details: r.details ?? null, metricSources: r.metricSources ?? {} }));
  await em.upsertMany(ObservationSchema, complete, {
    onConflictFields: ['platform', 'keyword', 'day'],
    onConflictAction: 'merge',
    onConflictExcludeFields: ['id'],
  });
}

export interface ObservationQuery {
  keyword: string;
  platform?: Platform;
  limit: number;
}

export async function findObservations(em: EntityManager, q: ObservationQuery): Promise<Observation[]> {
  return em.find(
    ObservationSchema,
    { keyword: q.keyword, ...(q.platform ? { platform: q.platform } : {}) },
    { orderBy: { day: 'desc', platform: 'asc' }, limit: q.limit },
  );
}
