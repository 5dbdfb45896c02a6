// The bench's server process: the real app (rate limit configured out of reach, access logs to /dev/null) and
// a bare Hono route, each on its own port. Started by api-load.ts; the load generator runs in the parent.
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { Hono } from 'hono';
import { pino } from 'pino';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import { startReadCache } from '../../api/cache/change-listener';
import { createLogger } from '../../api/logger';
import type { ReadCache } from '../../api/cache/read-cache';
import { createOrm } from '../../activities/db/orm';

export interface ServerPorts {
  /** The app as deployed: the read cache on (BENCH_CACHE_MB, default the API's 64). */
  api: number;
  /** The same app without the read cache: every request reaches PostgreSQL. */
  uncached: number;
  bare: number;
}

const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<{ port: number; close(): void }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ port: info.port, close: () => server.close() }),
    );
  });

export async function runBenchServer(databaseUrl: string, sampleKeyword: string): Promise<void> {
  const orm = await createOrm(databaseUrl);
  // GETs never reach Temporal: a lazy connection to nowhere is never dialled
  const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
  const readCache = startReadCache(orm, Number(process.env.BENCH_CACHE_MB ?? 64) * 1024 * 1024, logger);
  await readCache.ready;
  const appWith = (cache?: ReadCache) =>
    createApp({
      client,
      orm,
      temporal: { namespace: 'default', taskQueue: 'bench', uiUrl: 'http://localhost:8233' },
      security: { apiKey: 'bench-api-key-0123456789', rateLimit: { perMinute: 1e9, burst: 1e9 } },
      logger,
      cache,
    });
  const app = appWith(readCache.cache);
  const api = await listen(app.fetch);
  const uncached = await listen(appWith().fetch);
  // bare routes: a tiny body, and the API's own answers served from memory (same bytes on the wire, no stack, no query)
  const bytes = async (path: string) => new Uint8Array(await (await app.request(path)).arrayBuffer());
  const page = await bytes('/keywords?sort=opportunity&limit=50');
  const keyword = await bytes(`/keywords/${encodeURIComponent(sampleKeyword)}`);
  const bare = await listen(
    new Hono()
      .get('/bare', (c) => c.json({ ok: true }))
      .get('/bare/page', (c) => c.body(page, 200, { 'content-type': 'application/json' }))
      .get('/bare/keyword', (c) => c.body(keyword, 200, { 'content-type': 'application/json' })).fetch,
  );
  process.send!({ api: api.port, uncached: uncached.port, bare: bare.port } satisfies ServerPorts);
  process.on('message', (m) => {
    if (m === 'stats') return void process.send!(readCache.cache?.stats() ?? null);
    if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      return void process.send!(user + system);
    }
    api.close();
    uncached.close();
    bare.close();
    void readCache
      .close()
      .then(() => orm.close())
      .then(() => process.exit(0));
  });
}

// forked by api-load.ts with the database URL and a keyword as arguments
if (process.send && process.argv[2] && process.argv[3]) {
  runBenchServer(process.argv[2], process.argv[3]).catch((err: unknown) => {
    console.error('[bench server] failed:', err);
    process.exit(1);
  });
}
