// GET /keywords (filters, sort, cursor pagination) and GET /keywords/:keyword (scores, cluster, history).
import { createRoute, z } from '@hono/zod-openapi';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { CURSOR_PATTERN, decodeCursor, encodeCursor, SORTS, type Sort } from '../cursor';
import { errors, json, readErrors, routes } from '../openapi';
import { batchLoader } from '../cache/batch-loader';
import { setHeader } from '../middleware/request-context';
import { ReadCache } from '../cache/read-cache';
import { day, keywordParam, keywordPath, platform, queryInt } from '../validate';
import { History, KeywordItem, toItem } from './keyword-items';
import {
  keywordDetailsReader, keywordPage, newestProcessedDay, VOLUME_SOURCES,
} from '../../activities/db/repositories/processed-keywords';
import { csvResponse, FORMATS, wantsCsv } from '../csv';
import { keywordsCsv } from './keywords-csv';

const ListQuery = z.strictObject({
  platform: platform.optional(),
  cluster: queryInt(0, 1000).optional(),
  min_volume: queryInt(0, 2_000_000_000).optional(),
  q: z.string().trim().toLowerCase().min(1).max(100).optional().openapi({ description: 'keywords containing this text' }),
  list: z.uuid('must be a list id').optional().openapi({ description: "only keywords of this list (GET /lists)" }),
  source: z.enum(VOLUME_SOURCES).optional().openapi({ description: 'only rows whose volume_source is this' }),
  sort: z.enum(Object.keys(SORTS) as [Sort, ...Sort[]]).default('opportunity'),
  limit: queryInt(1, 200).default(50).openapi({ description: 'default 50' }),
  cursor: z.string().regex(new RegExp(CURSOR_PATTERN), 'is not a cursor (value~id); use next_cursor as returned').optional()
    .openapi({ description: 'next_cursor of the previous page, with the same sort' }),
  day: day.optional().openapi({ description: 'default: the newest processed day' }),
  format: z.enum(FORMATS).optional().openapi({ description: 'csv: every matching row, streamed (limit and cursor do not apply); also Accept: text/csv' }),
});
export type ListQuery = z.infer<typeof ListQuery>;

const ListPage = z.object({
  day: z.string().nullable(), sort: z.enum(['opportunity', 'difficulty', 'volume']), count: z.number().int(), items: z.array(KeywordItem),
  next_cursor: z.string().nullable(),
}).openapi('KeywordPage');
type Page = z.infer<typeof ListPage>;

const list = createRoute({
  method: 'get', path: '/keywords', tags: ['data'], summary: "Processed keywords of a day, best first, keyset-paginated",
  request: { query: ListQuery },
  responses: {
    200: { description: 'a page, or with format=csv every matching row', content: { 'application/json': { schema: ListPage }, 'text/csv': { schema: z.string() } } },
    ...readErrors(),
  },
});
const one = createRoute({
  method: 'get', path: '/keywords/{keyword}', tags: ['data'], summary: "A keyword's latest scores per platform and its daily history",
  request: { params: keywordPath },
  responses: { 200: json(z.object({ keyword: z.string(), platforms: z.array(KeywordItem), history: z.array(History) }), 'the keyword'), ...readErrors(), ...errors(404) },
});

export function keywordRoutes(deps: ApiDeps) {
  // without a cache (tests, API_CACHE_MB=0) identical reads in flight still share one query
  const cache = deps.cache ?? new ReadCache(0);
  // volume_source is read from observations too, but a page is dropped only when processed rows change: a collection
  // writing observations all day would otherwise empty it at every commit (the source is refreshed with the next processing)
  const pages = cache.region('keyword-pages', ['processed_keywords', 'keyword_clusters']);
  const details = cache.region('keyword-details', ['processed_keywords', 'keyword_clusters', 'observations']);
  const keywordsData = keywordDetailsReader(deps.orm.em);
  const detail = batchLoader<Buffer<ArrayBuffer> | null>(async (keywords) => {
    const found = new Map<string, Buffer<ArrayBuffer> | null>();
    for (const { keyword, latest, history } of await keywordsData(keywords)) {
      found.set(keyword, latest.length === 0 && history.length === 0 ? null : render({ keyword, platforms: latest.map(toItem), history }));
    }
    return found;
  }, null);
  return routes()
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      if (wantsCsv(c, q.format)) return csvResponse(keywordsCsv(deps.orm.em, q), `keywords${q.day ? `-${q.day}` : ''}.csv`) as never;
      // a bad cursor is a 400 even on an empty table
      const after = q.cursor ? decodeCursor(q.cursor, q.sort) : undefined;
      const load = async () => render(await listPage(deps.orm.em, q, after));
      // a list's keywords change without an announcement (keyword_lists has no change trigger): never from memory
      const { body, status } = q.list ? { body: await load(), status: 'off' as const } : await cache.get(pages, JSON.stringify(q), load);
      setHeader(c, 'X-Cache', status);
      // the typed c.json would serialize on every request: the body is this route's ListPage, built by listPage()
      return c.body(body!, 200, { 'content-type': 'application/json' }) as never;
    })
    .openapi(one, async (c) => {
      const keyword = keywordParam(c.req.valid('param').keyword);
      const { body, status } = await cache.get(details, keyword, () => detail(keyword));
      setHeader(c, 'X-Cache', status);
      if (!body) throw new HttpError(404, 'not_found', `no data for keyword '${keyword}'`);
      return c.body(body, 200, { 'content-type': 'application/json' }) as never;
    });
}

const render = (value: unknown) => Buffer.from(JSON.stringify(value)) as Buffer<ArrayBuffer>;

/** Reads only (no identity map): the process-wide em serves them without a fork. */
export async function listPage(em: EntityManager, q: ListQuery, after?: { value: number; id: string }): Promise<Page> {
  // two small queries beat one with the newest day as a subquery (measured: 1.4 vs 1.7 ms, planning)
  const theDay = q.day ?? (await newestProcessedDay(em));
  if (!theDay) return { day: null, sort: q.sort, count: 0, items: [], next_cursor: null };
  const rows = await keywordPage(em, {
    day: theDay, sort: q.sort, limit: q.limit, platform: q.platform, cluster: q.cluster, minVolume: q.min_volume, text: q.q, source: q.source, list: q.list, after,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    day: theDay, sort: q.sort, count: page.length, items: page.map(toItem),
    next_cursor: rows.length > q.limit && last ? encodeCursor(last[SORTS[q.sort].property], last.id) : null,
  };
}
