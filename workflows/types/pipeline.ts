// keywordPipeline (workflows/pipeline.ts): its steps, input, summaries, progress, and the keyword-list activities it calls.
import { defineQuery } from '@temporalio/workflow';
import type { KeywordFailure } from './collect-keywords';
import type { AnalyzeTrendsResult, ProcessKeywordsResult, TrainModelResult } from './insights';
import type { Platform } from './platforms';

export const PIPELINE_STEPS = ['collect', 'process', 'analyze', 'train'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];
export type PipelineStatus = 'running' | 'ok' | 'partial' | 'failed';

export interface KeywordPipelineInput {
  /** Inline keywords (at most MAX_KEYWORDS); or */
  keywords?: string[];
  /** a stored keyword list of any size (activities/db/repositories/keyword-list-items.ts): its ID travels, never its rows. */
  keywordList?: string;
  platforms?: Platform[];
  /**
   * The daily run: every stored list marked daily, each on its own platforms, plus `keywords` (may be empty) on
   * `platforms`; each keyword once per platform, resolved into segments by the dailyKeywordUnion activity at run time.
   */
  dailyLists?: boolean;
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
  /** The daily union as resolved by the first run: later runs collect the same segments. */
  segments?: CollectSegment[];
}

/** Keywords collected on the same platforms, stored as a keyword list (activities/collect/daily-union.ts). */
export interface CollectSegment {
  keywordList: string;
  platforms: Platform[];
  size: number;
}

export interface DailyKeywordUnionInput {
  /** Collected on `platforms` in addition to the daily lists. */
  keywords: string[];
  platforms: Platform[];
}

/** What GET /workflows/:id shows of a running pipeline: keyword-platform pairs collected so far, of all. */
export interface PipelineProgress {
  step: PipelineStep;
  day: string;
  /** Keyword-platform pairs to collect; 0 until the collect step has planned them. */
  total: number;
  /** Pairs in finished chunks (collectKeywords children); `running` children count theirs in their own progress. */
  done: number;
  chunks: number;
  chunksDone: number;
  /** Workflow IDs of the collectKeywords children in flight. */
  running: string[];
}

export const pipelineProgressQuery = defineQuery<PipelineProgress>('progress');

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
