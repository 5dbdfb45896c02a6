// Shared by the simulated APIs: request logging, constant-time credential checks, switchable faults.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ProviderName } from '../../../workflows/types/platforms';
import type { FaultController, SimCall } from '../faults';
import { untilAborted, type Env, type RequestLogEntry } from '../http';
import type { OfficialCredentials, OfficialState } from './state';

export interface OfficialContext {
  credentials: OfficialCredentials;
  state: OfficialState;
  day: () => string;
  faults: FaultController;
  record: (entry: RequestLogEntry) => void;
}

/** An API's own error body for a status and a message. */
export type ErrorBody = (status: number, message: string, retryAfterSeconds?: number) => object;

/** Logs the request under its platform (call: the path's last segment) after the platform's latency fault. */
export function logRequests(platform: ProviderName, ctx: OfficialContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    const entry: RequestLogEntry = {
      platform,
      call: c.req.path.split('/').pop() ?? '',
      method: c.req.method,
      keyword: null,
      status: 0,
      startedAt: performance.timeOrigin + performance.now(),
    };
    ctx.record(entry);
    c.set('entry', entry);
    const latency = ctx.faults.latencyMs(platform);
    if (latency > 0) await sleep(latency, undefined, { signal: c.req.raw.signal }).catch(() => undefined);
    await next();
    entry.status ||= c.res.status;
  };
}

export function fail(c: Context<Env>, status: number, body: object): Response {
  return c.json(body, status as ContentfulStatusCode);
}

/** The platform's switchable fault for this call, in the API's error shape; undefined: answer normally. */
export async function faultResponse(
  c: Context<Env>,
  ctx: OfficialContext,
  platform: ProviderName,
  call: SimCall,
  keyword: string,
  error: ErrorBody,
): Promise<Response | undefined> {
  c.get('entry').keyword = keyword || null;
  const fault = ctx.faults.decide(platform, call, keyword);
  switch (fault.kind) {
    case 'none':
      return undefined;
    case 'hang':
      await untilAborted(c.req.raw.signal);
      c.get('entry').status = 499;
      return new Response(null, { status: 499 });
    case 'rateLimit':
      c.header('Retry-After', String(fault.retryAfterSeconds));
      return fail(c, 429, error(429, 'Too many requests', fault.retryAfterSeconds));
    case 'serverError':
      return fail(c, fault.status, error(fault.status, 'Internal error'));
    case 'notFound':
      return fail(c, 404, error(404, 'Not found'));
    case 'malformed':
      return c.body('{"count": ', 200, { 'Content-Type': 'application/json' });
  }
}
