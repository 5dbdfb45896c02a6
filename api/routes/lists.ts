// /lists: the seller's keyword lists (create, read with paged keywords, replace, delete) and collecting one now.
import { createRoute, z } from '@hono/zod-openapi';
import { readKeywordList } from '../../activities/db/repositories/keyword-list-items';
import {
  createKeywordList,
  deleteKeywordList,
  findKeywordList,
  findKeywordLists,
  replaceKeywordList,
  type KeywordListRecord,
} from '../../activities/db/repositories/keyword-lists';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { apiKeySecurity, errors, json, jsonBody, readErrors, routes, RunStarted, writeErrors } from '../openapi';
import { runId, startRun } from '../start';
import {
  decodeKeywordCursor,
  encodeKeywordCursor,
  KeywordList,
  KeywordListPage,
  KeywordPageQuery,
  ListBody,
  ListIdParam,
  toListInput,
  toListJson,
} from './list-schemas';

const TAG = 'lists';
/** Collect now: collect, then score and analyse; training the model stays with the daily pipeline. */
const COLLECT_NOW_STEPS = ['collect', 'process', 'analyze'] as const;

const create = createRoute({
  method: 'post',
  path: '/lists',
  tags: [TAG],
  summary: 'Create a keyword list',
  security: apiKeySecurity,
  request: { body: jsonBody(ListBody, true) },
  responses: { 201: json(KeywordList, 'created'), ...writeErrors() },
});
const all = createRoute({
  method: 'get',
  path: '/lists',
  tags: [TAG],
  summary: 'Every keyword list, oldest first (without their keywords)',
  responses: { 200: json(z.object({ lists: z.array(KeywordList) }), 'the lists'), ...readErrors() },
});
const one = createRoute({
  method: 'get',
  path: '/lists/{id}',
  tags: [TAG],
  summary: 'A keyword list and a page of its keywords',
  request: { params: ListIdParam, query: KeywordPageQuery },
  responses: { 200: json(KeywordListPage, 'the list'), ...readErrors(), ...errors(404, 409) },
});
const replace = createRoute({
  method: 'put',
  path: '/lists/{id}',
  tags: [TAG],
  summary: 'Replace a keyword list (name, keywords, platforms, daily)',
  security: apiKeySecurity,
  request: { params: ListIdParam, body: jsonBody(ListBody, true) },
  responses: { 200: json(KeywordList, 'replaced'), ...writeErrors(), ...errors(404) },
});
const remove = createRoute({
  method: 'delete',
  path: '/lists/{id}',
  tags: [TAG],
  summary: 'Delete a keyword list',
  security: apiKeySecurity,
  request: { params: ListIdParam },
  responses: { 204: { description: 'deleted' }, ...writeErrors(), ...errors(404) },
});
const collect = createRoute({
  method: 'post',
  path: '/lists/{id}/collect',
  tags: [TAG, 'runs'],
  security: apiKeySecurity,
  summary: "Collect a list now: the keyword pipeline's collect, process and analyze steps on its keywords and platforms",
  description: 'Follow it with GET /workflows/{workflowId}: `progress` counts keyword-platform pairs done of total.',
  request: { params: ListIdParam },
  responses: { 202: json(RunStarted, 'started'), ...writeErrors(), ...errors(404, 409) },
});

export function listRoutes(deps: ApiDeps) {
  const em = () => deps.orm.em.fork();
  const found = async (id: string): Promise<KeywordListRecord> => {
    const record = await findKeywordList(em(), id);
    if (!record) throw notFound(id);
    return record;
  };
  return routes()
    .openapi(create, async (c) => c.json(toListJson(await createKeywordList(em(), toListInput(c.req.valid('json')))), 201))
    .openapi(all, async (c) => c.json({ lists: (await findKeywordLists(em())).map(toListJson) }, 200))
    .openapi(one, async (c) => {
      const record = await found(c.req.valid('param').id);
      const { limit, cursor } = c.req.valid('query');
      const offset = cursor ? decodeKeywordCursor(cursor, record.items) : 0;
      const keywords = await readKeywordList(em(), record.items, offset, limit);
      const next =
        offset + keywords.length < record.size && keywords.length === limit ? encodeKeywordCursor(record.items, offset + limit) : null;
      return c.json({ ...toListJson(record), keywords, next_cursor: next }, 200);
    })
    .openapi(replace, async (c) => {
      const { id } = c.req.valid('param');
      const record = await replaceKeywordList(em(), id, toListInput(c.req.valid('json')));
      if (!record) throw notFound(id);
      return c.json(toListJson(record), 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await deleteKeywordList(em(), id))) throw notFound(id);
      return c.body(null, 204);
    })
    .openapi(collect, async (c) => {
      const record = await found(c.req.valid('param').id);
      // the list's keywords travel by their content ID: a later PUT does not change what this run collects
      const input = { keywordList: record.items, platforms: record.platforms, steps: [...COLLECT_NOW_STEPS] };
      return c.json(
        await startRun(c, deps, 'keywordPipeline', runId(`list-${record.id}`, new Date().toISOString().slice(0, 10), input), input),
        202,
      );
    });
}

const notFound = (id: string) => new HttpError(404, 'not_found', `no keyword list '${id}'`);
