// /process/keywords: start scoring and clustering a day of observations (the processKeywords workflow).
import { z } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps';
import { routes } from '../openapi';
import { runId, startRun } from '../start';
import { day } from '../validate';
import { int, startRoute } from './start-route';

const ProcessBody = z
  .strictObject({
    day: day.optional().openapi({ description: 'default: the newest day collected' }),
    clusters: int(1, 100).optional().openapi({ description: 'default 10' }),
  })
  .openapi('ProcessRequest');

export function processRoutes(deps: ApiDeps) {
  return routes().openapi(startRoute('/process/keywords', 'runs', 'Score and cluster a day of observations', ProcessBody), async (c) => {
    const input = c.req.valid('json');
    return c.json(await startRun(c, deps, 'processKeywords', runId('process', input.day, input), input), 202);
  });
}
