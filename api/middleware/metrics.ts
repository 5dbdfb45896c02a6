// Request counts and latencies for GET /metrics (Prometheus text format), labelled by the route's pattern
// (/keywords/:keyword, never the keyword itself) so the series stay few. Each app has its own registry.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

const LABELS = ['method', 'route', 'status'] as const;

export interface ApiMetrics {
  registry: Registry;
  middleware: MiddlewareHandler;
}

export function apiMetrics(): ApiMetrics {
  const registry = new Registry();
  // process CPU, memory, event-loop lag, GC: read at scrape time, no timer
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames: LABELS, registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: LABELS,
    registers: [registry],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const middleware: MiddlewareHandler = async (c, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      const pattern = routePath(c, -1);
      const labels = {
        method: c.req.method,
        route: pattern === '/*' || pattern === '*' ? 'unmatched' : pattern,
        status: String(c.res.status),
      };
      requests.inc(labels);
      duration.observe(labels, (performance.now() - start) / 1000);
    }
  };
  return { registry, middleware };
}
