// Inputs, outputs, queries and names shared by workflows, activities, workers and the API.
// Plain data only: this file is bundled into the workflow sandbox.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery } from '@temporalio/workflow';

export const PLATFORMS = ['amazon', 'etsy', 'ebay'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const TASK_QUEUE_DEFAULT = 'keywords';

export const SEED_DAILY_KEYWORDS = [
  'digital products', 'online courses', 'ebooks', 'templates', 'software',
  'apps', 'designs', 'graphics', 'music', 'videos',
];

/** Limits of one collection run (validated in the workflow and in the API). */
export const MAX_KEYWORDS = 10_000;
export const MAX_KEYWORD_LENGTH = 100;

export interface CollectKeywordsInput {
  keywords: string[];
  platforms: Platform[];
  /** YYYY-MM-DD the observations belong to; defaults to the run's start day (UTC). */
  day?: string;
  /** Keywords per collectBatch activity (default 50). */
  batchSize?: number;
  /** Batches in flight per platform (default 4). */
  concurrency?: number;
}

export interface KeywordFailure {
  keyword: string;
  reason: string;
}

export interface PlatformResult {
  platform: Platform;
  requested: number;
  collected: number;
  failures: KeywordFailure[];
  /** Set when the whole platform stopped, e.g. the provider refused the credentials. */
  error?: string;
  /** Keywords never tried because the platform stopped. */
  notAttempted?: number;
}

export interface CollectKeywordsResult {
  day: string;
  keywords: number;
  platforms: PlatformResult[];
}

export interface PlatformProgress {
  platform: Platform;
  total: number;
  done: number;
  collected: number;
  failed: number;
  batchesDone: number;
  batchesTotal: number;
}

export interface CollectProgress {
  day: string;
  total: number;
  done: number;
  platforms: PlatformProgress[];
}

export const collectProgressQuery = defineQuery<CollectProgress>('progress');

export interface CollectBatchInput {
  platform: Platform;
  day: string;
  keywords: string[];
  workflowId: string;
}

export interface CollectBatchResult {
  collected: number;
  failures: KeywordFailure[];
}

/** What collectBatch heartbeats: where to resume, and what it has learnt so far. */
export interface CollectBatchCheckpoint {
  next: number;
  collected: number;
  failures: KeywordFailure[];
  /** Transient failures of the keyword at `next`, across attempts. */
  transientTries: number;
}

/** Failure types thrown by activities (ApplicationFailure.type). */
export const FailureType = {
  InvalidInput: 'InvalidInput',
  ProviderAuth: 'ProviderAuthError',
  ProviderNotConfigured: 'ProviderNotConfigured',
  ProviderRateLimited: 'ProviderRateLimited',
  ProviderUnavailable: 'ProviderUnavailable',
} as const;

export const SA_PLATFORMS = defineSearchAttributeKey('Platforms', SearchAttributeType.KEYWORD_LIST);
export const SA_KEYWORD_COUNT = defineSearchAttributeKey('KeywordCount', SearchAttributeType.INT);
/** Registered on the dev server and by the compose stack's setup job. */
export const SEARCH_ATTRIBUTES = [SA_PLATFORMS, SA_KEYWORD_COUNT];

// ---- processing, trends, model (issue 3) ----

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
