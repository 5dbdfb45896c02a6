// GET /keywords/:keyword/observations?platform=&limit=: the stored rows of one keyword, newest day first.
import { createRoute, z } from '@hono/zod-openapi';
import type { Observation } from '../../activities/db/entities';
import { findObservations } from '../../activities/db/repositories/observations';
import type { ApiDeps } from '../deps';
import { readErrors, routes } from '../openapi';
import { bomParam, csvResponse, FORMATS, wantsCsv } from '../csv';
import { observationsCsv } from './observations-csv';
import { keywordParam, keywordPath, platform, queryInt } from '../validate';

const ObservationItem = z
  .object({
    platform,
    keyword: z.string(),
    day: z.string(),
    // null: unknown, the source publishes no such number
    search_volume: z.number().nullable(),
    competition: z.number().nullable(),
    cpc: z.number().nullable(),
    trend_score: z.number().nullable(),
    related_keywords: z.array(z.string()),
    category_data: z.record(z.string(), z.unknown()).nullable(),
    degraded: z.array(z.unknown()).openapi({ description: 'calls that failed and fell back to defaults' }),
    source: z.string(),
    provenance: z.record(z.string(), z.enum(['measured', 'derived', 'unknown'])).openapi({
      description:
        'per metric: measured by the source, derived here from its data, or unknown ({} for rows stored before provenance was recorded)',
    }),
    details: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: 'source-specific extras: result count, price statistics, suggested bid…' }),
    metric_sources: z.record(z.string(), z.string()).openapi({
      description:
        'metrics taken from a demand source (DEMAND_SOURCE) instead of the row\'s own, each with its label, e.g. search_volume: "google-ads: average monthly Google searches"',
    }),
    volume_source: z
      .string()
      .nullable()
      .openapi({ description: "where search_volume came from: a demand source's label, else the row's source; null when unknown" }),
    collected_at: z.string(),
    workflow_id: z.string(),
  })
  .openapi('Observation');

const observations = createRoute({
  method: 'get',
  path: '/keywords/{keyword}/observations',
  tags: ['data'],
  summary: 'Stored observations of a keyword, newest day first',
  request: {
    params: keywordPath,
    query: z.strictObject({
      platform: platform.optional(),
      limit: queryInt(1, 1000).default(100).openapi({ description: 'default 100' }),
      format: z
        .enum(FORMATS)
        .optional()
        .openapi({ description: 'csv: every stored observation (limit does not apply); also Accept: text/csv' }),
      bom: bomParam,
    }),
  },
  responses: {
    200: {
      description: 'observations',
      content: {
        'application/json': {
          schema: z.object({
            keyword: z.string(),
            platform: platform.nullable(),
            count: z.number().int(),
            observations: z.array(ObservationItem),
          }),
        },
        'text/csv': { schema: z.string() },
      },
    },
    ...readErrors(),
  },
});

export function observationRoutes(deps: ApiDeps) {
  return routes().openapi(observations, async (c) => {
    const keyword = keywordParam(c.req.valid('param').keyword);
    const { platform: only, limit, format, bom } = c.req.valid('query');
    if (wantsCsv(c, format)) {
      return csvResponse(observationsCsv(deps.orm.em.fork(), keyword, only, bom === 'true'), `observations-${keyword}.csv`) as never;
    }
    const rows = await findObservations(deps.orm.em.fork(), { keyword, platform: only, limit });
    return c.json({ keyword, platform: only ?? null, count: rows.length, observations: rows.map(toJson) }, 200);
  });
}

function toJson(o: Observation) {
  return {
    platform: o.platform,
    keyword: o.keyword,
    day: o.day,
    search_volume: o.searchVolume,
    competition: o.competition,
    cpc: o.cpc,
    trend_score: o.trendScore,
    related_keywords: o.relatedKeywords,
    category_data: o.categoryData,
    degraded: o.degraded,
    source: o.source,
    provenance: o.provenance,
    details: o.details ?? null,
    metric_sources: o.metricSources ?? {},
    volume_source: o.searchVolume === null ? null : (o.metricSources?.search_volume ?? o.source),
    collected_at: o.collectedAt.toISOString(),
    workflow_id: o.workflowId,
  };
}
