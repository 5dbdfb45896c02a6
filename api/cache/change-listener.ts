// One dedicated PostgreSQL connection LISTENing for the data-change announcements of the statement triggers
// (activities/db/changes.ts) and feeding them to the read cache. The cache is on only
// while this connection listens; a lost connection turns it off until the listener is back.
import type { Logger } from 'pino';
import { CHANGE_CHANNEL, openChangeConnection, type ChangeConnection } from '../../activities/db/changes';
import type { Orm } from '../../activities/db/orm';
import { ReadCache } from './read-cache';
import { withTimeout } from '../timeout';

export { CHANGE_CHANNEL };

export interface ChangeListener {
  /** Resolves once the first LISTEN succeeded (the cache is on), or rejects with the first connection error. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const RETRY_MS = { first: 250, max: 15_000 };
/** A connection that died without a word (no RST) would keep the cache on with no announcements: probe it. */
const PROBE = { everyMs: 15_000, timeoutMs: 5_000 };

export function listenForChanges(orm: Orm, cache: ReadCache, log: Logger, probeMs: typeof PROBE = PROBE): ChangeListener {
  let connection: ChangeConnection | undefined;
  let closed = false;
  let retryMs = RETRY_MS.first;
  let timer: NodeJS.Timeout | undefined;
  let probe: NodeJS.Timeout | undefined;

  const lost = (err: unknown) => {
    if (closed || !connection) return;
    const dead = connection;
    connection = undefined;
    clearInterval(probe);
    cache.setEnabled(false);
    void dead.end().catch(() => undefined);
    log.warn({ err, retryInMs: retryMs }, 'read cache off: the change-notification connection was lost');
    schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void connect().catch(() => undefined), retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MS.max);
  };
  const connect = async (): Promise<void> => {
    if (closed) return;
    let c: ChangeConnection | undefined;
    try {
      const opened = await openChangeConnection(orm);
      c = opened.connection;
      c.on('notification', (msg) => {
        if (msg.channel === CHANGE_CHANNEL && msg.payload) cache.invalidate(msg.payload);
      });
      c.on('error', (err) => lost(err));
      c.on('end', () => lost(new Error('connection ended')));
      await opened.listen();
      if (closed) return void (await c.end());
      connection = c;
      retryMs = RETRY_MS.first;
      const probed = c;
      probe = setInterval(
        () =>
          void withTimeout(opened.probe(), probeMs.timeoutMs).catch((err: unknown) => {
            if (connection === probed) lost(err);
          }),
        probeMs.everyMs,
      );
      probe.unref();
      // from here on every committed write is announced; what was cached before is dropped on enabling
      cache.setEnabled(true);
      log.info({ maxBytes: cache.maxBytes }, 'read cache on: listening for data changes');
    } catch (err) {
      await c?.end().catch(() => undefined);
      if (closed) return;
      log.warn({ err, retryInMs: retryMs }, 'read cache off: cannot listen for data changes');
      schedule();
      throw err;
    }
  };

  const ready = connect();
  ready.catch(() => undefined);
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(probe);
      cache.setEnabled(false);
      const c = connection;
      connection = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}

/** The read cache of an API process and its listener; API_CACHE_MB=0 (maxBytes 0) turns both off. */
export function startReadCache(orm: Orm, maxBytes: number, log: Logger): ChangeListener & { cache?: ReadCache } {
  if (maxBytes <= 0) return { ready: Promise.resolve(), close: async () => undefined };
  const cache = new ReadCache(maxBytes);
  const listener = listenForChanges(orm, cache, log);
  return { cache, ready: listener.ready, close: () => listener.close() };
}
