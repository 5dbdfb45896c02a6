// How collectBatch treats transient provider failures: a few quick tries in place, then Temporal's retry.
import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationFailure } from '@temporalio/activity';
import type { CollectBatchCheckpoint } from '../../workflows/types/collect-keywords';
import { FailureType } from '../../workflows/types/failures';
import { ProviderError } from '../collectors/errors';

/** Transient failures one keyword may have, across attempts, before it is recorded as failed. */
export const KEYWORD_TRANSIENT_BUDGET = 5;
/** Quick in-place retries of a 5xx/timeout before the activity hands over to Temporal. */
const INLINE_RETRIES = 2;
const INLINE_BACKOFF_MS = [200, 800];

export async function withInlineRetry<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      // 429 goes straight to Temporal so Retry-After becomes nextRetryDelay
      const quick = err instanceof ProviderError && err.kind === 'unavailable' && attempt < INLINE_RETRIES;
      if (!quick || signal.aborted) throw err;
      // the timer's abort listener is removed when it fires (a hand-made one leaked a listener per retry)
      await sleep(INLINE_BACKOFF_MS[attempt] ?? 1000, undefined, { signal }).catch(() => Promise.reject(signal.reason as Error));
    }
  }
}

/**
 * The retryable failure Temporal sees; a 429's Retry-After becomes the next retry delay. Every failure of a batch
 * carries its checkpoint (what is stored), so a workflow can account for the batch if it is the last attempt.
 */
export function retryableFailure(err: ProviderError, soFar: CollectBatchCheckpoint): ApplicationFailure {
  return ApplicationFailure.create({
    message: err.message,
    details: [soFar],
    type: err.kind === 'rate_limited' ? FailureType.ProviderRateLimited : FailureType.ProviderUnavailable,
    nonRetryable: false,
    nextRetryDelay: err.kind === 'rate_limited' ? (err.retryAfterMs ?? 1000) : undefined,
  });
}

/** Refused credentials or a spent daily quota: the platform stops, retrying cannot help. */
export function platformStopFailure(err: ProviderError, soFar: CollectBatchCheckpoint): ApplicationFailure {
  const type = err.kind === 'quota' ? FailureType.ProviderQuotaExhausted : FailureType.ProviderAuth;
  return ApplicationFailure.create({ message: err.message, type, nonRetryable: true, details: [soFar] });
}
