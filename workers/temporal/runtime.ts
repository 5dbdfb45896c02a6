// The process's Temporal core runtime: quiet logs (warnings and errors only by default) and, when a metrics port is
// set, a Prometheus exporter at http://<host>:<port>/metrics with the SDK's metrics and the project's own.
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { setCallMetrics } from '../../activities/collectors/call-metrics';
import { temporalCallMetrics } from './metrics';

let installed = false;

export interface RuntimeOptions {
  level?: 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  /** WORKER_METRICS_PORT: undefined = no exporter. */
  metricsPort?: number;
}

export function installQuietRuntime({ level = 'WARN', metricsPort }: RuntimeOptions = {}): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    logger: new DefaultLogger(level),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: level }), forward: {} },
      ...(metricsPort === undefined
        ? {}
        : { metrics: { prometheus: { bindAddress: `0.0.0.0:${metricsPort}`, countersTotalSuffix: true, unitSuffix: true } } }),
    },
  });
  if (metricsPort !== undefined) setCallMetrics(temporalCallMetrics(Runtime.instance().metricMeter));
}
