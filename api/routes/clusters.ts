// GET /clusters: the keyword clusters of a processed day (label, top terms, size), largest first.
import { createRoute, z } from '@hono/zod-openapi';
import { clustersOfDay, newestClusterDay } from '../../activities/db/repositories/keyword-clusters';
import type { ApiDeps } from '../deps';
import { json, readErrors, routes } from '../openapi';
import { day } from '../validate';

const Cluster = z
  .object({ id: z.number().int(), label: z.string(), top_terms: z.array(z.string()), size: z.number().int() })
  .openapi('Cluster');

const list = createRoute({
  method: 'get',
  path: '/clusters',
  tags: ['data'],
  summary: 'Keyword clusters of a processed day, largest first',
  request: { query: z.strictObject({ day: day.optional().openapi({ description: 'default: the newest day with clusters' }) }) },
  responses: { 200: json(z.object({ day: z.string().nullable(), clusters: z.array(Cluster) }), 'the clusters'), ...readErrors() },
});

export function clusterRoutes(deps: ApiDeps) {
  return routes().openapi(list, async (c) => {
    const em = deps.orm.em.fork();
    const theDay = c.req.valid('query').day ?? (await newestClusterDay(em));
    if (!theDay) return c.json({ day: null, clusters: [] }, 200);
    const rows = await clustersOfDay(em, theDay);
    return c.json(
      { day: theDay, clusters: rows.map((r) => ({ id: r.clusterId, label: r.label, top_terms: r.topTerms, size: r.size })) },
      200,
    );
  });
}
