// GET / (where things are), GET /health (the process is up), GET /ready (Temporal and PostgreSQL answer),
// GET /metrics (Prometheus).
import { createRoute, z } from '@hono/zod-openapi';
import { pingDatabase } from '../../activities/db/changes';
import type { Registry } from 'prom-client';
import type { ApiDeps } from '../deps';
import { logOf } from '../middleware/request-context';
import { errors, json, routes } from '../openapi';
import { withTimeout } from '../timeout';

const READY_TIMEOUT_MS = 2_000;
const Check = z.enum(['ok', 'unreachable']);
const Readiness = z
  .object({ status: z.enum(['ready', 'unavailable']), checks: z.object({ temporal: Check, postgres: Check }) })
  .openapi('Readiness');

const index = createRoute({
  method: 'get',
  path: '/',
  tags: ['system'],
  summary: 'Where the documentation is',
  responses: { 200: json(z.object({ name: z.string(), docs: z.string(), openapi: z.string() }), 'links'), ...errors(429, 500) },
});
const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'The process is up (never rate-limited)',
  responses: { 200: json(z.object({ status: z.literal('ok') }), 'up'), ...errors(500) },
});
const ready = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['system'],
  summary: 'Temporal and PostgreSQL are reachable (never rate-limited)',
  responses: { 200: json(Readiness, 'ready'), 503: json(Readiness, 'a dependency is unreachable') },
});

const metrics = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['system'],
  summary: 'Request counts and latencies in Prometheus text format (never rate-limited)',
  responses: { 200: { description: 'metrics', content: { 'text/plain': { schema: z.string() } } }, ...errors(500) },
});

export function systemRoutes(deps: ApiDeps, registry: Registry) {
  const temporal = () => deps.client.withDeadline(Date.now() + READY_TIMEOUT_MS, () => deps.client.workflowService.getSystemInfo({}));
  const postgres = () => pingDatabase(deps.orm);
  return routes()
    .openapi(index, (c) => c.json({ name: 'keyword-intelligence', docs: '/docs', openapi: '/openapi.json' }, 200))
    .openapi(health, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(metrics, async (c) => c.text(await registry.metrics(), 200, { 'content-type': registry.contentType }))
    .openapi(ready, async (c) => {
      const failed = (name: string) => (err: unknown) => logOf(c).warn({ err, dependency: name }, 'readiness check failed');
      const [t, p] = await Promise.all([probe(temporal, failed('temporal')), probe(postgres, failed('postgres'))]);
      const ok = t === 'ok' && p === 'ok';
      return c.json({ status: ok ? ('ready' as const) : ('unavailable' as const), checks: { temporal: t, postgres: p } }, ok ? 200 : 503);
    });
}

async function probe(call: () => Promise<unknown>, onError: (err: unknown) => void): Promise<'ok' | 'unreachable'> {
  try {
    await withTimeout(call(), READY_TIMEOUT_MS);
    return 'ok';
  } catch (err) {
    onError(err);
    return 'unreachable';
  }
}
