// What the API tests share: an app on the test stack with a known API key, and "nothing happened" probes.
import type { Client } from '@temporalio/client';
import { createApp } from '../../api/app';
import type { ApiDeps } from '../../api/deps';
import type { Orm } from '../../activities/db/orm';
import type { TestStack } from '../helpers/stack';

export const API_KEY = 'test-api-key-0123456789abcdef';
export const AUTH = { 'x-api-key': API_KEY };
export const JSON_AUTH = { 'content-type': 'application/json', ...AUTH };

export type App = ReturnType<typeof createApp>;
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function testApp(stack: TestStack, taskQueue: string, extra: Partial<ApiDeps> = {}): App {
  return createApp({
    client: stack.client,
    orm: stack.orm,
    temporal: { namespace: 'default', taskQueue, uiUrl: 'http://localhost:8233' },
    security: { apiKey: API_KEY },
    ...extra,
  });
}

/** POST with a JSON body (a string is sent as is) and the API key; without a body, no content type either. */
export const post = (app: App, path: string, body?: unknown, headers: Record<string, string> = body === undefined ? AUTH : JSON_AUTH) =>
  app.request(path, {
    method: 'POST',
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

export async function workflowsOnQueue(client: Client, queue: string): Promise<number> {
  let n = 0;
  for await (const _ of client.workflow.list({ query: `TaskQueue = '${queue}'` })) n++;
  return n;
}

/** Row counts of every table the system writes, to assert that nothing was written. */
export async function rowCounts(orm: Orm): Promise<Record<string, number>> {
  const knex = orm.em.getKnex();
  const tables = (await knex('information_schema.tables')
    .select('table_name')
    .where({ table_schema: 'public' })
    .whereNot('table_name', 'like', 'mikro_orm%')) as { table_name: string }[];
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) counts[table_name] = Number((await knex(table_name).count({ n: '*' }).first())?.n);
  return counts;
}
