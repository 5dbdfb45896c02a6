// processKeywords, analyzeTrends, trainModel (workflows/insights.ts): inputs and results.
import { defineQuery } from '@temporalio/workflow';
import type { Platform } from './platforms';

/**
 * How many rows of each volume source a run used: measured by a platform or demand source, imported from a report,
 * estimated from other data, simulated, or unknown (activities/db/repositories/volume-sources.ts decides which).
 */
export interface VolumeSourceCounts {
  measured: number;
  imported: number;
  estimated: number;
  simulated: number;
  unknown: number;
}

/** What a run that read no rows used. */
export const noVolumeSources = (): VolumeSourceCounts => ({ measured: 0, imported: 0, estimated: 0, simulated: 0, unknown: 0 });

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
  /** The day's observations processed, by volume source. */
  volumeSources: VolumeSourceCounts;
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
  /** The observations analysed (every metric known), by volume source. */
  volumeSources: VolumeSourceCounts;
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
  /** The observations the training set was built from (every metric known), by volume source. */
  volumeSources: VolumeSourceCounts;
}
