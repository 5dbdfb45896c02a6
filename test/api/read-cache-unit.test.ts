// ReadCache and batchLoader on their own: byte budget, generations, in-flight sharing and batching.
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../../workers/config/config';
import type { Orm } from '../../activities/db/orm';
import { batchLoader } from '../../api/cache/batch-loader';
import { startReadCache } from '../../api/cache/change-listener';
import { ReadCache, type Body } from '../../api/cache/read-cache';

const body = (text: string) => Buffer.from(text) as Body;
const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('ReadCache', () => {
  const on = (maxBytes = 1000) => {
    const cache = new ReadCache(maxBytes);
    cache.setEnabled(true);
    return cache;
  };

  it('keeps a loaded body and serves it without loading again', async () => {
    const cache = on();
    const r = cache.region('pages', ['processed_keywords']);
    let loads = 0;
    const load = async () => body(`page ${++loads}`);
    expect(await cache.get(r, 'a', load)).toEqual({ body: body('page 1'), status: 'miss' });
    expect(await cache.get(r, 'a', load)).toEqual({ body: body('page 1'), status: 'hit' });
    expect(loads).toBe(1);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 6, hits: 1, misses: 1 });
  });

  it('drops the regions that read an announced table, and only those', async () => {
    const cache = on();
    const pages = cache.region('pages', ['processed_keywords', 'keyword_clusters']);
    const details = cache.region('details', ['processed_keywords', 'observations']);
    await cache.get(pages, 'p', async () => body('p1'));
    await cache.get(details, 'd', async () => body('d1'));
    cache.invalidate('observations');
    expect((await cache.get(pages, 'p', async () => body('p2'))).status).toBe('hit');
    expect(await cache.get(details, 'd', async () => body('d2'))).toEqual({ body: body('d2'), status: 'miss' });
    cache.invalidate('processed_keywords');
    expect(cache.stats().entries).toBe(0);
    cache.invalidate('some_other_table');
    expect(cache.stats().invalidations).toBe(2);
  });

  it('never keeps a load that began before a write was announced, and later requests do not join it', async () => {
    const cache = on();
    const r = cache.region('pages', ['processed_keywords']);
    const old = deferred<Body>();
    const first = cache.get(r, 'a', () => old.promise);
    cache.invalidate('processed_keywords');
    const second = cache.get(r, 'a', async () => body('new'));
    old.resolve(body('old'));
    expect((await first).body).toEqual(body('old'));
    expect((await second).body).toEqual(body('new'));
    expect(await cache.get(r, 'a', async () => body('unexpected'))).toEqual({ body: body('new'), status: 'hit' });
  });

  it('shares one load between identical requests in flight, even when off', async () => {
    const cache = new ReadCache(1000);
    const r = cache.region('pages', ['processed_keywords']);
    let loads = 0;
    const gate = deferred<Body>();
    const load = () => {
      loads++;
      return gate.promise;
    };
    const both = Promise.all([cache.get(r, 'a', load), cache.get(r, 'a', load)]);
    gate.resolve(body('x'));
    expect(await both).toEqual([
      { body: body('x'), status: 'off' },
      { body: body('x'), status: 'off' },
    ]);
    expect(loads).toBe(1);
    expect(cache.stats().entries).toBe(0);
  });

  it('evicts the least recently used bodies beyond its byte budget, and keeps no body over a quarter of it', async () => {
    const cache = on(100);
    const r = cache.region('pages', ['processed_keywords']);
    for (const k of ['a', 'b', 'c', 'd']) await cache.get(r, k, async () => body(k.repeat(25)));
    await cache.get(r, 'a', async () => body('unused'));
    await cache.get(r, 'e', async () => body('e'.repeat(25)));
    // b was the least recently used
    expect(cache.stats()).toMatchObject({ entries: 4, bytes: 100 });
    expect((await cache.get(r, 'b', async () => body('b'))).status).toBe('miss');
    await cache.get(r, 'big', async () => body('x'.repeat(26)));
    expect((await cache.get(r, 'big', async () => body('x'))).status).toBe('miss');
  });

  it('forgets everything when turned off or on, and keeps nothing while off', async () => {
    const cache = on();
    const r = cache.region('pages', ['processed_keywords']);
    await cache.get(r, 'a', async () => body('a'));
    cache.setEnabled(false);
    expect(cache.stats()).toMatchObject({ enabled: false, entries: 0, bytes: 0 });
    expect((await cache.get(r, 'a', async () => body('a'))).status).toBe('off');
    expect(cache.stats().entries).toBe(0);
    cache.setEnabled(true);
    expect((await cache.get(r, 'a', async () => body('a'))).status).toBe('miss');
  });

  it('does not keep a null answer (a 404) nor a failed load', async () => {
    const cache = on();
    const r = cache.region('pages', ['processed_keywords']);
    expect(await cache.get(r, 'none', async () => null)).toEqual({ body: null, status: 'miss' });
    await expect(cache.get(r, 'fails', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(cache.stats().entries).toBe(0);
    expect((await cache.get(r, 'fails', async () => body('ok'))).body).toEqual(body('ok'));
  });
});

describe('batchLoader', () => {
  it('loads the keys asked for in the same turn with one call, each caller getting its own value', async () => {
    const calls: string[][] = [];
    const load = batchLoader<string | null>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    }, null);
    expect(await Promise.all([load('a'), load('b'), load('a'), load('missing')])).toEqual(['A', 'B', 'A', null]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
    expect(await load('c')).toBe('C');
    expect(calls).toHaveLength(2);
  });

  it('splits batches at the maximum size', async () => {
    const sizes: number[] = [];
    const load = batchLoader<number>(
      async (keys) => {
        sizes.push(keys.length);
        return new Map(keys.map((k) => [k, Number(k)]));
      },
      -1,
      3,
    );
    expect(await Promise.all(['1', '2', '3', '4', '5'].map(load))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([3, 2]);
  });

  it('rejects every caller of a failed batch, and the next batch starts afresh', async () => {
    let fail = true;
    const load = batchLoader<string>(async (keys) => {
      if (fail) throw new Error('connection refused');
      return new Map(keys.map((k) => [k, k]));
    }, '');
    const results = await Promise.allSettled([load('a'), load('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await load('a')).toBe('a');
  });
});

describe('API_CACHE_MB', () => {
  it('defaults to 64 MB, 0 turns the cache and its connection off, and a bad value is refused by name', async () => {
    expect(loadConfig({}).api.cacheBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ API_CACHE_MB: '0.5' }).api.cacheBytes).toBe(512 * 1024);
    expect(loadConfig({ API_CACHE_MB: '0' }).api.cacheBytes).toBe(0);
    for (const bad of ['-1', 'lots']) expect(() => loadConfig({ API_CACHE_MB: bad })).toThrow(/API_CACHE_MB/);
    // no connection is opened: an ORM that cannot connect is never touched
    const off = startReadCache({} as Orm, 0, pino({ level: 'silent' }));
    expect(off.cache).toBeUndefined();
    await off.close();
  });
});
