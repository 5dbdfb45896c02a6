// Routes that start processing, trend analysis and training; each answers 202 with the run's ID.
import { createRoute, z } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps';
import { apiKeySecurity, json, jsonBody, routes, RunStarted, writeErrors } from '../openapi';
import { runId, startRun } from '../start';
import { day, platform } from '../validate';

const int = (min: number, max: number) => {
  const message = `must be an integer from ${min} to ${max}`;
  return z.number(message).int(message).min(min, message).max(max, message);
};

const ProcessBody = z.strictObject({ day: day.optional().openapi({ description: 'default: the newest day collected' }), clusters: int(1, 100).optional().openapi({ description: 'default 10' }) }).openapi('ProcessRequest');
const AnalyzeBody = z.strictObject({ platform: platform.optional(), days: int(1, 365).optional().openapi({ description: 'default 30' }), to: day.optional() }).openapi('AnalyzeRequest');
const TrainBody = z.strictObject({ days: int(8, 365).optional().openapi({ description: 'default 90' }), to: day.optional() }).openapi('TrainRequest');

const start = <T extends z.ZodType>(path: string, summary: string, body: T) => createRoute({
  method: 'post', path, tags: ['runs'], summary, security: apiKeySecurity,
  description: 'The body is optional: no body means all defaults.',
  request: { body: jsonBody(body, false) },
  responses: { 202: json(RunStarted, 'started'), ...writeErrors() },
});

export function runRoutes(deps: ApiDeps) {
  return routes()
    .openapi(start('/process/keywords', 'Score and cluster a day of observations', ProcessBody), async (c) => {
      const input = c.req.valid('json');
      return c.json(await startRun(c, deps, 'processKeywords', runId('process', input.day), input), 202);
    })
    .openapi(start('/analyze/trends', 'Analyse trends and forecast volumes', AnalyzeBody), async (c) => {
      const input = c.req.valid('json');
      return c.json(await startRun(c, deps, 'analyzeTrends', runId(`analyze-${input.platform ?? 'all'}`, input.to), input), 202);
    })
    .openapi(start('/models/train', 'Train a new success-model version', TrainBody), async (c) => {
      const input = c.req.valid('json');
      return c.json(await startRun(c, deps, 'trainModel', runId('train', input.to), input), 202);
    });
}
