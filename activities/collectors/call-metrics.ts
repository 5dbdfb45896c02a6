// The provider counters operators scrape (docs/metrics.md): calls by outcome, rate-limit waits, quota left, rows stored.
// Process-wide like the exporter that publishes them: the worker installs a sink at start
// (workers/temporal/runtime.ts); anywhere else (tests, the API) the calls cost nothing.
import type { ProviderName } from '../../workflows/types/platforms';

/** 'ok' or a ProviderError kind (auth, quota, rate_limited, unavailable, …) or 'aborted'. */
export type CallOutcome = string;

export interface CallMetrics {
  call(platform: ProviderName, outcome: CallOutcome): void;
  /** A request held back by the rate limiter (or a provider's "none left this second") for `ms`. */
  rateLimitWait(platform: ProviderName, ms: number): void;
  /** Requests left in the configured daily quota after the last request. */
  quotaLeft(platform: ProviderName, left: number): void;
  observationsStored(platform: ProviderName, count: number): void;
}

const NONE: CallMetrics = { call() {}, rateLimitWait() {}, quotaLeft() {}, observationsStored() {} };
let sink: CallMetrics = NONE;

export function setCallMetrics(metrics: CallMetrics | undefined): void {
  sink = metrics ?? NONE;
}

export const callMetrics = (): CallMetrics => sink;
