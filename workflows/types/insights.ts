// processKeywords, analyzeTrends, trainModel (workflows/insights.ts): inputs and results.
import { defineQuery } from '@temporalio/workflow';
import type { Platform } from './platforms';

export interface ProcessKeywordsInput {
  /** Day to process (YYYY-MM-DD); default: the newest day with observations. */
  day?: string;
  /** Clusters (k-means k), default 10, never more than the distinct keywords. */
  clusters?: number;
}

export interface ProcessKeywordsResult {
  /** Null when there was nothing to process. */
  day: string | null;
  processed: number;
  clusters: number;
}

/** processKeywords' progress (its `processProgress` query): shards of the day done out of all, rows written so far. */
export interface ProcessProgress {
  day: string | null;
  shards: number;
  shardsDone: number;
  processed: number;
}

export const processProgressQuery = defineQuery<ProcessProgress>('processProgress');

export interface AnalyzeTrendsInput {
  /** Only this platform; default all. */
  platform?: Platform;
  /** Days of history analysed (default 30), ending at `to`. */
  days?: number;
  /** Last day of the window (YYYY-MM-DD); default: the newest observed day. */
  to?: string;
}

export interface AnalyzeTrendsResult {
  /** Null when there was nothing to analyse. */
  analysisId: string | null;
  day: string | null;
  observations: number;
  /** Backtest MAPE of the 7-day forecast, when history allowed one. */
  forecastMape: number | null;
}

export interface TrainModelInput {
  /** Days of history used to build the training set (default 90), ending at `to`. */
  days?: number;
  /** Last day of the history (YYYY-MM-DD); default: the newest observed day. */
  to?: string;
}

export interface ModelMetrics {
  mse: number;
  r2: number;
  trainingSamples: number;
  testSamples: number;
}

export interface TrainModelResult {
  /** Null when the history was too short to train (the reason says why). */
  modelVersion: number | null;
  metrics: ModelMetrics | null;
  reason?: string;
}
