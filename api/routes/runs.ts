// Routes that start processing, trend analysis and training; each answers 202 with the run's ID.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { runId, startRun } from '../start';
import { day, optionalJsonBody, parseWith, platform } from '../validate';

const int = (min: number, max: number) => z.number().int(`must be an integer from ${min} to ${max}`).min(min, `must be an integer from ${min} to ${max}`).max(max, `must be an integer from ${min} to ${max}`);

const processBody = z.strictObject({ day: day.optional(), clusters: int(1, 100).optional() });
const analyzeBody = z.strictObject({ platform: platform.optional(), days: int(1, 365).optional(), to: day.optional() });
const trainBody = z.strictObject({ days: int(8, 365).optional(), to: day.optional() });

export function runRoutes(deps: ApiDeps) {
  return new Hono()
    .post('/process/keywords', async (c) => {
      const input = parseWith(processBody, await optionalJsonBody(c));
      return startRun(c, deps, 'processKeywords', runId('process', input.day), input);
    })
    .post('/analyze/trends', async (c) => {
      const input = parseWith(analyzeBody, await optionalJsonBody(c));
      return startRun(c, deps, 'analyzeTrends', runId(`analyze-${input.platform ?? 'all'}`, input.to), input);
    })
    .post('/models/train', async (c) => {
      const input = parseWith(trainBody, await optionalJsonBody(c));
      return startRun(c, deps, 'trainModel', runId('train', input.to), input);
    });
}
