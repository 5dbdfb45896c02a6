// One error mapper: every failure becomes a JSON body {error, message, field?}; never a stack trace.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ScheduleNotFoundError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { InputError } from '../workflows/validation';
import { isUnreachableCode } from '../activities/db/unreachable';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Extra body fields, e.g. the workflowId of a 409. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function badRequest(field: string, message: string): HttpError {
  return new HttpError(400, 'invalid_request', `${field}: ${message}`, field);
}

// gRPC status codes of the Temporal client: DEADLINE_EXCEEDED, UNAVAILABLE
const GRPC_UNREACHABLE = new Set([4, 14]);
const UNREACHABLE_TEXT = /Connection terminated|Timeout acquiring a connection|connection is closed/i;

/** Temporal or PostgreSQL could not be reached: the error or one of its causes says so. */
export function isUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && isUnreachableCode(code)) return true;
    if (typeof code === 'number' && GRPC_UNREACHABLE.has(code)) return true;
    if (e.name === 'KnexTimeoutError' || UNREACHABLE_TEXT.test(e.message)) return true;
  }
  return false;
}

export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof InputError) return new HttpError(400, 'invalid_request', err.message, err.field);
  if (err instanceof WorkflowNotFoundError) return new HttpError(404, 'not_found', 'no such workflow');
  if (err instanceof ScheduleNotFoundError) return new HttpError(404, 'not_found', 'no such schedule');
  // a start that collides with a run of the same ID: that run is going, never a 500
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new HttpError(409, 'conflict', 'a run with this ID is already going', undefined, { workflowId: err.workflowId });
  }
  if (err instanceof HTTPException) return fromHonoException(err);
  if (isUnreachable(err))
    return new HttpError(503, 'unavailable', 'a backing service (Temporal or PostgreSQL) is unreachable; retry later');
  return new HttpError(500, 'internal', 'internal error');
}

/** Hono's own validators and middleware throw these: malformed JSON, wrong media type. */
function fromHonoException(err: HTTPException): HttpError {
  if (err.status === 400) return badRequest('body', 'is not valid JSON');
  if (err.status === 415) return new HttpError(415, 'unsupported_media_type', 'content-type: must be application/json', 'content-type');
  if (err.status === 413) return payloadTooLarge();
  return new HttpError(500, 'internal', 'internal error');
}

export const payloadTooLarge = (limit?: number) =>
  new HttpError(413, 'payload_too_large', `body: larger than ${limit === undefined ? 'the limit' : `${limit} bytes`}`, 'body');

export function errorResponse(c: Context, err: unknown) {
  const http = toHttpError(err);
  if (http.status >= 500) {
    const log = c.get('log') as (() => { error(obj: object, msg: string): void }) | undefined;
    // the cause goes to the log (with the request ID), never into the response
    log?.().error({ err, status: http.status }, `${c.req.method} ${c.req.path} failed`);
  }
  const body = { error: http.code, message: http.message, ...(http.field ? { field: http.field } : {}), ...http.extra };
  return c.json(body, http.status);
}
