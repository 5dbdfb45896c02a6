// GET /clusters: the keyword clusters of a processed day (label, top terms, size), largest first.
import { createRoute, z } from '@hono/zod-openapi';
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
    const knex = deps.orm.em.getKnex();
    const given = c.req.valid('query').day;
    const theDay = given ?? ((await knex('keyword_clusters').first(knex.raw('max(day)::text as day')))?.day as string | null) ?? null;
    if (!theDay) return c.json({ day: null, clusters: [] }, 200);
    const rows = (await knex('keyword_clusters')
      .where('day', theDay)
      .orderBy([{ column: 'size', order: 'desc' }, { column: 'cluster_id' }])
      .select('cluster_id', 'label', 'top_terms', 'size')) as { cluster_id: number; label: string; top_terms: string[]; size: number }[];
    return c.json(
      { day: theDay, clusters: rows.map((r) => ({ id: r.cluster_id, label: r.label, top_terms: r.top_terms, size: r.size })) },
      200,
    );
  });
}
