// analyzeTrends' activity: the seed's trend analysis over a window, with forecasts, stored as a new row.
import { Context } from '@temporalio/activity';
import type { AnalyzeTrendsResult } from '../../workflows/types/insights';
import type { Orm } from '../db/orm';
import { addDays } from '../processing/days';
import { analyzeKeywordTrends } from '../processing/keyword-trends';
import { buildTrendAnalysis } from '../processing/trend-analysis';
import type { ProcessedKeyword } from '../processing/types';
import { isComplete, loadObservations, newestObservedDay } from './store';

export interface AnalyzeTrendsActivityInput {
  platform?: string;
  days?: number;
  to?: string;
  workflowId: string;
}

/** The stored keyword trends list at most this many trending observations (the count is complete). */
const TRENDING_KEPT = 100;

export async function analyzeTrends(orm: Orm, input: AnalyzeTrendsActivityInput): Promise<AnalyzeTrendsResult> {
  const ctx = Context.current();
  const em = orm.em.fork();
  const to = input.to ?? (await newestObservedDay(em));
  if (!to) return { analysisId: null, day: null, observations: 0, forecastMape: null };
  const from = addDays(to, -((input.days ?? 30) - 1));
  const stored = await loadObservations(em, { from, to, platform: input.platform }, (loaded) => ctx.heartbeat({ stage: 'load', loaded }));
  // averages, slopes and forecasts need every metric: observations with an unknown one are counted, not guessed
  const rows = stored.filter(isComplete);
  ctx.heartbeat({ stage: 'analyse', rows: rows.length });
  const analysis = buildTrendAnalysis(rows);
  if (!analysis) return { analysisId: null, day: to, observations: 0, forecastMape: null };
  const keywordTrends = analyzeKeywordTrends(await processedOf(orm, to, input.platform));
  if (keywordTrends) keywordTrends.trending_keywords = keywordTrends.trending_keywords.slice(0, TRENDING_KEPT);
  const forecastMape = analysis.future_predictions.backtest?.mape ?? null;
  const [inserted] = await em.getKnex()('trend_analyses').insert({
    created_at: new Date(), platform: input.platform ?? null, window_from: from, window_to: to, observations: rows.length,
    forecast_mape: forecastMape, analysis: JSON.stringify({ ...analysis, excluded_unknown_metrics: stored.length - rows.length }), keyword_trends: keywordTrends ? JSON.stringify(keywordTrends) : null,
    workflow_id: input.workflowId,
  }).returning('id');
  return { analysisId: String((inserted as { id: string }).id), day: to, observations: rows.length, forecastMape };
}

/** The newest day's processed keywords, for the seed's analyze_keyword_trends. */
async function processedOf(orm: Orm, day: string, platform?: string): Promise<ProcessedKeyword[]> {
  const rows = await orm.em.fork().getKnex()('processed_keywords')
    .select('keyword', 'platform', 'search_volume', 'competition', 'cpc', 'trend_score', 'difficulty_score', 'opportunity_score', 'cluster_id')
    .where({ day, ...(platform ? { platform } : {}) }).whereNotNull('opportunity_score').whereNotNull('search_volume');
  return rows.map((r) => ({
    keyword: r.keyword, platform: r.platform, day, searchVolume: r.search_volume, competition: r.competition, cpc: r.cpc,
    trendScore: r.trend_score, relatedKeywords: [], difficultyScore: r.difficulty_score, opportunityScore: r.opportunity_score, clusterId: r.cluster_id,
  }));
}
