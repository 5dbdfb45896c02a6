// The read cache while its announcements cannot arrive: nothing comes from memory while the listening connection is lost
// or stops answering, and the cache is back once a new connection listens.
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CHANGE_CHANNEL, listenForChanges } from '../../api/cache/change-listener';
import { ReadCache } from '../../api/cache/read-cache';
import { cache, DAY2, get, knex, stack, until, useReadCacheApp } from './read-cache-app';

useReadCacheApp();

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
