// The read cache against the real PostgreSQL and Temporal: pages and keywords come from memory until a committed
// write to a table they read is announced, and nothing comes from memory while the announcements cannot arrive.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_CHANNEL, listenForChanges, type ChangeListener } from '../../api/cache/change-listener';
import { ReadCache } from '../../api/cache/read-cache';
import { addDays } from '../../activities/processing/days';
import { seedHistory, seedKeywords } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { post, testApp, type App, type Json } from './test-app';

// the default page is the newest processed day of the shared database: these days are later than any other test's
// (runs of today included) and within the year ahead the API accepts
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const FIRST = dayAhead(297);
const DAY1 = dayAhead(300);
const DAY2 = dayAhead(301);
let stack: TestStack;
let app: App;
let cache: ReadCache;
let listener: ChangeListener;
let taskQueue: string;
let keywords: string[];

beforeAll(async () => {
  stack = await startTestStack({ day: DAY2 });
  taskQueue = `read-cache-${uid()}`;
  cache = new ReadCache(8 * 1024 * 1024);
  // no probe during the file: its 'select 1' would replace the 'listen …' the lost-connection test looks the backend up by
  listener = listenForChanges(stack.orm, cache, pino({ level: 'silent' }), { everyMs: 3_600_000, timeoutMs: 5_000 });
  await listener.ready;
  app = testApp(stack, taskQueue, { cache });
  keywords = seedKeywords(uid());
  await seedHistory(stack.orm, keywords, FIRST, 5);
  await processDay(DAY1);
});
afterAll(async () => {
  await listener?.close();
  const knex = stack?.orm.em.getKnex();
  for (const table of ['processed_keywords', 'keyword_clusters', 'observations']) await knex?.(table).where('day', '>=', FIRST).delete();
  await stack?.close();
});

const knex = () => stack.orm.em.getKnex();
const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, cache: res.headers.get('x-cache'), body: (await res.json()) as Json };
};
/** Waits until the listener has seen `n` more announcements than `before`. */
async function announced(before: number, n = 1): Promise<void> {
  const until = Date.now() + 5_000;
  while (cache.stats().invalidations < before + n) {
    if (Date.now() > until) throw new Error(`no announcement after ${cache.stats().invalidations - before} of ${n}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
/** A processing run started through the API, finished by a worker; its writes are announced before it returns. */
async function processDay(day: string): Promise<void> {
  const before = cache.stats().invalidations;
  const res = await post(app, '/process/keywords', { day });
  expect(res.status).toBe(202);
  const { workflowId } = (await res.json()) as Json;
  await stack.withWorker(() => stack.client.workflow.getHandle(workflowId as string).result(), { taskQueue });
  await announced(before);
}

describe('GET /keywords from the read cache', () => {
  it('serves a page from memory, then a new page once a write to processed_keywords is announced', async () => {
    const first = await get(`/keywords?day=${DAY1}&limit=5`);
    expect(first).toMatchObject({ status: 200, cache: 'miss', body: { day: DAY1, count: 5 } });
    const again = await get(`/keywords?day=${DAY1}&limit=5`);
    expect(again).toEqual({ ...first, cache: 'hit' });

    const top = first.body.items[0] as Json;
    const before = cache.stats().invalidations;
    await knex()('processed_keywords').where({ day: DAY1, platform: top.platform, keyword: top.keyword }).update({ opportunity_score: 0 });
    await announced(before);
    const after = await get(`/keywords?day=${DAY1}&limit=5`);
    expect(after.cache).toBe('miss');
    // the same keyword on another platform may still rank: the row is its (platform, keyword)
    expect(after.body.items.map((i: Json) => `${i.platform}:${i.keyword}`)).not.toContain(`${top.platform}:${top.keyword}`);
    expect(after.body.items[0]).toEqual(first.body.items[1]);
  });

  it('moves the default page to the newest day when a processing run writes one', async () => {
    expect(await get('/keywords?limit=3')).toMatchObject({ cache: 'miss', body: { day: DAY1 } });
    expect(await get('/keywords?limit=3')).toMatchObject({ cache: 'hit', body: { day: DAY1 } });
    await processDay(DAY2);
    expect(await get('/keywords?limit=3')).toMatchObject({ cache: 'miss', body: { day: DAY2, count: 3 } });
  });

  it('keeps its pages when a write is rolled back (nothing is announced)', async () => {
    await get(`/keywords?day=${DAY2}&limit=2`);
    const before = cache.stats().invalidations;
    await knex()
      .transaction(async (trx) => {
        await trx('processed_keywords').where({ day: DAY2 }).update({ opportunity_score: 0 });
        await trx.rollback();
      })
      .catch(() => undefined);
    // a later announcement (about observations, which pages do not read) arrives after any the rollback made:
    // PostgreSQL delivers notifications in commit order
    await knex().raw('select pg_notify(?, ?)', [CHANGE_CHANNEL, 'observations']);
    await announced(before);
    expect(cache.stats().invalidations).toBe(before + 1);
    expect(await get(`/keywords?day=${DAY2}&limit=2`)).toMatchObject({ cache: 'hit' });
  });
});

describe('GET /keywords/:keyword from the read cache', () => {
  it('serves a keyword from memory until an observation of it is written; pages are kept', async () => {
    const keyword = keywords[0]!;
    const path = `/keywords/${encodeURIComponent(keyword)}`;
    const first = await get(path);
    expect(first).toMatchObject({ status: 200, cache: 'miss', body: { keyword } });
    expect(first.body.history).toHaveLength(15);
    expect(await get(path)).toEqual({ ...first, cache: 'hit' });
    await get(`/keywords?day=${DAY2}&limit=4`);

    const before = cache.stats().invalidations;
    const day = addDays(FIRST, 5);
    await knex()('observations').insert({
      platform: 'etsy',
      keyword,
      day,
      search_volume: 4242,
      competition: 0.5,
      cpc: 1,
      trend_score: 0.5,
      source: 'test',
      collected_at: new Date(),
      workflow_id: 'read-cache-test',
    });
    await announced(before);
    const after = await get(path);
    expect(after.cache).toBe('miss');
    expect(after.body.history).toHaveLength(16);
    expect(after.body.history.at(-1)).toMatchObject({ platform: 'etsy', day, search_volume: 4242 });
    // observations are not read by the listing: its page survives
    expect(await get(`/keywords?day=${DAY2}&limit=4`)).toMatchObject({ cache: 'hit' });
  });

  it('answers an unknown keyword 404 every time and keeps nothing for it', async () => {
    const entries = cache.stats().entries;
    for (let i = 0; i < 2; i++)
      expect(await get('/keywords/nothing%20cached%20here')).toMatchObject({ status: 404, cache: 'miss', body: { error: 'not_found' } });
    expect(cache.stats().entries).toBe(entries);
  });

  it('answers many keywords asked for at the same moment (one batched query), each with its own data', async () => {
    const some = keywords.slice(10, 20);
    const bodies = await Promise.all(some.map((k) => get(`/keywords/${encodeURIComponent(k)}`)));
    expect(bodies.map((b) => b.body.keyword)).toEqual(some);
    expect(bodies.every((b) => b.status === 200 && b.body.platforms.length === 3 && b.body.history.length === 15)).toBe(true);
    expect(new Set(bodies.map((b) => b.body.platforms[0].search_volume)).size).toBeGreaterThan(1);
  });
});

describe('without announcements', () => {
  it('serves nothing from memory while the listening connection is lost, and is back once it listens again', async () => {
    const path = `/keywords?day=${DAY2}&limit=6`;
    await get(path);
    expect(await get(path)).toMatchObject({ cache: 'hit' });
    await knex().raw(`select pg_terminate_backend(pid) from pg_stat_activity where query = ?`, [`listen ${CHANGE_CHANNEL}`]);
    await until(() => !cache.stats().enabled, 'the cache to turn off');
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    // a write now would not be announced: nothing may be served from memory until the listener is back
    expect(await get(path)).toMatchObject({ status: 200, cache: 'off' });
    await until(() => cache.stats().enabled, 'the listener to come back');
    expect(await get(path)).toMatchObject({ cache: 'miss' });
    expect(await get(path)).toMatchObject({ cache: 'hit' });
  });
});

describe('a listening connection that stops answering', () => {
  it('is found out by its probe: the cache turns off, and on again with a new connection', async () => {
    const backends = async () =>
      new Set(
        ((await knex().raw(`select pid from pg_stat_activity where backend_type = 'client backend'`)).rows as { pid: number }[]).map(
          (r) => r.pid,
        ),
      );
    const before = await backends();
    const own = new ReadCache(1024 * 1024);
    const probed = listenForChanges(stack.orm, own, pino({ level: 'silent' }), { everyMs: 100, timeoutMs: 300 });
    await probed.ready;
    const added = [...(await backends())].filter((pid) => !before.has(pid));
    expect(added).toHaveLength(1);
    const pid = added[0]!;
    // freeze the listening backend: no RST, no answer, just silence
    process.kill(pid, 'SIGSTOP');
    try {
      await until(() => !own.stats().enabled, 'the probe to find the silent connection');
      await until(() => own.stats().enabled, 'a new listening connection');
    } finally {
      process.kill(pid, 'SIGCONT');
      await knex().raw('select pg_terminate_backend(?)', [pid]);
      await probed.close();
    }
  });
});
