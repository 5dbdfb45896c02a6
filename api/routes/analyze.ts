// /analyze/trends: start a trend analysis (the analyzeTrends workflow) and read the latest stored one.
import { createRoute, z } from '@hono/zod-openapi';
import { latestTrendAnalysis } from '../../activities/db/repositories/trend-analyses';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { errors, json, readErrors, routes } from '../openapi';
import { runId, startRun } from '../start';
import { day, platform } from '../validate';
import { TrendAnalysis, VolumeSourceCounts } from './model-items';
import { int, startRoute } from './start-route';

const AnalyzeBody = z
  .strictObject({
    platform: platform.optional(),
    days: int(1, 365).optional().openapi({ description: 'default 30' }),
    to: day.optional(),
  })
  .openapi('AnalyzeRequest');

const latest = createRoute({
  method: 'get',
  path: '/analyze/trends',
  tags: ['insights'],
  summary: 'The latest stored trend analysis',
  request: { query: z.strictObject({ platform: platform.optional().openapi({ description: 'default: all platforms' }) }) },
  responses: { 200: json(TrendAnalysis, 'the analysis'), ...readErrors(), ...errors(404) },
});

export function analyzeRoutes(deps: ApiDeps) {
  return routes()
    .openapi(startRoute('/analyze/trends', 'runs', 'Analyse trends and forecast volumes', AnalyzeBody), async (c) => {
      const input = c.req.valid('json');
      return c.json(await startRun(c, deps, 'analyzeTrends', runId(`analyze-${input.platform ?? 'all'}`, input.to, input), input), 202);
    })
    .openapi(latest, async (c) => {
      const only = c.req.valid('query').platform;
      const row = await latestTrendAnalysis(deps.orm.em.fork(), only ?? null);
      if (!row) throw new HttpError(404, 'not_found', `no trend analysis stored yet for ${only ?? 'all platforms'}: POST /analyze/trends`);
      const { volume_sources, ...trends } = row.analysis;
      return c.json(
        {
          id: row.id,
          created_at: row.createdAt.toISOString(),
          platform: row.platform ?? 'all',
          window: { from: row.windowFrom, to: row.windowTo },
          observations: row.observations,
          forecast_mape: row.forecastMape,
          volume_sources: (volume_sources as z.infer<typeof VolumeSourceCounts> | undefined) ?? null,
          trends,
          keyword_trends: row.keywordTrends,
          workflow_id: row.workflowId,
        },
        200,
      );
    });
}
