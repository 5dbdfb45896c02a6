// The read cache against the real PostgreSQL and Temporal: pages and keywords come from memory until a committed
// write to a table they read is announced (read-cache-connection.test.ts: while the announcements cannot arrive).
import { describe, expect, it } from 'vitest';
import { CHANGE_CHANNEL } from '../../api/cache/change-listener';
import { addDays } from '../../activities/processing/days';
import type { Json } from './test-app';
import { announced, cache, DAY1, DAY2, FIRST, get, keywords, knex, processDay, useReadCacheApp } from './read-cache-app';

useReadCacheApp();

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
