// The project's own worker counters, published by the Temporal runtime's Prometheus exporter beside the SDK's
// (temporal_* activity, workflow and poller metrics): one /metrics per worker process. Names in docs/metrics.md.
import type { MetricMeter } from '@temporalio/common';
import type { CallMetrics } from '../../activities/collectors/call-metrics';

export function temporalCallMetrics(meter: MetricMeter): CallMetrics {
  const calls = meter.createCounter('keyword_provider_calls', '1', 'Provider requests by platform and outcome (ok or the error kind)');
  const waits = meter.createHistogram('keyword_rate_limit_wait', 'float', 'ms', 'Time a provider request waited for the rate limiter');
  const quota = meter.createGauge('keyword_quota_left', 'int', '1', 'Requests left in the configured daily quota');
  const stored = meter.createCounter('keyword_observations_stored', '1', 'Observations upserted by collection');
  return {
    call: (platform, outcome) => calls.add(1, { platform, outcome }),
    rateLimitWait: (platform, ms) => waits.record(ms, { platform }),
    quotaLeft: (platform, left) => quota.set(left, { platform }),
    observationsStored: (platform, count) => stored.add(count, { platform }),
  };
}
