// GET /keywords (filters, sort, cursor pagination) and GET /keywords/:keyword (scores, cluster, history).
import { createRoute, z } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { decodeCursor } from '../cursor';
import { errors, json, readErrors, routes } from '../openapi';
import { batchLoader } from '../cache/batch-loader';
import { setHeader } from '../middleware/request-context';
import { ReadCache } from '../cache/read-cache';
import { keywordParam, keywordPath } from '../validate';
import { History, KeywordItem, toItem } from './keyword-items';
import { NumberSources, numberSources } from './keyword-sources';
import { keywordDetailsReader } from '../../activities/db/repositories/keyword-details';
import { listPage, ListPage, ListQuery } from './keyword-page';
import { csvResponse, wantsCsv } from '../csv';
import { keywordsCsv } from './keywords-csv';

const list = createRoute({
  method: 'get',
  path: '/keywords',
  tags: ['data'],
  summary: 'Processed keywords of a day, best first, keyset-paginated',
  request: { query: ListQuery },
  responses: {
    200: {
      description: 'a page, or with format=csv every matching row',
      content: { 'application/json': { schema: ListPage }, 'text/csv': { schema: z.string() } },
    },
    ...readErrors(),
  },
});
const one = createRoute({
  method: 'get',
  path: '/keywords/{keyword}',
  tags: ['data'],
  summary: "A keyword's latest scores per platform, every number with its source and date, and its daily history",
  request: { params: keywordPath },
  responses: {
    200: json(
      z.object({ keyword: z.string(), platforms: z.array(KeywordItem.extend({ sources: NumberSources })), history: z.array(History) }),
      'the keyword; each platform item names the source, kind and date of every number it shows (sources)',
    ),
    ...readErrors(),
    ...errors(404),
  },
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
      found.set(
        keyword,
        latest.length === 0 && history.length === 0
          ? null
          : render({ keyword, platforms: latest.map((r) => ({ ...toItem(r), sources: numberSources(r) })), history }),
      );
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
