// processKeywords (in shards: process-shards.ts), analyzeTrends, trainModel: validate, run the activities, return IDs, counts and metrics.
import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { alertAfterProcessing } from './alerts';
import { processInShards } from './process-shards';
import type { Activities } from '../activities';
import type {
  AnalyzeTrendsInput,
  AnalyzeTrendsResult,
  ProcessKeywordsInput,
  ProcessKeywordsResult,
  TrainModelInput,
  TrainModelResult,
} from './types/insights';
import { PLATFORMS } from './types/platforms';
import { asInvalidInput, InputError, intIn } from './validation';
import { workflowDay } from './workflow-day';

// CPU-bound steps: a single synchronous block (clustering, training) may keep heartbeats away for a while
// called as acts.X: the activities share their workflows' names (one name per concept)
const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export async function processKeywords(input: ProcessKeywordsInput = {}): Promise<ProcessKeywordsResult> {
  const { day, clusters } = asInvalidInput(() => ({
    day: input.day === undefined ? undefined : workflowDay(input.day),
    clusters: intIn('clusters', input.clusters, undefined, 1, 100),
  }));
  const { workflowId } = workflowInfo();
  // runs started before sharded processing replay their single processKeywords activity
  const result = patched('sharded-processing')
    ? await processInShards(day, clusters, workflowId)
    : await acts.processKeywords({ day, clusters, workflowId });
  // runs started before alerts existed replay without these steps
  if (patched('alerts-after-processing')) await alertAfterProcessing(result.day);
  return result;
}

export async function analyzeTrends(input: AnalyzeTrendsInput = {}): Promise<AnalyzeTrendsResult> {
  const { days, to } = asInvalidInput(() => {
    if (input.platform !== undefined && !(PLATFORMS as readonly string[]).includes(input.platform)) {
      throw new InputError('platform', `must be one of ${PLATFORMS.join(', ')}`);
    }
    return { days: intIn('days', input.days, undefined, 1, 365), to: input.to === undefined ? undefined : workflowDay(input.to, 'to') };
  });
  return acts.analyzeTrends({ platform: input.platform, days, to, workflowId: workflowInfo().workflowId });
}

export async function trainModel(input: TrainModelInput = {}): Promise<TrainModelResult> {
  const { days, to } = asInvalidInput(() => ({
    days: intIn('days', input.days, undefined, 8, 365),
    to: input.to === undefined ? undefined : workflowDay(input.to, 'to'),
  }));
  return acts.trainModel({ days, to, workflowId: workflowInfo().workflowId });
}
