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
