// analyzeTrends' activity: platform and temporal trends with volume forecasts over a window of days, stored as a new row.
import { Context } from '@temporalio/activity';
import { noVolumeSources, type AnalyzeTrendsResult } from '../../workflows/types/insights';
import type { Orm } from '../db/orm';
import { addDays } from '../processing/days';
import { analyzeKeywordTrends } from '../processing/keyword-trends';
import { buildTrendAnalysis } from '../processing/trend-analysis';
import type { ScoredKeyword } from '../processing/types';
import { loadObservations, newestObservedDay } from '../db/repositories/observations';
import { scoredKeywordsOf } from '../db/repositories/processed-keywords';
import { insertTrendAnalysis } from '../db/repositories/trend-analyses';
import { countVolumeSources } from '../db/repositories/volume-sources';
import { isComplete } from './complete';

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
  if (!to) return { analysisId: null, day: null, observations: 0, forecastMape: null, volumeSources: noVolumeSources() };
  const from = addDays(to, -((input.days ?? 30) - 1));
  const stored = await loadObservations(em, { from, to, platform: input.platform }, (loaded) => ctx.heartbeat({ stage: 'load', loaded }));
  // averages, slopes and forecasts need every metric: observations with an unknown one are counted, not guessed
  const rows = stored.filter(isComplete);
  ctx.heartbeat({ stage: 'analyse', rows: rows.length });
  const analysis = buildTrendAnalysis(rows);
  if (!analysis) return { analysisId: null, day: to, observations: 0, forecastMape: null, volumeSources: noVolumeSources() };
  const keywordTrends = analyzeKeywordTrends(await processedOf(orm, to, input.platform));
  if (keywordTrends) keywordTrends.trending_keywords = keywordTrends.trending_keywords.slice(0, TRENDING_KEPT);
  const forecastMape = analysis.future_predictions.backtest?.mape ?? null;
  const volumeSources = await countVolumeSources(em, { from, to, platform: input.platform, complete: true });
  const analysisId = await insertTrendAnalysis(em, {
    createdAt: new Date(),
    platform: input.platform ?? null,
    windowFrom: from,
    windowTo: to,
    observations: rows.length,
    forecastMape,
    analysis: { ...analysis, excluded_unknown_metrics: stored.length - rows.length, volume_sources: volumeSources },
    keywordTrends: keywordTrends as Record<string, unknown> | null,
    workflowId: input.workflowId,
  });
  return { analysisId, day: to, observations: rows.length, forecastMape, volumeSources };
}

/** The day's processed keywords with every score known, for analyzeKeywordTrends. */
async function processedOf(orm: Orm, day: string, platform?: string): Promise<ScoredKeyword[]> {
  const rows = await scoredKeywordsOf(orm.em.fork(), day, platform);
  // the filter keeps rows with a known opportunity and volume; the trends read no related keywords
  return rows.map((r) => ({ ...r, relatedKeywords: [] }) as ScoredKeyword);
}
