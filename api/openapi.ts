// Shared pieces of the OpenAPI contract: the error body, the error responses, the run-started body.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './deps';
import { defaultHook } from './validate';

export const ErrorBody = z
  .object({
    error: z.string().openapi({ example: 'invalid_request' }),
    message: z.string().openapi({ example: 'keywords[0]: must be a string' }),
    field: z.string().optional().openapi({ description: 'the request field at fault (400, 413, 415)' }),
    workflowId: z.string().optional().openapi({ description: '409: the run already going for this request' }),
    runId: z.string().optional(),
    statusUrl: z.string().optional(),
  })
  .openapi('Error');

const WHY = {
  400: 'invalid input; `field` names the first problem',
  401: 'missing or wrong API key (X-API-Key or Authorization: Bearer), or none configured on the server',
  404: 'unknown resource',
  409: 'a run for the same request is already going; `workflowId` names it',
  413: 'request body larger than the limit',
  415: 'request body is not application/json',
  422: 'Idempotency-Key reused with a different request',
  429: 'rate limit exceeded; see the Retry-After header',
  500: 'internal error (details in the server log, under the request ID)',
  503: 'Temporal or PostgreSQL unreachable; retry later',
} as const;
type ErrorStatus = keyof typeof WHY;
type ErrorResponses<S extends ErrorStatus> = {
  [K in S]: { description: string; content: { 'application/json': { schema: typeof ErrorBody } } };
};

export function errors<S extends ErrorStatus>(...statuses: S[]): ErrorResponses<S> {
  const out: Record<number, unknown> = {};
  for (const s of statuses) out[s] = { description: WHY[s], content: { 'application/json': { schema: ErrorBody } } };
  return out as ErrorResponses<S>;
}

/** What any route may answer, and what routes that start work or change state add. */
export const readErrors = () => errors(400, 429, 500, 503);
export const writeErrors = () => errors(400, 401, 413, 415, 429, 500, 503);
/** Routes that start work or change state need the API key. */
export const apiKeySecurity: Record<string, string[]>[] = [{ ApiKey: [] }, { Bearer: [] }];

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
/** OpenAPI links (for clients and the stateful fuzzer): a started run is read at GET /workflows/{id}. */
export const RUN_LINKS = { GetRun: { operationId: 'getRun', parameters: { id: '$response.body#/workflowId' } } };
export const jsonBody = <T extends z.ZodType>(schema: T, required: boolean) => ({ required, content: { 'application/json': { schema } } });

export const RunStarted = z
  .object({
    message: z.string().openapi({ example: 'processKeywords started' }),
    workflowId: z.string(),
    runId: z.string(),
    statusUrl: z.string().openapi({ example: '/workflows/process-latest-1a2b3c4d' }),
    temporalUiUrl: z.string(),
  })
  .openapi('RunStarted');

/** A route group: validation failures become the one 400 shape. */
export const routes = () => new OpenAPIHono<AppEnv>({ defaultHook });
