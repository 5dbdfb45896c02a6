// GET /keywords (filters, sort, cursor pagination) and GET /keywords/:keyword (scores, cluster, history).
import { Hono } from 'hono';
import { z } from 'zod';
import { normalizeKeywords } from '../../workflows/validation';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { decodeCursor, encodeCursor, SORTS, type Sort } from '../cursor';
import { day, parseWith, platform, queryInt } from '../validate';

const listQuery = z.strictObject({
  platform: platform.optional(),
  cluster: queryInt(0, 1000).optional(),
  min_volume: queryInt(0, 2_000_000_000).optional(),
  sort: z.enum(Object.keys(SORTS) as [Sort, ...Sort[]]).default('opportunity'),
  limit: queryInt(1, 200).default(50),
  cursor: z.string().max(200).optional(),
  day: day.optional(),
});

// dates as text: pg would turn them into local-midnight Date objects
const COLUMNS = ['p.id', 'p.keyword', 'p.platform', 'p.search_volume', 'p.competition', 'p.cpc', 'p.trend_score',
  'p.difficulty_score', 'p.opportunity_score', 'p.cluster_id', 'c.label as cluster_label', 'p.related_keywords', 'p.category'];

export function keywordRoutes(deps: ApiDeps) {
  return new Hono()
    .get('/keywords', async (c) => {
      const q = parseWith(listQuery, c.req.query());
      const knex = deps.orm.em.fork().getKnex();
      const theDay = q.day ?? (await knex('processed_keywords').first(knex.raw('max(day)::text as day')))?.day as string | null;
      if (!theDay) return c.json({ day: null, sort: q.sort, count: 0, items: [], next_cursor: null });
      const { column, direction } = SORTS[q.sort];
      const query = knex('processed_keywords as p')
        .leftJoin('keyword_clusters as c', (j) => j.on('c.day', 'p.day').andOn('c.cluster_id', 'p.cluster_id'))
        .select(COLUMNS).select(knex.raw(`p.day::text as day_text`))
        .where('p.day', theDay)
        .orderBy([{ column: `p.${column}`, order: direction }, { column: 'p.id', order: direction }])
        .limit(q.limit + 1);
      if (q.platform) query.where('p.platform', q.platform);
      if (q.cluster !== undefined) query.where('p.cluster_id', q.cluster);
      if (q.min_volume !== undefined) query.where('p.search_volume', '>=', q.min_volume);
      if (q.cursor) {
        const after = decodeCursor(q.cursor, q.sort);
        query.whereRaw(`(p.${column}, p.id) ${direction === 'desc' ? '<' : '>'} (?, ?)`, [after.value, after.id]);
      }
      const rows = await query;
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return c.json({
        day: theDay, sort: q.sort, count: page.length, items: page.map(toItem),
        next_cursor: rows.length > q.limit && last ? encodeCursor(q.sort, last[column], last.id) : null,
      });
    })
    .get('/keywords/:keyword', async (c) => {
      const [keyword] = normalizeKeywords([c.req.param('keyword')]);
      const knex = deps.orm.em.fork().getKnex();
      const latest = await knex('processed_keywords as p')
        .leftJoin('keyword_clusters as c', (j) => j.on('c.day', 'p.day').andOn('c.cluster_id', 'p.cluster_id'))
        .distinctOn('p.platform').select(COLUMNS).select(knex.raw(`p.day::text as day_text`))
        .where('p.keyword', keyword!).orderBy([{ column: 'p.platform' }, { column: 'p.day', order: 'desc' }]);
      const history = await knex('observations')
        .select('platform', knex.raw(`day::text as day`), 'search_volume', 'competition', 'cpc', 'trend_score')
        .where('keyword', keyword!).orderBy([{ column: 'day' }, { column: 'platform' }]).limit(3 * 366);
      if (latest.length === 0 && history.length === 0) throw new HttpError(404, 'not_found', `no data for keyword '${keyword}'`);
      return c.json({ keyword, platforms: latest.map(toItem), history });
    });
}

type Row = Record<string, unknown>;

function toItem(r: Row) {
  return {
    keyword: r.keyword, platform: r.platform, day: r.day_text, search_volume: r.search_volume, competition: r.competition,
    cpc: r.cpc, trend_score: r.trend_score, difficulty_score: r.difficulty_score, opportunity_score: r.opportunity_score,
    cluster: r.cluster_id === null ? null : { id: r.cluster_id, label: r.cluster_label ?? null },
    related_keywords: r.related_keywords, category: r.category,
  };
}
