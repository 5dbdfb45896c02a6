// Every request gets an ID (the caller's X-Request-Id when it is sane, else a new UUID), returned in the response
// and carried by every log line about it, and one access log line (method, path, status, ms, request ID, workflow ID).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../deps';

const SANE_ID = /^[\w\-=]{1,128}$/;

/**
 * A request header, straight from Node's parsed headers under @hono/node-server: asking the Fetch Request for
 * one makes the adapter build a whole Headers object first (a fifth of a small request's time under load).
 */
export function headerOf(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming?.headers) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * A response header, set on Node's response under @hono/node-server (Node merges it into the head it writes):
 * Hono's c.header() makes every response carry a Fetch Headers object, which costs as much again to write out.
 * Headers set this way do not show in c.res; app.request() (tests) has no Node response and uses c.header().
 */
export function setHeader(c: Context, name: string, value: string): void {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (typeof outgoing?.setHeader === 'function') outgoing.setHeader(name, value);
  else c.header(name, value);
}

/** The request's logger (a child carrying its ID), made on first use: most requests log only their access line. */
export const logOf = (c: Context<AppEnv>): Logger => c.get('log')();

export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const given = headerOf(c, 'x-request-id');
    const requestId = given && SANE_ID.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    setHeader(c, 'X-Request-Id', requestId);
    let child: Logger | undefined;
    c.set('log', () => (child ??= logger.child({ requestId })));
    await next();
    const workflowId = c.get('workflowId');
    logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(workflowId ? { workflowId } : {}),
      },
      'request',
    );
  };
}
