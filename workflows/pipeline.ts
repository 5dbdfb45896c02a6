// keywordPipeline: the daily job, collect → process → analyze → train, each step a child workflow
// with a business ID under the pipeline's own. A failed step stops the chain and is named in the failure.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  ActivityFailure,
  ApplicationFailure,
  ChildWorkflowFailure,
  continueAsNew,
  executeChild,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  TemporalFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { alertCollectionFailed } from './alerts';
import { collectChildId, collectChunks, collectPairs, nothingCollected, planCollect } from './pipeline-collect';
import { planPipeline } from './pipeline-input';
import { PIPELINE_STEP_FAILED } from './types/failures';
import type {
  AnalyzeTrendsInput,
  AnalyzeTrendsResult,
  ProcessKeywordsInput,
  ProcessKeywordsResult,
  TrainModelInput,
  TrainModelResult,
} from './types/insights';
import {
  pipelineProgressQuery,
  type KeywordPipelineInput,
  type KeywordPipelineResult,
  type PipelineCollectSummary,
  type PipelineProgress,
  type PipelineStatus,
  type PipelineStep,
} from './types/pipeline';
import { SA_KEYWORD_COUNT, SA_PIPELINE_STATUS, SA_PIPELINE_STEP, SA_PLATFORMS } from './types/search-attributes';
import { asInvalidInput } from './validation';

const { dailyKeywordUnion } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export async function keywordPipeline(input: KeywordPipelineInput): Promise<KeywordPipelineResult> {
  const plan = asInvalidInput(() => planPipeline(input));
  const day = input.resume?.day ?? input.day ?? workflowInfo().startTime.toISOString().slice(0, 10);
  const result: KeywordPipelineResult = { day, steps: plan.steps, status: 'ok' };
  const id = workflowInfo().workflowId;
  const progress: PipelineProgress = { step: plan.steps[0]!, day, total: 0, done: 0, chunks: 0, chunksDone: 0, running: [] };
  const running = new Set<string>();
  let collecting: PipelineCollectSummary | undefined;
  setHandler(pipelineProgressQuery, () => ({ ...progress, ...collectProgress(collecting), running: [...running] }));

  if (plan.steps.includes('collect')) {
    // the daily union is resolved once; a continued run collects the segments its first run found
    if (plan.dailyLists) {
      plan.segments =
        input.resume?.segments ??
        (await inStep('collect', undefined, () => dailyKeywordUnion({ keywords: plan.keywords ?? [], platforms: plan.platforms })))
          .segments;
    }
    const summary = input.resume?.collect ?? (await inStep('collect', undefined, () => planCollect(plan)));
    collecting = summary;
    progress.total = collectPairs(plan, summary);
    const platforms = summary.platforms.map((p) => p.platform);
    upsertSearchAttributes([
      { key: SA_PLATFORMS, value: plan.segments ? platforms : plan.platforms },
      { key: SA_KEYWORD_COUNT, value: summary.keywords },
    ]);
    const show = () => mark('collect', 'running', collectDetails(day, summary, true));
    show();
    const done = await inStep('collect', collectChildId(summary.chunks, summary.chunksDone), () =>
      collectChunks(plan, day, summary, show, running),
    );
    if (!done) return continueAsNew<typeof keywordPipeline>({ ...input, day, resume: { day, collect: summary, segments: plan.segments } });
    // a platform that stopped (say, credentials refused) may count no failed keyword: its error says so
    const problems = summary.platforms
      .filter((p) => p.failed > 0 || p.errors.length > 0)
      .map((p) => `${p.platform}: ${p.collected} of ${p.requested} keywords collected${p.errors[0] ? ` (${p.errors[0]})` : ''}`);
    // runs started before alerts existed replay without this step
    if (problems.length > 0 && patched('alerts-on-collection-failure')) await alertCollectionFailed(day, problems);
    const nothing = nothingCollected(summary);
    if (nothing) throw stepFailed('collect', `${id}/collect`, nothing, undefined);
    result.collect = summary;
    if (summary.platforms.some((p) => p.failed > 0)) result.status = 'partial';
  }
  // without a collection, processing and analysis default to the newest observed day
  const collectedDay = plan.steps.includes('collect') ? day : input.day;
  // children by type name: the pipeline depends on their inputs and results only
  if (plan.steps.includes('process')) {
    progress.step = 'process';
    result.process = await child<ProcessKeywordsInput, ProcessKeywordsResult>('process', 'processKeywords', { day: collectedDay });
  }
  if (plan.steps.includes('analyze')) {
    progress.step = 'analyze';
    result.analyze = await child<AnalyzeTrendsInput, AnalyzeTrendsResult>('analyze', 'analyzeTrends', { to: collectedDay });
  }
  if (plan.steps.includes('train')) {
    progress.step = 'train';
    result.train = await child<TrainModelInput, TrainModelResult>('train', 'trainModel', { to: collectedDay });
  }
  upsertSearchAttributes([
    { key: SA_PIPELINE_STEP, value: 'done' },
    { key: SA_PIPELINE_STATUS, value: result.status },
  ]);
  setCurrentDetails(
    `**${result.status}**: ${plan.steps.join(' → ')} done for ${day}${result.collect ? `\n\n${collectDetails(day, result.collect)}` : ''}`,
  );
  return result;
}

async function child<I extends { day?: string; to?: string }, O>(step: PipelineStep, type: string, input: I): Promise<O> {
  const pipelineId = workflowInfo().workflowId;
  const workflowId = `${pipelineId}/${step}`;
  mark(step, 'running', `**${step}**: child workflow ${workflowId}`);
  const day = input.day ?? input.to;
  return inStep(step, workflowId, () =>
    executeChild<(input: I) => Promise<O>>(type, {
      workflowId,
      args: [input],
      staticSummary: `Step ${step} of ${pipelineId}${day ? ` (day ${day})` : ''}`,
    }),
  );
}

/** Pairs done in finished chunks: every platform's `requested` grows by a chunk's keywords when the chunk ends. */
function collectProgress(summary: PipelineCollectSummary | undefined) {
  if (!summary) return {};
  return { done: summary.platforms.reduce((sum, p) => sum + p.requested, 0), chunks: summary.chunks, chunksDone: summary.chunksDone };
}

function mark(step: PipelineStep, status: PipelineStatus, details: string): void {
  upsertSearchAttributes([
    { key: SA_PIPELINE_STEP, value: step },
    { key: SA_PIPELINE_STATUS, value: status },
  ]);
  setCurrentDetails(details);
}

/** A child or activity failure inside a step (or a child ID still taken) becomes one PipelineStepFailed naming the step. */
async function inStep<T>(step: PipelineStep, workflowId: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof ChildWorkflowFailure || err instanceof ActivityFailure || err instanceof WorkflowExecutionAlreadyStartedError))
      throw err;
    const child = (err instanceof ChildWorkflowFailure && err.execution.workflowId) || workflowId;
    throw stepFailed(step, child, rootMessage(err), err);
  }
}

function stepFailed(step: PipelineStep, workflowId: string | undefined, message: string, cause: Error | undefined): ApplicationFailure {
  mark(step, 'failed', `**failed at ${step}**: ${message}${workflowId ? `\n\nsee ${workflowId}` : ''}`);
  return ApplicationFailure.create({
    type: PIPELINE_STEP_FAILED,
    message: `${step} step failed: ${message}`,
    details: [{ step, workflowId: workflowId ?? null }],
    nonRetryable: true,
    cause,
  });
}

function rootMessage(err: Error): string {
  let root: Error = err;
  while (root instanceof TemporalFailure && root.cause) root = root.cause;
  const type = root instanceof ApplicationFailure && root.type ? `${root.type}: ` : '';
  return `${type}${root.message}`;
}

function collectDetails(day: string, s: PipelineCollectSummary, running = false): string {
  const platforms = s.platforms.map(
    (p) => `${p.platform}: ${p.collected} collected, ${p.failed} failed${p.errors.length ? ` (${p.errors[0]})` : ''}`,
  );
  return [
    `**collect** ${s.keywords} keywords for ${day}: ${s.chunksDone} of ${s.chunks} chunks done`,
    ...platforms,
    ...(running ? ['Batch progress: the running `collect` child, Queries → progress, or Pending Activities → heartbeat details'] : []),
  ].join('\n\n');
}
