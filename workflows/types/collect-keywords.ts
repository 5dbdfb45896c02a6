// collectKeywords (workflows/collect-keywords.ts) and its collectBatch activity: inputs, results, progress.
import { defineQuery } from '@temporalio/workflow';
import type { Platform } from './platforms';

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
  /**
   * Keywords never tried: the platform stopped, their batch failed for good before reaching them, or the run was
   * cancelled (its result then stays in the run's memo, collectResult). Always
   * collected + failures.length + (notAttempted ?? 0) = requested.
   */
  notAttempted?: number;
}

/** The memo key of a cancelled run's accounting (a CollectKeywordsResult): a cancelled run has no result. */
export const CANCELLED_RESULT_MEMO = 'collectResult';

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
