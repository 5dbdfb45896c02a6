// Temporal or PostgreSQL unreachable: 503 JSON naming neither stack nor driver; /ready says which.
import { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../../activities/db/entities';
import type { Orm } from '../../activities/db/orm';
import { freePort } from '../../workers/dev-stack/ports';
import { startTestStack, type TestStack } from '../helpers/stack';
import { JSON_AUTH, post, testApp, type App, type Json } from './test-app';

let stack: TestStack;
let deadOrm: Orm;
let deadClient: Client;
/** The app with one backing service swapped for an unreachable (or broken) one. */
const appWith = (client: Client, orm: Orm) => testApp(stack, 'nowhere', { client, orm });

beforeAll(async () => {
  stack = await startTestStack({ day: '2026-11-22' });
  const closed = await freePort();
  // nothing listens on `closed`; no gRPC retries, so each call fails at once instead of after ~20 s
  deadClient = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${closed}`, connectTimeout: 500, interceptors: [] }) });
  deadOrm = await MikroORM.init({
    clientUrl: `postgresql://u:p@127.0.0.1:${closed}/none`,
    entities,
    connect: false,
    allowGlobalContext: false,
  });
});
afterAll(async () => {
  await deadOrm?.close();
  await stack?.close();
});

async function expect503(app: App, path: string, body?: unknown) {
  const res = body === undefined ? await app.request(path) : await post(app, path, body, JSON_AUTH);
  const text = await res.text();
  expect([path, res.status]).toEqual([path, 503]);
  expect(JSON.parse(text)).toEqual({
    error: 'unavailable',
    message: 'a backing service (Temporal or PostgreSQL) is unreachable; retry later',
  });
  expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\bat /);
}

describe('backing services unreachable', () => {
  it('Temporal down: routes that talk to Temporal answer 503', async () => {
    const app = appWith(deadClient, stack.orm);
    await expect503(app, '/collect/keywords', { keywords: ['ok'], day: '2026-11-22' });
    await expect503(app, '/process/keywords', {});
    await expect503(app, '/workflows/collect-anything');
    await expect503(app, '/schedules');
    expect((await app.request('/models')).status).toBe(200);
  });

  it('PostgreSQL down: routes that read the database answer 503', async () => {
    const app = appWith(stack.client, deadOrm);
    await expect503(app, '/keywords');
    await expect503(app, '/keywords/ebooks');
    await expect503(app, '/keywords/ebooks/observations');
    await expect503(app, '/models');
    await expect503(app, '/analyze/trends');
    expect((await app.request('/health')).status).toBe(200);
  });

  it('/ready names what is unreachable', async () => {
    const check = async (app: App) => {
      const res = await app.request('/ready');
      return [res.status, await res.json()] as [number, Json];
    };
    expect(await check(appWith(deadClient, stack.orm))).toEqual([
      503,
      { status: 'unavailable', checks: { temporal: 'unreachable', postgres: 'ok' } },
    ]);
    expect(await check(appWith(stack.client, deadOrm))).toEqual([
      503,
      { status: 'unavailable', checks: { temporal: 'ok', postgres: 'unreachable' } },
    ]);
    expect(await check(testApp(stack, 'any'))).toEqual([200, { status: 'ready', checks: { temporal: 'ok', postgres: 'ok' } }]);
  });

  it('any other failure is a bare 500: no message, no stack', async () => {
    const broken = {
      em: {
        getKnex: () => {
          throw new TypeError('secret internals at /app/x.ts:1');
        },
      },
    } as unknown as Orm;
    const res = await appWith(stack.client, broken).request('/keywords');
    expect([res.status, await res.json()]).toEqual([500, { error: 'internal', message: 'internal error' }]);
  });
});
