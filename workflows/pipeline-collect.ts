// The pipeline's collect step: chunks of keywords, each a collectKeywords child, a few at once.
// A run starts at most chunksPerRun children, then the pipeline continues as new: no history grows with the list.
import { ApplicationFailure, executeChild, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { collectKeywords } from './collect-keywords';
import type { PipelinePlan } from './pipeline-input';
import type { CollectKeywordsResult } from './types/collect-keywords';
import { FailureType } from './types/failures';
import type { CollectSegment, PipelineCollectSummary } from './types/pipeline';
import { PLATFORMS, type Platform } from './types/platforms';

const FAILURE_SAMPLES = 5;

const { keywordListSize, keywordListChunk } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

export async function planCollect(plan: PipelinePlan): Promise<PipelineCollectSummary> {
  if (plan.segments) return planSegments(plan, plan.segments);
  const keywords = plan.keywords ? plan.keywords.length : (await keywordListSize({ list: plan.keywordList! })).size;
  if (keywords === 0) {
    throw ApplicationFailure.nonRetryable(`keywordList: no keyword list ${plan.keywordList}`, FailureType.InvalidInput, {
      field: 'keywordList',
    });
  }
  return {
    keywords,
    chunks: Math.ceil(keywords / plan.chunkSize),
    chunksDone: 0,
    platforms: plan.platforms.map((platform) => ({ platform, requested: 0, collected: 0, failed: 0, errors: [], failureSamples: [] })),
  };
}

/** The daily union: each segment's keywords on its own platforms, chunked one segment after another. */
function planSegments(plan: PipelinePlan, segments: CollectSegment[]): PipelineCollectSummary {
  const keywords = segments.reduce((sum, s) => sum + s.size, 0);
  if (keywords === 0) {
    throw ApplicationFailure.nonRetryable(
      'keywords: nothing to collect (no daily keyword list and no DAILY_KEYWORDS)',
      FailureType.InvalidInput,
      { field: 'keywords' },
    );
  }
  return {
    keywords,
    chunks: segments.reduce((sum, s) => sum + Math.ceil(s.size / plan.chunkSize), 0),
    chunksDone: 0,
    platforms: PLATFORMS.filter((p) => segments.some((s) => s.platforms.includes(p))).map((platform) => ({
      platform,
      requested: 0,
      collected: 0,
      failed: 0,
      errors: [],
      failureSamples: [],
    })),
  };
}

/** Keyword-platform pairs the collect step covers. */
export function collectPairs(plan: PipelinePlan, summary: PipelineCollectSummary): number {
  if (plan.segments) return plan.segments.reduce((sum, s) => sum + s.size * s.platforms.length, 0);
  return summary.keywords * plan.platforms.length;
}

/** Runs this run's share of chunks; true when every chunk is done, false when the pipeline should continue as new. */
export async function collectChunks(
  plan: PipelinePlan,
  day: string,
  summary: PipelineCollectSummary,
  onChunkDone: () => void,
  running = new Set<string>(),
): Promise<boolean> {
  const last = Math.min(summary.chunks, summary.chunksDone + plan.chunksPerRun);
  let next = summary.chunksDone;
  const lane = async () => {
    // the server may ask for continue-as-new earlier (history size); the chunks started here still finish
    while (next < last && !workflowInfo().continueAsNewSuggested) {
      const chunk = next++;
      const { keywords, platforms } = await chunkKeywords(plan, chunk);
      const workflowId = collectChildId(summary.chunks, chunk);
      running.add(workflowId);
      const result = await executeChild<typeof collectKeywords>('collectKeywords', {
        workflowId,
        args: [{ keywords, platforms, day }],
        staticSummary:
          `Collect ${keywords.length} keywords on ${platforms.join(', ')} for ${day}` +
          (summary.chunks > 1 ? ` (chunk ${chunk + 1} of ${summary.chunks})` : ''),
      });
      running.delete(workflowId);
      merge(summary, result);
      onChunkDone();
    }
  };
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, last - next) }, lane));
  return summary.chunksDone === summary.chunks;
}

export function collectChildId(chunks: number, chunk: number): string {
  const base = `${workflowInfo().workflowId}/collect`;
  if (chunks === 1) return base;
  const width = String(chunks).length;
  return `${base}-${String(chunk + 1).padStart(width, '0')}-of-${chunks}`;
}

async function chunkKeywords(plan: PipelinePlan, chunk: number): Promise<{ keywords: string[]; platforms: Platform[] }> {
  if (plan.segments) return segmentChunk(plan, plan.segments, chunk);
  const offset = chunk * plan.chunkSize;
  if (plan.keywords) return { keywords: plan.keywords.slice(offset, offset + plan.chunkSize), platforms: plan.platforms };
  return {
    keywords: (await keywordListChunk({ list: plan.keywordList!, offset, limit: plan.chunkSize })).keywords,
    platforms: plan.platforms,
  };
}

async function segmentChunk(plan: PipelinePlan, segments: CollectSegment[], chunk: number) {
  let rest = chunk;
  for (const segment of segments) {
    const chunks = Math.ceil(segment.size / plan.chunkSize);
    if (rest < chunks) {
      const { keywords } = await keywordListChunk({ list: segment.keywordList, offset: rest * plan.chunkSize, limit: plan.chunkSize });
      return { keywords, platforms: segment.platforms };
    }
    rest -= chunks;
  }
  throw ApplicationFailure.nonRetryable(`no chunk ${chunk} in the daily union`);
}

function merge(summary: PipelineCollectSummary, result: CollectKeywordsResult): void {
  summary.chunksDone++;
  for (const p of result.platforms) {
    const into = summary.platforms.find((s) => s.platform === p.platform)!;
    into.requested += p.requested;
    into.collected += p.collected;
    into.failed += p.failures.length + (p.notAttempted ?? 0);
    if (p.error && !into.errors.includes(p.error)) into.errors.push(p.error);
    into.failureSamples.push(...p.failures.slice(0, FAILURE_SAMPLES - into.failureSamples.length));
  }
}

/** Every platform collected nothing: there is nothing new to process. */
export function nothingCollected(summary: PipelineCollectSummary): string | undefined {
  if (summary.platforms.some((p) => p.collected > 0)) return undefined;
  // platform errors name their platform already
  const why = summary.platforms.map((p) => p.errors[0] ?? `${p.platform}: ${p.failureSamples[0]?.reason ?? 'no keyword collected'}`);
  return `nothing collected (${why.join('; ')})`;
}
