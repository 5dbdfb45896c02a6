// collectKeywords: validate, fan out per platform in bounded batches, report progress and failures.
import {
  ActivityCancellationType,
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  CancelledFailure,
  isCancellation,
  proxyActivities,
  setHandler,
  TimeoutFailure,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  CANCELLED_RESULT_MEMO,
  collectProgressQuery,
  type CollectBatchCheckpoint,
  type CollectKeywordsInput,
  type CollectKeywordsResult,
  type PlatformProgress,
  type PlatformResult,
} from './types/collect-keywords';
import { FailureType } from './types/failures';
import type { Platform } from './types/platforms';
import { SA_KEYWORD_COUNT, SA_PLATFORMS } from './types/search-attributes';
import { asInvalidInput, intIn, normalizeKeywords, normalizePlatforms } from './validation';
import { workflowDay } from './workflow-day';

const DEFAULT_BATCH_SIZE = 50;
const DEFAULT_CONCURRENCY = 4;

const { collectBatch } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  // collectBatch heartbeats every 2 s; a silent worker is presumed dead and the batch resumes elsewhere
  heartbeatTimeout: '10 seconds',
  // a ceiling on attempts bounds the provider calls of a batch (each attempt resumes from the checkpoint, and a
  // keyword has KEYWORD_TRANSIENT_BUDGET tries in all): at most batchSize + 30 × 3 calls, well within a day's quota
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 30 },
  // a cancelled run waits for its batches to stop: each reports what it stored (CancelledFailure details), so the
  // run can account for every keyword
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
});

export async function collectKeywords(input: CollectKeywordsInput): Promise<CollectKeywordsResult> {
  const { keywords, platforms, day, batchSize, concurrency } = validate(input);
  upsertSearchAttributes([
    { key: SA_PLATFORMS, value: platforms },
    { key: SA_KEYWORD_COUNT, value: keywords.length },
  ]);
  const batches: string[][] = [];
  for (let i = 0; i < keywords.length; i += batchSize) batches.push(keywords.slice(i, i + batchSize));

  const progress: PlatformProgress[] = platforms.map((platform) => ({
    platform,
    total: keywords.length,
    done: 0,
    collected: 0,
    failed: 0,
    batchesDone: 0,
    batchesTotal: batches.length,
  }));
  setHandler(collectProgressQuery, () => ({
    day,
    total: keywords.length * platforms.length,
    done: progress.reduce((sum, p) => sum + p.done, 0),
    platforms: progress,
  }));

  const results = await Promise.all(platforms.map((platform, i) => collectPlatform(platform, day, batches, concurrency, progress[i]!)));
  const result = { day, keywords: keywords.length, platforms: results };
  if (!CancellationScope.current().consideredCancelled) return result;
  // cancelled: every batch in flight has stopped and been accounted; the run still ends Cancelled (as its parent and
  // `temporal workflow cancel` expect), its accounting kept in the memo (the Web UI, `temporal workflow describe`)
  upsertMemo({ [CANCELLED_RESULT_MEMO]: result });
  // (the run's cancellation carries no message: the memo is where its accounting stays)
  throw new CancelledFailure('collectKeywords cancelled');
}

async function collectPlatform(
  platform: Platform,
  day: string,
  batches: string[][],
  concurrency: number,
  progress: PlatformProgress,
): Promise<PlatformResult> {
  const result: PlatformResult = { platform, requested: progress.total, collected: 0, failures: [] };
  const queue = [...batches];
  const lane = async () => {
    // a cancelled run starts no batch: the ones left are not attempted
    while (!result.error && !CancellationScope.current().consideredCancelled) {
      const batch = queue.shift();
      if (!batch) return;
      try {
        const out = await collectBatch({ platform, day, keywords: batch, workflowId: workflowInfo().workflowId });
        result.collected += out.collected;
        result.failures.push(...out.failures);
        Object.assign(progress, {
          collected: progress.collected + out.collected,
          failed: progress.failed + out.failures.length,
        });
      } catch (err) {
        const ended = batchEnd(err);
        // anything else no batch could account for
        if (!ended) throw err;
        const { soFar, reason, stop } = ended;
        // what the batch stored before it ended counts; the keyword it ended on failed (unless it was cancelled
        // there); the rest was never tried
        const endedOn = reason === undefined ? [] : batch.slice(soFar.next, soFar.next + 1);
        const failed = [...soFar.failures, ...endedOn.map((keyword) => ({ keyword, reason: reason! }))];
        result.collected += soFar.collected;
        result.failures.push(...failed);
        result.notAttempted = (result.notAttempted ?? 0) + Math.max(0, batch.length - soFar.next - endedOn.length);
        // credentials refused, quota spent or no provider: every further call on this platform would fail the same way
        if (stop) result.error = `${reason}; platform stopped`;
        Object.assign(progress, {
          collected: progress.collected + soFar.collected,
          failed: progress.failed + batch.length - soFar.collected,
        });
      }
      progress.done += batch.length;
      progress.batchesDone++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, lane));
  const left = queue.reduce((sum, b) => sum + b.length, 0);
  if (left > 0 || result.notAttempted !== undefined) result.notAttempted = (result.notAttempted ?? 0) + left;
  return result;
}

const PLATFORM_STOPS: string[] = [FailureType.ProviderAuth, FailureType.ProviderNotConfigured, FailureType.ProviderQuotaExhausted];

/**
 * A batch that failed for good (its last attempt's failure, or a timeout, carries its checkpoint) or was cancelled
 * (collectBatch's CancelledFailure carries it; none if it had not started): what it stored, why it ended (none for a
 * cancellation: no keyword failed), and whether the platform stops.
 */
function batchEnd(err: unknown): { soFar: CollectBatchCheckpoint; reason?: string; stop: boolean } | undefined {
  const empty: CollectBatchCheckpoint = { next: 0, collected: 0, failures: [], transientTries: 0 };
  // an activity scheduled as the scope was cancelled rejects without an ActivityFailure
  if (isCancellation(err) && !(err instanceof ActivityFailure)) return { soFar: empty, stop: false };
  if (!(err instanceof ActivityFailure)) return undefined;
  const cause = err.cause;
  if (cause instanceof CancelledFailure) {
    return { soFar: (cause.details?.[0] as CollectBatchCheckpoint | undefined) ?? empty, stop: false };
  }
  if (cause instanceof ApplicationFailure) {
    const soFar = (cause.details?.[0] as CollectBatchCheckpoint | undefined) ?? empty;
    return { soFar, reason: cause.message, stop: PLATFORM_STOPS.includes(cause.type ?? '') };
  }
  if (cause instanceof TimeoutFailure) {
    const soFar = (cause.lastHeartbeatDetails as CollectBatchCheckpoint | undefined) ?? empty;
    return { soFar, reason: `collectBatch: ${cause.message}`, stop: false };
  }
  return undefined;
}

function validate(input: CollectKeywordsInput) {
  return asInvalidInput(() => ({
    batchSize: intIn('batchSize', input.batchSize, DEFAULT_BATCH_SIZE, 1, 500),
    concurrency: intIn('concurrency', input.concurrency, DEFAULT_CONCURRENCY, 1, 50),
    keywords: normalizeKeywords(input.keywords),
    platforms: normalizePlatforms(input.platforms),
    day: input.day === undefined ? workflowInfo().startTime.toISOString().slice(0, 10) : workflowDay(input.day),
  }));
}
