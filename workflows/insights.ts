// processKeywords, analyzeTrends, trainModel: validate, run one activity, return IDs, counts and metrics.
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  PLATFORMS,
  type AnalyzeTrendsInput, type AnalyzeTrendsResult, type ProcessKeywordsInput, type ProcessKeywordsResult,
  type TrainModelInput, type TrainModelResult,
} from './types';
import { asInvalidInput, InputError, intIn, validateDay } from './validation';

// CPU-bound steps: a single synchronous block (clustering, training) may keep heartbeats away for a while
const { processDay, analyzeWindow, trainVersion } = proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export async function processKeywords(input: ProcessKeywordsInput = {}): Promise<ProcessKeywordsResult> {
  const { day, clusters } = asInvalidInput(() => ({
    day: input.day === undefined ? undefined : validateDay(input.day),
    clusters: intIn('clusters', input.clusters, undefined, 1, 100),
  }));
  return processDay({ day, clusters, workflowId: workflowInfo().workflowId });
}

export async function analyzeTrends(input: AnalyzeTrendsInput = {}): Promise<AnalyzeTrendsResult> {
  const { days, to } = asInvalidInput(() => {
    if (input.platform !== undefined && !(PLATFORMS as readonly string[]).includes(input.platform)) {
      throw new InputError('platform', `must be one of ${PLATFORMS.join(', ')}`);
    }
    return { days: intIn('days', input.days, undefined, 1, 365), to: input.to === undefined ? undefined : validateDay(input.to, 'to') };
  });
  return analyzeWindow({ platform: input.platform, days, to, workflowId: workflowInfo().workflowId });
}

export async function trainModel(input: TrainModelInput = {}): Promise<TrainModelResult> {
  const { days, to } = asInvalidInput(() => ({
    days: intIn('days', input.days, undefined, 8, 365),
    to: input.to === undefined ? undefined : validateDay(input.to, 'to'),
  }));
  return trainVersion({ days, to, workflowId: workflowInfo().workflowId });
}
