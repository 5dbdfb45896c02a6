// How collectBatch treats transient provider failures: a few quick tries in place, then Temporal's retry.
import { ApplicationFailure } from '@temporalio/activity';
import { FailureType } from '../../workflows/types';
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
      await sleep(INLINE_BACKOFF_MS[attempt] ?? 1000, signal);
    }
  }
}

/** The retryable failure Temporal sees; a 429's Retry-After becomes the next retry delay. */
export function retryableFailure(err: ProviderError): ApplicationFailure {
  return ApplicationFailure.create({
    message: err.message,
    type: err.kind === 'rate_limited' ? FailureType.ProviderRateLimited : FailureType.ProviderUnavailable,
    nonRetryable: false,
    nextRetryDelay: err.kind === 'rate_limited' ? (err.retryAfterMs ?? 1000) : undefined,
  });
}

/** Refused credentials or a spent daily quota: the platform stops, retrying cannot help. */
export function platformStopFailure(err: ProviderError): ApplicationFailure {
  const type = err.kind === 'quota' ? FailureType.ProviderQuotaExhausted : FailureType.ProviderAuth;
  return ApplicationFailure.create({ message: err.message, type, nonRetryable: true });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    }, { once: true });
  });
}
