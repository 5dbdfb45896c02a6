// The API on a port, as both entry points run it (api/server.ts, workers/local-stack.ts): JSON logs, the read
// cache and its change listener, the app. close() stops accepting requests, then the listener.
import { serve } from '@hono/node-server';
import type { ApiConfig } from './config';
import { createApp } from './app';
import { startReadCache } from './cache/change-listener';
import type { ApiDeps } from './deps';
import { createLogger } from './logger';

export interface ListeningApi {
  close(): Promise<void>;
}

export function listenApi(deps: Omit<ApiDeps, 'security' | 'logger' | 'cache'>, api: ApiConfig, port: number): ListeningApi {
  const logger = createLogger(api.logLevel);
  const readCache = startReadCache(deps.orm, api.cacheBytes, logger);
  const app = createApp({ ...deps, security: api, logger, cache: readCache.cache });
  const server = serve({ fetch: app.fetch, port, hostname: '0.0.0.0' });
  logger.info({ port, corsOrigins: api.corsOrigins, rateLimit: api.rateLimit }, 'API listening');
  return {
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await readCache.close();
    },
  };
}
