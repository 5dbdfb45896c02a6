// One error mapper: every failure becomes a JSON body with a stable code; never a stack trace.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { WorkflowNotFoundError } from '@temporalio/client';
import { InputError } from '../workflows/validation';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function badRequest(field: string, message: string): HttpError {
  return new HttpError(400, 'invalid_request', `${field}: ${message}`, field);
}

const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|UNAVAILABLE|DEADLINE_EXCEEDED|connect/i;

export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof InputError) return new HttpError(400, 'invalid_request', err.message, err.field);
  if (err instanceof WorkflowNotFoundError) return new HttpError(404, 'not_found', 'no such workflow');
  if (err instanceof Error && UNREACHABLE.test(`${err.name} ${err.message}`)) {
    return new HttpError(503, 'unavailable', 'a backing service (Temporal or PostgreSQL) is unreachable; retry later');
  }
  return new HttpError(500, 'internal', 'internal error');
}

export function errorResponse(c: Context, err: unknown) {
  const http = toHttpError(err);
  if (http.status >= 500) console.error(`[api] ${c.req.method} ${c.req.path}:`, err instanceof Error ? err.message : err);
  return c.json({ error: http.code, message: http.message, ...(http.field ? { field: http.field } : {}) }, http.status);
}

/** Parses a JSON object body, or answers 415/400 naming what is wrong. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'content-type: must be application/json', 'content-type');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('body', 'is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('body', 'must be a JSON object');
  return body as Record<string, unknown>;
}
