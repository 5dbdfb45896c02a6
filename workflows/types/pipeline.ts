// keywordPipeline (workflows/pipeline.ts): its steps, input, summaries, and the keyword-list activities it calls.
import type { KeywordFailure } from './collect-keywords';
import type { AnalyzeTrendsResult, ProcessKeywordsResult, TrainModelResult } from './insights';
import type { Platform } from './platforms';

export const PIPELINE_STEPS = ['collect', 'process', 'analyze', 'train'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];
export type PipelineStatus = 'running' | 'ok' | 'partial' | 'failed';

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
