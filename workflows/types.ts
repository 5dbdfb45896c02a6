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
  /** The platform's daily request quota is spent: it stops for this run (e.g. "etsy: daily quota reached ..."). */
  ProviderQuotaExhausted: 'ProviderQuotaExhausted',
  ProviderRateLimited: 'ProviderRateLimited',
  ProviderUnavailable: 'ProviderUnavailable',
} as const;

export const SA_PLATFORMS = defineSearchAttributeKey('Platforms', SearchAttributeType.KEYWORD_LIST);
export const SA_KEYWORD_COUNT = defineSearchAttributeKey('KeywordCount', SearchAttributeType.INT);
/** keywordPipeline: the step running now (collect, process, analyze, train), then done. */
export const SA_PIPELINE_STEP = defineSearchAttributeKey('PipelineStep', SearchAttributeType.KEYWORD);
/** keywordPipeline: running, ok, partial (some keywords or platforms failed), failed. */
export const SA_PIPELINE_STATUS = defineSearchAttributeKey('PipelineStatus', SearchAttributeType.KEYWORD);
/** Registered on the dev server and by the compose stack's setup job. */
export const SEARCH_ATTRIBUTES = [SA_PLATFORMS, SA_KEYWORD_COUNT, SA_PIPELINE_STEP, SA_PIPELINE_STATUS];

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

// ---- daily pipeline, retention, keyword lists (issue 4) ----

export const PIPELINE_STEPS = ['collect', 'process', 'analyze', 'train'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];
export type PipelineStatus = 'running' | 'ok' | 'partial' | 'failed';

/** ApplicationFailure.type of a pipeline whose step failed; details[0] is { step, workflowId }. */
export const PIPELINE_STEP_FAILED = 'PipelineStepFailed';

export interface KeywordPipelineInput {
  /** Inline keywords (at most MAX_KEYWORDS); or */
  keywords?: string[];
  /** a stored keyword list of any size (activities/db/keyword-lists.ts): its ID travels, never its rows. */
  keywordList?: string;
  platforms?: Platform[];
  /** YYYY-MM-DD collected and processed; defaults to the run's start day (UTC). */
  day?: string;
  /** The steps to run, in pipeline order (default all); e.g. a retry from a failed step. */
  steps?: PipelineStep[];
  /** Keywords per collectKeywords child (default and at most MAX_KEYWORDS). */
  chunkSize?: number;
  /** collectKeywords children at once (default 2). */
  concurrency?: number;
  /** Children per run before continue-as-new (default 4): bounds each run's history. */
  chunksPerRun?: number;
  /** Set by the workflow itself when it continues as new. */
  resume?: PipelineResume;
}

export interface PipelinePlatformSummary {
  platform: Platform;
  requested: number;
  collected: number;
  failed: number;
  /** Why the platform stopped, per chunk that stopped it (distinct messages). */
  errors: string[];
  /** The first few keyword failures; each collectKeywords child has them all. */
  failureSamples: KeywordFailure[];
}

export interface PipelineCollectSummary {
  keywords: number;
  chunks: number;
  chunksDone: number;
  platforms: PipelinePlatformSummary[];
}

export interface PipelineResume {
  day: string;
  collect: PipelineCollectSummary;
}

export interface KeywordPipelineResult {
  day: string;
  steps: PipelineStep[];
  status: Exclude<PipelineStatus, 'running' | 'failed'>;
  collect?: PipelineCollectSummary;
  process?: ProcessKeywordsResult;
  analyze?: AnalyzeTrendsResult;
  train?: TrainModelResult;
}

export interface KeywordListSizeInput {
  list: string;
}

export interface KeywordListChunkInput {
  list: string;
  offset: number;
  limit: number;
}

/** Tables the retention deletes from, by a date column; one line per table. Model versions are kept. */
export const RETENTION_TABLES: readonly RetentionTable[] = [
  { table: 'observations', column: 'day', type: 'date' },
  { table: 'processed_keywords', column: 'day', type: 'date' },
  { table: 'keyword_clusters', column: 'day', type: 'date' },
  { table: 'trend_analyses', column: 'created_at', type: 'timestamptz' },
];

export interface RetentionTable {
  table: string;
  column: string;
  type: 'date' | 'timestamptz';
}

export interface CleanupOldDataInput {
  /** Days kept, counting back from asOf (default 90). */
  retentionDays?: number;
  /** Rows per DELETE statement (default 5,000). */
  batchSize?: number;
  /** YYYY-MM-DD the window ends at; defaults to the run's start day (UTC). */
  asOf?: string;
}

export interface CleanupOldDataResult {
  asOf: string;
  retentionDays: number;
  /** Rows dated before this day were deleted; this day and later were not touched. */
  cutoff: string;
  deleted: Record<string, number>;
}

export interface DeleteExpiredRowsInput {
  table: string;
  cutoff: string;
  batchSize: number;
  /** Batches before the activity returns, so one call stays short. */
  maxBatches: number;
}

export interface DeleteExpiredRowsResult {
  deleted: number;
  /** False when maxBatches was reached and older rows may remain. */
  done: boolean;
}

/** What deleteExpiredRows heartbeats: the progress a pending activity shows in the Web UI. */
export interface DeleteExpiredRowsProgress {
  table: string;
  cutoff: string;
  batches: number;
  deleted: number;
}
