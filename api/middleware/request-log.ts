// One access log line per request (method, path, status, ms, request ID, workflow ID), and a per-request logger.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../deps';

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    // every line logged while handling the request carries its ID
    const log = logger.child({ requestId: c.get('requestId') });
    c.set('log', log);
    await next();
    log.info({
      method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get('workflowId') ? { workflowId: c.get('workflowId') } : {}),
    }, 'request');
  };
}
