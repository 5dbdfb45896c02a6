// processKeywords, analyzeTrends, trainModel: validate, run one activity, return IDs, counts and metrics.
import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  FailureType, PLATFORMS,
  type AnalyzeTrendsInput, type AnalyzeTrendsResult, type ProcessKeywordsInput, type ProcessKeywordsResult,
  type TrainModelInput, type TrainModelResult,
} from './types';
import { validateDay } from './validation';

// CPU-bound steps: a single synchronous block (clustering, training) may keep heartbeats away for a while
const { processDay, analyzeWindow, trainVersion } = proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export async function processKeywords(input: ProcessKeywordsInput = {}): Promise<ProcessKeywordsResult> {
  const day = input.day === undefined ? undefined : guard(() => validateDay(input.day), 'day');
  const clusters = integerIn(input.clusters, 'clusters', 1, 100);
  return processDay({ day, clusters, workflowId: workflowInfo().workflowId });
}

export async function analyzeTrends(input: AnalyzeTrendsInput = {}): Promise<AnalyzeTrendsResult> {
  if (input.platform !== undefined && !(PLATFORMS as readonly string[]).includes(input.platform)) {
    throw invalid('platform', `must be one of ${PLATFORMS.join(', ')}`);
  }
  const days = integerIn(input.days, 'days', 1, 365);
  const to = input.to === undefined ? undefined : guard(() => validateDay(input.to), 'to');
  return analyzeWindow({ platform: input.platform, days, to, workflowId: workflowInfo().workflowId });
}

export async function trainModel(input: TrainModelInput = {}): Promise<TrainModelResult> {
  const days = integerIn(input.days, 'days', 8, 365);
  const to = input.to === undefined ? undefined : guard(() => validateDay(input.to), 'to');
  return trainVersion({ days, to, workflowId: workflowInfo().workflowId });
}

function integerIn(value: number | undefined, field: string, min: number, max: number): number | undefined {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw invalid(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function guard<T>(fn: () => T, field: string): T {
  try {
    return fn();
  } catch (err) {
    throw invalid(field, err instanceof Error ? err.message.replace(/^\w+: /, '') : String(err));
  }
}

function invalid(field: string, message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`${field}: ${message}`, FailureType.InvalidInput, { field });
}
