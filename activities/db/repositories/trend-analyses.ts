// trend_analyses: every statement on the table. Analyses are only added; the newest per platform is served.
import type { EntityManager } from '@mikro-orm/postgresql';
import { TrendAnalysisSchema, type TrendAnalysis } from '../entities';

/** Stores a new analysis; returns its id. */
export async function insertTrendAnalysis(em: EntityManager, analysis: Omit<TrendAnalysis, 'id'>): Promise<string> {
  return String(await em.insert(TrendAnalysisSchema, analysis as TrendAnalysis));
}

/** The newest analysis of one platform, or of all platforms together (platform null). */
export async function latestTrendAnalysis(em: EntityManager, platform: string | null): Promise<TrendAnalysis | null> {
  return em.findOne(TrendAnalysisSchema, { platform }, { orderBy: { id: 'desc' } });
}
