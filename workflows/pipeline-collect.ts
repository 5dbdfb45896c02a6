// The pipeline's collect step: chunks of keywords, each a collectKeywords child, a few at once.
// A run starts at most chunksPerRun children, then the pipeline continues as new: no history grows with the list.
import { ApplicationFailure, executeChild, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { collectKeywords } from './collect-keywords';
import type { PipelinePlan } from './pipeline-input';
import type { CollectKeywordsResult } from './types/collect-keywords';
import { FailureType } from './types/failures';
import type { PipelineCollectSummary } from './types/pipeline';

const FAILURE_SAMPLES = 5;

const { keywordListSize, keywordListChunk } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

export async function planCollect(plan: PipelinePlan): Promise<PipelineCollectSummary> {
  const keywords = plan.keywords ? plan.keywords.length : (await keywordListSize({ list: plan.keywordList! })).size;
  if (keywords === 0) {
    throw ApplicationFailure.nonRetryable(`keywordList: no keyword list ${plan.keywordList}`, FailureType.InvalidInput, { field: 'keywordList' });
  }
  return {
    keywords,
    chunks: Math.ceil(keywords / plan.chunkSize),
    chunksDone: 0,
    platforms: plan.platforms.map((platform) => ({ platform, requested: 0, collected: 0, failed: 0, errors: [], failureSamples: [] })),
  };
}

/** Runs this run's share of chunks; true when every chunk is done, false when the pipeline should continue as new. */
export async function collectChunks(
  plan: PipelinePlan, day: string, summary: PipelineCollectSummary, onChunkDone: () => void,
): Promise<boolean> {
  const last = Math.min(summary.chunks, summary.chunksDone + plan.chunksPerRun);
  let next = summary.chunksDone;
  const lane = async () => {
    // the server may ask for continue-as-new earlier (history size); the chunks started here still finish
    while (next < last && !workflowInfo().continueAsNewSuggested) {
      const chunk = next++;
      const keywords = await chunkKeywords(plan, chunk);
      const result = await executeChild<typeof collectKeywords>('collectKeywords', {
        workflowId: collectChildId(summary.chunks, chunk),
        args: [{ keywords, platforms: plan.platforms, day }],
        staticSummary: `Collect ${keywords.length} keywords on ${plan.platforms.join(', ')} for ${day}` +
          (summary.chunks > 1 ? ` (chunk ${chunk + 1} of ${summary.chunks})` : ''),
      });
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

async function chunkKeywords(plan: PipelinePlan, chunk: number): Promise<string[]> {
  const offset = chunk * plan.chunkSize;
  if (plan.keywords) return plan.keywords.slice(offset, offset + plan.chunkSize);
  return (await keywordListChunk({ list: plan.keywordList!, offset, limit: plan.chunkSize })).keywords;
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
