// The shape every POST that starts a run shares: an optional JSON body, 202 with the run's ID.
import { createRoute, z } from '@hono/zod-openapi';
import { apiKeySecurity, errors, json, jsonBody, RUN_LINKS, RunStarted, writeErrors } from '../openapi';

export const int = (min: number, max: number) => {
  const message = `must be an integer from ${min} to ${max}`;
  return z.number(message).int(message).min(min, message).max(max, message);
};

export const startRoute = <T extends z.ZodType>(path: string, tag: string, summary: string, body: T) =>
  createRoute({
    method: 'post',
    path,
    tags: [tag],
    summary,
    security: apiKeySecurity,
    description: 'The body is optional: no body means all defaults. An identical request while its run is going answers 409 with that run.',
    request: { body: jsonBody(body, false) },
    responses: { 202: { ...json(RunStarted, 'started'), links: RUN_LINKS }, ...writeErrors(), ...errors(409) },
  });
